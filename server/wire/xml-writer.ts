/**
 * A very small XML writer for the messages the archive and its tools build (frames, acknowledgements,
 * SOAP envelopes). Every attribute value and text node is escaped here and nowhere else, so no caller can
 * forget it; the output is indented for the humans who read acknowledgements while debugging.
 */

export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string | undefined>>;
  readonly children: readonly XmlChild[];
}

/** A child is an element or a text node (escaped on output). */
export type XmlChild = XmlElement | { readonly text: string };

/** Builds an element; attributes whose value is undefined are left out, undefined children skipped. */
export function el(
  name: string,
  attrs: Readonly<Record<string, string | undefined>> = {},
  ...children: ReadonlyArray<XmlChild | undefined | false>
): XmlElement {
  return { name, attrs, children: children.filter((c): c is XmlChild => c !== undefined && c !== false) };
}

/** A text node. */
export function text(value: string): XmlChild {
  return { text: value };
}

/** An element holding only text. */
export function textEl(
  name: string,
  value: string,
  attrs: Readonly<Record<string, string | undefined>> = {},
): XmlElement {
  return el(name, attrs, text(value));
}

/** Escapes character data for use in text nodes and double-quoted attribute values. */
export function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;');
}

/** Serialises an element with a UTF-8 XML declaration. */
export function toXmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialise(root, 0)}\n`;
}

/** Serialises an element (no declaration), indented by two spaces per level. */
export function serialise(node: XmlElement, depth = 0): string {
  const pad = '  '.repeat(depth);
  const attrs = Object.entries(node.attrs)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  if (node.children.length === 0) {
    return `${pad}<${node.name}${attrs}/>`;
  }
  if (node.children.every((c) => 'text' in c)) {
    const body = node.children.map((c) => escapeXml((c as { text: string }).text)).join('');
    return `${pad}<${node.name}${attrs}>${body}</${node.name}>`;
  }
  const inner = node.children
    .map((c) => ('text' in c ? pad + '  ' + escapeXml(c.text) : serialise(c, depth + 1)))
    .join('\n');
  return `${pad}<${node.name}${attrs}>\n${inner}\n${pad}</${node.name}>`;
}
