/**
 * A generated corpus for differential tests of Exclusive XML Canonicalization and XML-DSig verification:
 * small documents that combine the features exc-c14n treats specially (comments and processing
 * instructions inside and outside the signed element, CDATA, character and entity references in text and
 * attributes, attribute order, namespace declarations on ancestors and on the element, the default
 * namespace undeclared, xml: attributes, whitespace and CR/LF in text, non-ASCII), each carrying a
 * ds:Signature template over the element with ID="b" for an independent signer (xmlsec1) to fill in;
 * and the twins of a signed document: changed content (must fail) and reformulations that Canonical XML
 * says are the same document (must still verify).
 *
 * Deterministic (seeded), so a failure names a document that the next run generates again. Used by
 * test/signature/c14n-differential.test.ts; kept here so other suites can reuse it.
 */
import { mulberry32 } from '../../server/cda/build-ids.js';

export const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
export const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
export const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

/** The signed element's ID value; the reference URI is `#b`. */
export const BODY_ID = 'b';

/** The namespaces the signed element can be in, with its local name, for xmlsec1's --id-attr flags. */
export const BODY_ELEMENTS: readonly { readonly ns: string; readonly local: string }[] = [
  { ns: 'urn:a', local: 'body' },
  { ns: 'urn:default', local: 'body' },
  { ns: 'urn:own', local: 'body' },
  { ns: '', local: 'body' },
];

/** `--id-attr:ID` arguments naming every element the generator can sign. */
export const XMLSEC1_ID_ATTRS: readonly string[] = BODY_ELEMENTS.flatMap((b) => [
  '--id-attr:ID',
  b.ns === '' ? b.local : `${b.ns}:${b.local}`,
]);

/** Marker text in every signed element; changing it must break the digest. */
export const MARKER = 'MARKER-42';

export interface CorpusDocument {
  readonly name: string;
  /** The unsigned document with an empty ds:Signature template. */
  readonly xml: string;
  readonly features: readonly string[];
}

export interface Twin {
  readonly name: string;
  readonly xml: string;
  /** True when the change is one Canonical XML ignores (the signature must still verify). */
  readonly invariant: boolean;
}

interface Choice {
  readonly name: string;
  readonly text: string;
}

/** What sits outside the signed element: before, after or beside it. */
const OUTSIDE: readonly { name: string; before: string; beside: string; after: string }[] = [
  { name: 'nothing outside', before: '', beside: '', after: '' },
  { name: 'comment before the root', before: '<!-- before -->\n', beside: '', after: '' },
  { name: 'PI before the root', before: '<?app before="1"?>\n', beside: '', after: '' },
  { name: 'comment and PI after the root', before: '', beside: '', after: '\n<!-- after --><?app after?>' },
  {
    name: 'comment and PI beside the signed element',
    before: '',
    beside: '<!-- beside --><?app beside?>',
    after: '',
  },
];

/** Declarations on the ancestors of the signed element, and how the element is named under them. */
const ANCESTRY: readonly { name: string; root: string; wrap: string; open: string; close: string }[] = [
  { name: 'prefixed element, prefix on the root', root: '', wrap: '', open: '<a:body', close: '</a:body>' },
  {
    name: 'default namespace inherited from the root',
    root: ' xmlns="urn:default"',
    wrap: '',
    open: '<body',
    close: '</body>',
  },
  {
    name: 'own default namespace on the element',
    root: ' xmlns="urn:default"',
    wrap: ' xmlns:p="urn:p"',
    open: '<body xmlns="urn:own"',
    close: '</body>',
  },
  {
    name: 'no namespace under an ancestor default (xmlns="")',
    root: ' xmlns="urn:default"',
    wrap: '',
    open: '<body xmlns=""',
    close: '</body>',
  },
  {
    name: 'unused and used prefixes on ancestors',
    root: ' xmlns:unused="urn:unused" xmlns:p="urn:p"',
    wrap: ' xmlns:q="urn:q"',
    open: '<a:body',
    close: '</a:body>',
  },
  {
    name: 'prefix redeclared on the element with the same URI',
    root: ' xmlns:p="urn:p"',
    wrap: '',
    open: '<a:body xmlns:a="urn:a" xmlns:p="urn:p"',
    close: '</a:body>',
  },
  {
    name: 'prefix redeclared on the element with another URI',
    root: ' xmlns:p="urn:p-outer"',
    wrap: '',
    open: '<a:body xmlns:p="urn:p"',
    close: '</a:body>',
  },
];

/** Attribute sets on the signed element (besides ID). */
const BODY_ATTRIBUTES: readonly Choice[] = [
  { name: 'no other attribute', text: '' },
  { name: 'attributes out of order', text: ' z="1" c="2" a="3"' },
  {
    name: 'prefixed attributes sorted by namespace URI',
    text: ' xmlns:b="urn:x" xmlns:c="urn:xa" c:a="1" b:z="2" m="3"',
  },
  { name: 'upper- and lower-case prefixes', text: ' xmlns:B="urn:B" xmlns:a2="urn:a2" a2:k="1" B:k="2"' },
  { name: 'xml: attributes', text: ' xml:lang="fi" xml:space="preserve"' },
  { name: 'references in an attribute', text: ' v="t&#9;n&#10;r&#13;&lt;&amp;&quot;&apos;&gt;&#xE4;"' },
  { name: 'literal whitespace in an attribute', text: ' v="tab\there\nline  two"' },
  { name: 'non-ASCII attribute', text: ' v="äöå Ω ’ € \u{1D11E}"' },
  { name: 'NEL and LINE SEPARATOR in an attribute', text: ' v="a\u0085b\u2028c"' },
  { name: 'single-quoted attribute with a double quote', text: ' v=\'say "hi"\'' },
];

/** Content of the signed element; each document takes several. */
const CONTENT: readonly Choice[] = [
  { name: 'comment inside', text: '<!-- inside -->' },
  { name: 'PI inside', text: '<?app inside data?>' },
  { name: 'PI without data inside', text: '<?app?>' },
  { name: 'PI with odd spacing inside', text: '<?app   a  b ?>' },
  { name: 'CDATA', text: '<![CDATA[<x> & y > z]]>' },
  { name: 'empty CDATA', text: '<![CDATA[]]>' },
  { name: 'character references in text', text: 'c&#13;&#10;&#9;&#x41;&#233;&#x1D11E;' },
  { name: 'entity references in text', text: '&lt;&gt;&amp;&quot;&apos;' },
  { name: 'CR/LF and whitespace in text', text: '  one\r\ntwo\rthree\n\t four  ' },
  { name: 'non-ASCII text', text: 'äöå ÄÖÅ Ω 日本 \u{1D11E} ’' },
  { name: 'replacement character in text', text: 'legacy \ufffd data' },
  // XML 1.1 ends lines at NEL and LINE SEPARATOR too; XML 1.0, which these documents declare, does not.
  { name: 'NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR in text', text: 'a\u0085b\r\u0085c\u2028d\u2029e' },
  { name: 'child undeclaring the default namespace', text: '<n xmlns=""><m/></n>' },
  { name: 'child with its own default namespace', text: '<d xmlns="urn:child"><e/></d>' },
  { name: 'child using an ancestor prefix', text: '<p:x p:y="1"/>' },
  { name: 'prefix used only by an attribute', text: '<k xmlns:q="urn:q2" q:at="v"/>' },
  { name: 'superfluous declaration on a child', text: '<s xmlns:unused2="urn:u2"/>' },
  { name: 'empty element written open and closed', text: '<o></o><o/>' },
  { name: 'greater-than and ]]> in text', text: 'a > b ]]&gt; c' },
  { name: 'xml:lang on a child', text: '<l xml:lang="sv">ord</l>' },
  { name: 'nested prefixed children', text: '<a:i><a:j xmlns:a="urn:a">t</a:j></a:i>' },
];

function signatureTemplate(enveloped: boolean): string {
  const transforms = enveloped
    ? `<ds:Transform Algorithm="${ENVELOPED}"/><ds:Transform Algorithm="${EXC_C14N}"/>`
    : `<ds:Transform Algorithm="${EXC_C14N}"/>`;
  return (
    `<ds:Signature xmlns:ds="${DSIG_NS}"><ds:SignedInfo>` +
    `<ds:CanonicalizationMethod Algorithm="${EXC_C14N}"/>` +
    '<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>' +
    `<ds:Reference URI="#${BODY_ID}"><ds:Transforms>${transforms}</ds:Transforms>` +
    '<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue/>' +
    '</ds:Reference></ds:SignedInfo><ds:SignatureValue/></ds:Signature>'
  );
}

/**
 * `count` documents. Every choice of every dimension appears (the index walks each list in turn), and
 * the content items are combined at random on top, so the corpus covers both each feature and mixtures.
 */
export function generateCorpus(count: number, seed = 12): CorpusDocument[] {
  const rnd = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const docs: CorpusDocument[] = [];
  for (let i = 0; i < count; i++) {
    const outside = OUTSIDE[i % OUTSIDE.length] ?? pick(OUTSIDE);
    const ancestry = ANCESTRY[i % ANCESTRY.length] ?? pick(ANCESTRY);
    const attributes = BODY_ATTRIBUTES[i % BODY_ATTRIBUTES.length] ?? pick(BODY_ATTRIBUTES);
    const content = [CONTENT[i % CONTENT.length] as Choice, pick(CONTENT), pick(CONTENT)];
    const enveloped = i % 3 === 2;
    const signature = signatureTemplate(enveloped);
    const inner = content.map((c) => c.text).join(`<t>${MARKER}</t>`);
    const body =
      `${ancestry.open} ID="${BODY_ID}"${attributes.text}>${inner}<t>${MARKER}</t>` +
      `${enveloped ? signature : ''}${ancestry.close}`;
    const rootNs = ancestry.root.includes('xmlns:p=') ? ancestry.root : `${ancestry.root} xmlns:p="urn:p"`;
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `${outside.before}<a:root xmlns:a="urn:a"${rootNs}>` +
      `<a:wrap${ancestry.wrap}>${outside.beside}${body}</a:wrap>` +
      `${enveloped ? '' : signature}</a:root>${outside.after}\n`;
    const features = [
      outside.name,
      ancestry.name,
      attributes.name,
      ...content.map((c) => c.name),
      enveloped ? 'enveloped signature inside the signed element' : 'detached sibling signature',
    ];
    docs.push({ name: `#${i} ${features.join(', ')}`, xml, features });
  }
  return docs;
}

/**
 * The twin of a signed document (`signedXml` as the signer wrote it): for even `i` a change of content
 * inside the signed element, for odd `i` a reformulation that Canonical XML maps to the same bytes.
 */
export function twinOf(signedXml: string, i: number): Twin {
  const [start, end] = signedRange(signedXml);
  const before = signedXml.slice(0, start);
  const body = signedXml.slice(start, end);
  const after = signedXml.slice(end);
  const changes = i % 2 === 0 ? CONTENT_CHANGES : INVARIANT_CHANGES;
  for (let k = 0; k < changes.length; k++) {
    const change = changes[(Math.floor(i / 2) + k) % changes.length] as (typeof changes)[number];
    const changed = change.apply(body);
    if (changed !== undefined && changed !== body) {
      return { name: change.name, xml: before + changed + after, invariant: i % 2 === 1 };
    }
  }
  throw new Error('no twin change applies');
}

interface Change {
  readonly name: string;
  readonly apply: (body: string) => string | undefined;
}

const CONTENT_CHANGES: readonly Change[] = [
  { name: 'marker text changed', apply: (b) => b.replace(MARKER, 'MARKER-43') },
  { name: 'PI data changed', apply: (b) => replaceOnce(b, /<\?app( [^?]*)?\?>/, '<?app changed?>') },
  { name: 'attribute value changed', apply: (b) => replaceOnce(b, / (z|v|m|k)="/, ' $1="x') },
  { name: 'CDATA content changed', apply: (b) => replaceOnce(b, /<!\[CDATA\[/, '<![CDATA[!') },
  { name: 'xml:lang changed', apply: (b) => replaceOnce(b, /xml:lang="(fi|sv)"/, 'xml:lang="en"') },
  { name: 'carriage return reference removed', apply: (b) => replaceOnce(b, /&#13;|&#xD;/, '') },
  { name: 'element added', apply: (b) => b.replace(`<t>${MARKER}</t>`, `<t>${MARKER}</t><t/>`) },
];

const INVARIANT_CHANGES: readonly Change[] = [
  {
    name: 'comment added inside',
    apply: (b) => b.replace(`<t>${MARKER}</t>`, `<t>${MARKER}<!-- new --></t>`),
  },
  {
    name: 'empty element written open and closed',
    apply: (b) => replaceOnce(b, /<([A-Za-z][\w:.-]*)([^<>]*?)\/>/, '<$1$2></$1>'),
  },
  {
    name: 'attribute quotes changed',
    apply: (b) => replaceOnce(b, / ID="b"/, " ID='b'"),
  },
  { name: 'character written as a reference', apply: (b) => b.replace(MARKER, '&#77;ARKER-42') },
  {
    name: 'CDATA written as escaped text',
    apply: (b) => b.replace(`<t>${MARKER}</t>`, `<t><![CDATA[${MARKER}]]></t>`),
  },
  { name: 'whitespace inside the start tag', apply: (b) => replaceOnce(b, / ID="b"/, '\n   ID = "b" ') },
];

function replaceOnce(s: string, re: RegExp, to: string): string | undefined {
  return re.test(s) ? s.replace(re, to) : undefined;
}

/** The character range of the signed element (ID="b") in a serialised document. */
function signedRange(xml: string): [number, number] {
  const id = xml.search(/ ID="b"/);
  const start = xml.lastIndexOf('<', id);
  const name = /^<([^\s>]+)/.exec(xml.slice(start))?.[1];
  if (id === -1 || !name) {
    throw new Error('the signed element is not in the document');
  }
  const close = `</${name}>`;
  const end = xml.lastIndexOf(close);
  return [start, end + close.length];
}
