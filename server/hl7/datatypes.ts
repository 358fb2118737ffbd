/**
 * Readers for the HL7 V3 data types both the CDA and the transfer frame use (CE/CD, II, PN, TS), so the
 * two parsers agree on what "absent" means: an element that is missing, carries only a nullFlavor, or has
 * an empty value is absent.
 */
import type { DomElement } from '../xml/tree.js';
import { attr, childElements, NS, textOf } from '../xml/dom.js';

/** A coded value as HL7 carries it. */
export interface CodedValue {
  readonly code: string;
  readonly codeSystem?: string;
  readonly displayName?: string;
}

/** A CE/CD value; undefined when the element is missing or carries no @code. */
export function readCoded(el: DomElement | undefined): CodedValue | undefined {
  const code = attr(el, 'code');
  if (code === undefined) {
    return undefined;
  }
  const codeSystem = attr(el, 'codeSystem');
  const displayName = attr(el, 'displayName');
  return {
    code,
    ...(codeSystem === undefined ? {} : { codeSystem }),
    ...(displayName === undefined ? {} : { displayName }),
  };
}

/** II/@root, or undefined when absent or empty (a nullFlavor alone gives undefined). */
export function readRoot(el: DomElement | undefined): string | undefined {
  const root = attr(el, 'root');
  return root === undefined || root === '' ? undefined : root;
}

/** II/@extension, or undefined when absent or empty. */
export function readExtension(el: DomElement | undefined): string | undefined {
  const ext = attr(el, 'extension');
  return ext === undefined || ext === '' ? undefined : ext;
}

/** A value attribute (TS, INT), or undefined when absent or empty. */
export function readValue(el: DomElement | undefined): string | undefined {
  const v = attr(el, 'value');
  return v === undefined || v === '' ? undefined : v;
}

/** Non-empty text content, or undefined. */
export function readText(el: DomElement | undefined): string | undefined {
  const t = textOf(el);
  return t === undefined || t === '' ? undefined : t;
}

export interface PersonName {
  /** Given names, without the call name (qualifier CL) that repeats one of them. */
  readonly given: string[];
  readonly family: string;
}

/** A PN in namespace `ns`: given names in order, family names joined by a space. */
export function readName(nameEl: DomElement | undefined, ns: string = NS.HL7): PersonName | undefined {
  if (!nameEl) {
    return undefined;
  }
  const given = childElements(nameEl, ns, 'given')
    .filter((g) => attr(g, 'qualifier') !== 'CL')
    .map((g) => textOf(g) ?? '')
    .filter((g) => g !== '');
  const family = childElements(nameEl, ns, 'family')
    .map((f) => textOf(f) ?? '')
    .filter((f) => f !== '')
    .join(' ');
  return { given, family };
}

/** "Given Family", or undefined when the name is empty. */
export function formatName(name: PersonName | undefined): string | undefined {
  if (!name) {
    return undefined;
  }
  const s = [...name.given, name.family].filter((p) => p !== '').join(' ');
  return s === '' ? undefined : s;
}

/** An integer, or NaN when the text is present but not a plain integer (the validator reports it). */
export function parseStrictInt(text: string): number {
  return /^[+-]?\d{1,9}$/.test(text.trim()) ? Number.parseInt(text, 10) : Number.NaN;
}

/** Spreads `{[key]: value}` only when value is defined, so that optional fields are absent rather than undefined. */
export function defined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
