/**
 * The one XML writer: callers build a small tree with el(), text(), raw() and frag(), and pick one of two
 * serialised forms for it.
 *
 * - The signed form (toSignedXml, used by the CDA builder): compact, no whitespace between tags, no
 *   comments, no declaration, because documents are signed as built and what is returned is what is signed.
 *   Its escaping is strict so that a parser's normalisation cannot change signed bytes: CR in text, and
 *   tabs and line ends in attributes, become character references; characters XML 1.0 cannot carry are
 *   refused (BAD_REQUEST) rather than written into a document no parser would read.
 * - The readable form (serialise / toXmlDocument, used for frames, acknowledgements and SOAP envelopes):
 *   indented by two spaces for the humans who read acknowledgements while debugging. Its escaping
 *   (escapeXml) is the one the pinned acknowledgements carry, byte for byte.
 *
 * Every attribute value and text node is escaped here and nowhere else, so no caller can forget it.
 */
import { KantaSimError } from '../errors.js';

/** Attribute values; undefined attributes are left out, so optional metadata needs no `if`s. */
export type XmlAttrs = Readonly<Record<string, string | number | undefined>>;

export interface XmlElement {
  readonly name: string;
  readonly attrs: XmlAttrs;
  /** Never holds a group: el() flattens groups into their nodes. */
  readonly children: readonly XmlChild[];
}

/** Character data, escaped on output. */
export interface XmlText {
  readonly text: string;
}

/** Trusted, already well-formed XML (e.g. Base64, which needs no escaping), written as is. */
export interface XmlRaw {
  readonly raw: string;
}

/** Several siblings handed around as one value (frag()). */
export interface XmlGroup {
  readonly nodes: readonly XmlChild[];
}

/** Anything that can be a child of an element. */
export type XmlChild = XmlElement | XmlText | XmlRaw | XmlGroup;

/** Builds an element; undefined or false children are skipped, groups are spliced in place. */
export function el(
  name: string,
  attrs: XmlAttrs = {},
  ...children: ReadonlyArray<XmlChild | undefined | false>
): XmlElement {
  return { name, attrs, children: flatten(children) };
}

/** A text node. */
export function text(value: string): XmlText {
  return { text: value };
}

/** Marks trusted, already well-formed XML as a node that is written without escaping. */
export function raw(xml: string): XmlRaw {
  return { raw: xml };
}

/** Joins nodes (skipping undefined) into one value that el() splices into its children. */
export function frag(...parts: ReadonlyArray<XmlChild | undefined | false>): XmlGroup {
  return { nodes: flatten(parts) };
}

/** An element holding only text. */
export function textEl(name: string, value: string, attrs: XmlAttrs = {}): XmlElement {
  return el(name, attrs, text(value));
}

function flatten(parts: ReadonlyArray<XmlChild | undefined | false>): XmlChild[] {
  const out: XmlChild[] = [];
  for (const part of parts) {
    if (part === undefined || part === false) {
      continue;
    }
    if ('nodes' in part) {
      out.push(...part.nodes);
    } else {
      out.push(part);
    }
  }
  return out;
}

/** The attributes that have a value, in the order given. */
function presentAttrs(attrs: XmlAttrs): [string, string][] {
  return Object.entries(attrs)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([key, value]) => [key, String(value)]);
}

// ---- the signed form ----

// XML 1.0 cannot carry these characters at all, not even as character references: escaping cannot help,
// so the writer refuses them instead of producing a document no parser would read.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Throws BAD_REQUEST when a value holds characters XML 1.0 cannot represent. */
function assertXmlChars(value: string, what: string): void {
  const m = NOT_XML_CHAR.exec(value);
  if (m) {
    const cp = m[0].codePointAt(0) ?? 0;
    throw new KantaSimError(
      'BAD_REQUEST',
      `${what} contains U+${cp.toString(16).toUpperCase().padStart(4, '0')}, which XML cannot carry`,
    );
  }
}

/**
 * Escapes character data for the signed form. `>` is escaped too (for `]]>`), and CR becomes a reference
 * so that the parser's line-end normalisation cannot change what was signed.
 */
function escapeText(value: string, what = 'text'): string {
  assertXmlChars(value, what);
  return value.replace(/[&<>\r]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;',
  );
}

/** Escapes an attribute value for the signed form; tabs and line ends become references so attribute normalisation keeps them. */
function escapeAttr(value: string, what = 'attribute'): string {
  assertXmlChars(value, what);
  return value.replace(/[&<>"'\t\n\r]/g, (c) => ATTR_ESCAPES[c] ?? c);
}

const ATTR_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/**
 * The signed form: compact, `<name a="v"/>` when an element has nothing inside, children concatenated
 * without whitespace. Throws BAD_REQUEST for characters XML cannot carry, naming the element or attribute.
 */
export function toSignedXml(node: XmlChild): string {
  if ('text' in node) {
    return escapeText(node.text);
  }
  if ('raw' in node) {
    return node.raw;
  }
  if ('nodes' in node) {
    return node.nodes.map(toSignedXml).join('');
  }
  const attrs = presentAttrs(node.attrs)
    .map(([key, value]) => ` ${key}="${escapeAttr(value, `${node.name}/@${key}`)}"`)
    .join('');
  const body = node.children.map(toSignedXml).join('');
  return body === '' ? `<${node.name}${attrs}/>` : `<${node.name}${attrs}>${body}</${node.name}>`;
}

// ---- the readable form ----

/** Escapes character data for the readable form, in text nodes and double-quoted attribute values alike. */
export function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;');
}

/** Serialises an element in the readable form with a UTF-8 XML declaration. */
export function toXmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialise(root, 0)}\n`;
}

/** One inline child of the readable form: text is escaped, raw XML written as is. */
function inline(child: XmlText | XmlRaw): string {
  return 'text' in child ? escapeXml(child.text) : child.raw;
}

function isInline(child: XmlChild): child is XmlText | XmlRaw {
  return 'text' in child || 'raw' in child;
}

/** Serialises an element in the readable form (no declaration), indented by two spaces per level. */
export function serialise(node: XmlElement, depth = 0): string {
  const pad = '  '.repeat(depth);
  const attrs = presentAttrs(node.attrs)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  if (node.children.length === 0) {
    return `${pad}<${node.name}${attrs}/>`;
  }
  if (node.children.every(isInline)) {
    const body = node.children.map((c) => inline(c as XmlText | XmlRaw)).join('');
    return `${pad}<${node.name}${attrs}>${body}</${node.name}>`;
  }
  const inner = node.children
    .map((c) => (isInline(c) ? pad + '  ' + inline(c) : serialise(c as XmlElement, depth + 1)))
    .join('\n');
  return `${pad}<${node.name}${attrs}>\n${inner}\n${pad}</${node.name}>`;
}
