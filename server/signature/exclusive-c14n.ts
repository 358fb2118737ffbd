/**
 * Exclusive XML Canonicalization 1.0 without comments (https://www.w3.org/TR/xml-exc-c14n/), of one
 * element and its descendants, over the archive's xmldom tree.
 *
 * Why our own and not xml-crypto's ExclusiveCanonicalization: the digest is the archive's verdict, and it
 * must equal what every other XML-DSig implementation (libxmlsec/xmlsec1, Apache Santuario in a Java
 * archive) computes for the same bytes. xml-crypto's class differs from the specification where real
 * documents can reach: it renders a processing instruction as escaped text (a PI in the signed body was
 * refused as SIG_DIGEST_MISMATCH although xmlsec1 verifies it), throws on an empty CDATA section, orders
 * namespace prefixes by locale instead of by code point, orders attributes by the concatenation of
 * namespace URI and local name instead of by URI then name, and may change the element it canonicalizes
 * (InclusiveNamespaces read from a child). test/signature/c14n-differential.test.ts checks this module
 * against xmlsec1 on generated documents over every feature the specification treats specially.
 *
 * The input is a parsed tree, so the parser already did what c14n asks of it: line ends normalised to LF,
 * attribute values normalised, character and entity references replaced, CDATA sections read as text.
 */
import type { Attr, Element, Node as DomNode } from '@xmldom/xmldom';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;
const PI = 7;

/**
 * Canonicalizes `apex` and its subtree. `omit` (the enveloped-signature transform) is left out with its
 * subtree, wherever it sits below the apex.
 */
export function exclusiveCanonicalize(apex: Element, omit?: DomNode): string {
  const out: string[] = [];
  renderElement(apex, new Map([['', '']]), out, omit);
  return out.join('');
}

/** `rendered`: prefix -> namespace URI declared by the nearest output ancestors ('' is the default). */
function renderElement(
  el: Element,
  rendered: ReadonlyMap<string, string>,
  out: string[],
  omit: DomNode | undefined,
): void {
  const attributes: Attr[] = [];
  const utilised = new Map<string, string>();
  utilised.set(el.prefix ?? '', el.namespaceURI ?? '');
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i);
    if (!a || a.namespaceURI === XMLNS_NS) {
      continue;
    }
    attributes.push(a);
    // An unprefixed attribute is in no namespace: it never utilises the default namespace.
    if (a.prefix && a.namespaceURI !== XML_NS) {
      utilised.set(a.prefix, a.namespaceURI ?? '');
    }
  }
  const scope = new Map(rendered);
  const declarations: [string, string][] = [];
  for (const [prefix, uri] of utilised) {
    if ((rendered.get(prefix) ?? '') !== uri || (prefix !== '' && !rendered.has(prefix))) {
      declarations.push([prefix, uri]);
      scope.set(prefix, uri);
    }
  }
  declarations.sort(([a], [b]) => compareCodePoints(a, b));
  attributes.sort(
    (a, b) =>
      compareCodePoints(a.namespaceURI ?? '', b.namespaceURI ?? '') ||
      compareCodePoints(a.localName ?? a.name, b.localName ?? b.name),
  );
  out.push('<', el.tagName);
  for (const [prefix, uri] of declarations) {
    out.push(prefix === '' ? ' xmlns="' : ` xmlns:${prefix}="`, escapeAttribute(uri), '"');
  }
  for (const a of attributes) {
    out.push(' ', a.name, '="', escapeAttribute(a.value), '"');
  }
  out.push('>');
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n === omit) {
      continue;
    }
    if (n.nodeType === ELEMENT) {
      renderElement(n as Element, scope, out, omit);
    } else if (n.nodeType === TEXT || n.nodeType === CDATA) {
      out.push(escapeText(n.nodeValue ?? ''));
    } else if (n.nodeType === PI) {
      const data = n.nodeValue ?? '';
      out.push('<?', n.nodeName, data === '' ? '' : ` ${data}`, '?>');
    }
    // Comments are not part of the "without comments" output; no other node types occur without a DOCTYPE.
  }
  out.push('</', el.tagName, '>');
}

/** Orders by Unicode code point (the specification's order), not by UTF-16 unit or locale. */
function compareCodePoints(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) {
      return x.done ? (y.done ? 0 : -1) : 1;
    }
    const d = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0);
    if (d !== 0) {
      return d;
    }
  }
}

function escapeText(s: string): string {
  return s.replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c] ?? c);
}

function escapeAttribute(s: string): string {
  return s.replace(/[&<"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}

const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\r': '&#xD;',
};
const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '"': '&quot;',
  '\t': '&#x9;',
  '\n': '&#xA;',
  '\r': '&#xD;',
};
