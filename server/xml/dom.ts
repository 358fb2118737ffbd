/**
 * xmldom's DOM parser (the parser xml-crypto itself uses) for signing, the client tools and the
 * cross-check of the light tree, and the namespace-aware walking helpers that read both its trees and the
 * light trees of read-tree.ts. Callers must run checkXmlSafety() first; parseDom() refuses DOCTYPEs again
 * anyway, so a forgotten check cannot open entity expansion.
 */
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { checkNamespaces } from './namespaces.js';
import type { DomDocument, DomElement } from './tree.js';
import { installXmldomRegExpCache } from './xmldom-regexp-cache.js';

installXmldomRegExpCache();

export const NS = Object.freeze({
  HL7: 'urn:hl7-org:v3',
  HL7FI: 'urn:hl7finland',
  DSIG: 'http://www.w3.org/2000/09/xmldsig#',
  SOAP11: 'http://schemas.xmlsoap.org/soap/envelope/',
  SOAP12: 'http://www.w3.org/2003/05/soap-envelope',
  XSI: 'http://www.w3.org/2001/XMLSchema-instance',
});

/**
 * xmldom warns when the text holds U+FFFD, a hint that something upstream decoded badly. The character is
 * legal XML 1.0 content that libxml2 and Java's parsers read without a word, and legacy data being migrated
 * carries it; decoding here never produces it (encoding.ts), so a U+FFFD in the text is what the client sent.
 */
const REPLACEMENT_CHARACTER_WARNING = 'Unicode replacement character detected';

/** A failure says whether the text is well-formed XML that breaks Namespaces in XML (`namespace`). */
export type DomResult =
  { ok: true; doc: Document } | { ok: false; message: string; namespace?: boolean; cause?: unknown };

/**
 * Parses XML text strictly into xmldom's DOM: any parser warning or error makes the whole text malformed
 * (after prepareText). For signing and the client tools; the archive reads client XML with read-tree.ts.
 */
export function parseDom(input: string): DomResult {
  const text = prepareText(input);
  if (typeof text !== 'string') {
    return text;
  }
  const problems: string[] = [];
  try {
    const doc = new DOMParser({
      // No line/column positions on nodes: nothing reads them, error messages do not carry them, and
      // tracking them costs a RegExp scan per text node and a copy per element with attributes.
      locator: false,
      normalizeLineEndings: xml10LineEnds,
      onError: (level, message) => {
        if (level === 'warning' && message.startsWith(REPLACEMENT_CHARACTER_WARNING)) {
          return;
        }
        problems.push(`${level}: ${message}`);
        if (level !== 'warning') {
          throw new Error(message);
        }
      },
    }).parseFromString(text, 'text/xml');
    if (problems.length > 0 || !doc.documentElement) {
      return { ok: false, message: problems[0] ?? 'no root element' };
    }
    return { ok: true, doc };
  } catch (cause) {
    const message = problems[0] ?? (cause instanceof Error ? cause.message : String(cause));
    // checkNamespaces() should have caught these; xmldom's own NamespaceError is kept as a backstop.
    return message.includes('NamespaceError')
      ? { ok: false, message, namespace: true, cause }
      : { ok: false, message, cause };
  }
}

/**
 * What both parsers (this one and read-tree.ts) do before parsing: a leading byte order mark is not content
 * (XML 1.0 section 4.3.3) and many client stacks write one, so it is skipped; DOCTYPEs are refused again
 * (so a forgotten checkXmlSafety() cannot open entity declarations); text that is not namespace-well-formed
 * (namespaces.ts) is refused, flagged `namespace`, so that both parsers classify it alike.
 */
export function prepareText(input: string): string | Extract<DomResult, { ok: false }> {
  const text = readableText(input);
  return typeof text === 'string' ? (namespaceRefusal(text) ?? text) : text;
}

/** prepareText without the namespace check, for a parser that runs it itself (read-tree.ts says when). */
export function readableText(input: string): string | Extract<DomResult, { ok: false }> {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (/<!DOCTYPE/i.test(text)) {
    return { ok: false, message: 'DOCTYPE declarations are not allowed' };
  }
  // saxes takes a high surrogate followed by any character as a pair; xmldom refuses it in some places
  // only. Text decoded strictly from bytes never holds one, but a string handed in directly can.
  if (!isWellFormed.call(text)) {
    const at = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.exec(text)?.index;
    return { ok: false, message: `an unpaired UTF-16 surrogate at offset ${at}, which is not a character` };
  }
  return text;
}

/** The refusal of text that is not namespace-well-formed (namespaces.ts), or undefined. */
export function namespaceRefusal(text: string): Extract<DomResult, { ok: false }> | undefined {
  const problem = checkNamespaces(text);
  return problem ? { ok: false, message: problem, namespace: true } : undefined;
}

/** String.prototype.isWellFormed (ES2024, native in Node 20); tsconfig's lib stops at ES2023. */
const isWellFormed = (String.prototype as unknown as { isWellFormed(this: string): boolean }).isWellFormed;

/**
 * XML 1.0 end-of-line handling (section 2.11): CRLF and a lone CR become LF, nothing else. xmldom's default
 * also turns NEL (U+0085) and LINE SEPARATOR (U+2028) into LF, as XML 1.1 does; libxml2 (xmlsec1) and
 * Java's parsers read an XML 1.0 document without that, so text pasted with a LINE SEPARATOR, signed by a
 * client, failed its digest here while it verified there (test/signature/c14n-differential.test.ts).
 */
function xml10LineEnds(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
}

/**
 * Element children of `parent`, optionally only those with the given namespace and local name. These
 * helpers return xmldom elements for an xmldom tree (which signing goes on to change) and tree.ts elements
 * for a light tree.
 */
export function childElements(parent: Element | Document, ns?: string, localName?: string): Element[];
export function childElements(
  parent: DomElement | DomDocument,
  ns?: string,
  localName?: string,
): DomElement[];
export function childElements(
  parent: DomElement | DomDocument,
  ns?: string,
  localName?: string,
): DomElement[] {
  const out: DomElement[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1) {
      const el = n as DomElement;
      if (
        (ns === undefined || el.namespaceURI === ns) &&
        (localName === undefined || el.localName === localName)
      ) {
        out.push(el);
      }
    }
  }
  return out;
}

/** The first matching child element, or undefined. */
export function childElement(parent: Element | Document, ns: string, localName: string): Element | undefined;
export function childElement(
  parent: DomElement | DomDocument,
  ns: string,
  localName: string,
): DomElement | undefined;
export function childElement(
  parent: DomElement | DomDocument,
  ns: string,
  localName: string,
): DomElement | undefined {
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1) {
      const el = n as DomElement;
      if (el.namespaceURI === ns && el.localName === localName) {
        return el;
      }
    }
  }
  return undefined;
}

/** Follows a path of local names in one namespace, first match at each step. */
export function pathElement(parent: Element | Document, ns: string, ...path: string[]): Element | undefined;
export function pathElement(
  parent: DomElement | DomDocument,
  ns: string,
  ...path: string[]
): DomElement | undefined;
export function pathElement(
  parent: DomElement | DomDocument,
  ns: string,
  ...path: string[]
): DomElement | undefined {
  let cur: DomElement | DomDocument | undefined = parent;
  for (const step of path) {
    cur = cur ? childElement(cur, ns, step) : undefined;
  }
  return cur as DomElement | undefined;
}

/** All descendant elements with the given namespace and local name, in document order. */
export function descendants(root: Element | Document, ns: string, localName: string): Element[];
export function descendants(root: DomElement | DomDocument, ns: string, localName: string): DomElement[];
export function descendants(root: DomElement | DomDocument, ns: string, localName: string): DomElement[] {
  const out: DomElement[] = [];
  const walk = (node: DomElement | DomDocument): void => {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 1) {
        const el = n as DomElement;
        if (el.namespaceURI === ns && el.localName === localName) {
          out.push(el);
        }
        walk(el);
      }
    }
  };
  walk(root);
  return out;
}

/** An attribute's value, or undefined when absent (xmldom returns '' or null for absent attributes). */
export function attr(el: DomElement | undefined, name: string): string | undefined {
  if (!el || !el.hasAttribute(name)) {
    return undefined;
  }
  return el.getAttribute(name) ?? undefined;
}

/** The concatenated text content (comments excluded), trimmed. */
export function textOf(el: DomElement | undefined): string | undefined {
  if (!el) {
    return undefined;
  }
  let s = '';
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3 || n.nodeType === 4) {
      s += n.nodeValue ?? '';
    }
  }
  return s.trim();
}

/** A readable XPath for an element (local names with positions where siblings share a name). */
export function xpathOf(el: DomElement): string {
  const steps: string[] = [];
  let cur: DomElement | null = el;
  while (cur && cur.nodeType === 1) {
    const parentNode: DomElement | null =
      cur.parentNode && cur.parentNode.nodeType === 1 ? (cur.parentNode as DomElement) : null;
    let step = cur.localName ?? cur.nodeName;
    if (parentNode) {
      const same = childElements(parentNode, cur.namespaceURI ?? undefined, cur.localName ?? undefined);
      if (same.length > 1) {
        step += `[${same.indexOf(cur) + 1}]`;
      }
    }
    steps.unshift(step);
    cur = parentNode;
  }
  return '/' + steps.join('/');
}
