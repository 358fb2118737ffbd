/**
 * The structured content (the signed hl7fi:json) as a reader sees it: every key labelled from the field
 * dictionary, coded values named from their code list, identifiers with their system's name, ISO dates
 * marked as dates for the page to format in its language. Nothing is dropped: a value the reader does not
 * recognise is shown as the text it is.
 */
import type { CodeLists } from '../codes/code-lists.js';
import { ID_ROOTS } from '../codes/code-systems.js';
import type { ArchivedDocument } from './archived-document.js';
import { fieldDictionary, labellerFor, type FieldDictionary, type FieldLabel } from './content-fields.js';
import type { CodeNames } from './metadata-fields.js';

/** A code or identifier system by name; `names` is absent when neither a code list nor the dictionary knows it. */
export interface SystemName {
  readonly names?: CodeNames;
}

export type ContentValue =
  | { readonly kind: 'empty' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'date'; readonly date: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'code'; readonly code: string; readonly names?: CodeNames; readonly system?: SystemName }
  | {
      readonly kind: 'identifier';
      readonly value: string;
      readonly system?: SystemName;
      /** A personal identity code: shown as data, masked nowhere it is not already. */
      readonly hetu: boolean;
    }
  | { readonly kind: 'list'; readonly items: readonly ContentValue[] }
  | { readonly kind: 'group'; readonly fields: readonly ContentField[] };

export interface ContentField {
  readonly key: string;
  readonly label: FieldLabel;
  readonly value: ContentValue;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const oidOf = (system: string): string => system.replace(/^urn:oid:/, '');

interface Reader {
  readonly label: (key: string) => FieldLabel;
  readonly codes: CodeLists;
  readonly dictionary: FieldDictionary;
}

function systemName(system: string | undefined, r: Reader): SystemName | undefined {
  if (system === undefined) {
    return undefined;
  }
  const oid = oidOf(system);
  const names = r.dictionary.codeSystems[oid];
  if (names) {
    return { names };
  }
  const list = r.codes.list(oid);
  return list ? { names: { fi: list.name } } : {};
}

function readValue(v: unknown, r: Reader): ContentValue {
  if (v === null || v === undefined || v === '') {
    return { kind: 'empty' };
  }
  if (typeof v === 'boolean') {
    return { kind: 'boolean', value: v };
  }
  if (typeof v === 'string') {
    return ISO_DATE.test(v) ? { kind: 'date', date: v } : { kind: 'text', text: v };
  }
  if (typeof v !== 'object') {
    return { kind: 'text', text: String(v) };
  }
  if (Array.isArray(v)) {
    return { kind: 'list', items: v.map((item) => readValue(item, r)) };
  }
  return readObject(v as Json, r);
}

function readObject(v: Json, r: Reader): ContentValue {
  const code = str(v['code']);
  const system = str(v['system']);
  if (code !== undefined) {
    const entry = system ? r.codes.lookup(oidOf(system), code) : undefined;
    const display = str(v['display']);
    const names: CodeNames | undefined = entry
      ? { fi: entry.fi, ...(entry.sv ? { sv: entry.sv } : {}), ...(entry.en ? { en: entry.en } : {}) }
      : display
        ? { fi: display }
        : undefined;
    const sys = systemName(system, r);
    return { kind: 'code', code, ...(names ? { names } : {}), ...(sys ? { system: sys } : {}) };
  }
  const value = str(v['value']);
  if (value !== undefined && Object.keys(v).every((k) => k === 'value' || k === 'system')) {
    const sys = systemName(system, r);
    return {
      kind: 'identifier',
      value,
      hetu: system !== undefined && oidOf(system) === ID_ROOTS.HETU,
      ...(sys ? { system: sys } : {}),
    };
  }
  return {
    kind: 'group',
    fields: Object.entries(v).map(([key, item]) => ({ key, label: r.label(key), value: readValue(item, r) })),
  };
}

/**
 * The document's structured content, labelled; undefined when it has none. The JSON's single root key is
 * the document type's name in snake case (as in the real documents), which the page already shows as its
 * title, so its content is shown directly.
 */
export function structuredContent(
  doc: ArchivedDocument,
  codes: CodeLists,
  dictionary: FieldDictionary = fieldDictionary(),
): ContentValue | undefined {
  const json = doc.content.json;
  if (json === undefined) {
    return undefined;
  }
  const d = doc.document;
  const label = labellerFor(
    [
      d.header.specificDocumentType?.code,
      d.code?.code,
      d.header.documentGroup ? `group:${d.header.documentGroup.code}` : undefined,
    ],
    dictionary,
  );
  const keys = isObject(json) ? Object.keys(json) : [];
  const root =
    keys.length === 1 && isObject(json) && isObject(json[keys[0] as string]) ? json[keys[0] as string] : json;
  return readValue(root, { label, codes, dictionary });
}

/** One leaf of the labelled content: its path of labels (list positions from 1) and its value. */
export interface ContentLeaf {
  readonly labels: readonly (FieldLabel | number)[];
  readonly value: ContentValue;
}

/** The leaves by a stable path key, for comparing versions value by value. */
export function contentLeaves(
  value: ContentValue | undefined,
  path = '',
  labels: readonly (FieldLabel | number)[] = [],
  out = new Map<string, ContentLeaf>(),
): Map<string, ContentLeaf> {
  if (value === undefined) {
    return out;
  }
  if (value.kind === 'group') {
    for (const f of value.fields) {
      contentLeaves(f.value, path ? `${path}.${f.key}` : f.key, [...labels, f.label], out);
    }
  } else if (value.kind === 'list') {
    value.items.forEach((item, i) =>
      contentLeaves(item, `${path}[${i}]`, value.items.length > 1 ? [...labels, i + 1] : labels, out),
    );
  } else {
    out.set(path, { labels, value });
  }
  return out;
}
