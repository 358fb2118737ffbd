/**
 * Namespaces in XML 1.0 (https://www.w3.org/TR/xml-names/) well-formedness, decided in one place.
 *
 * Why: a document that is well-formed XML but not namespace-well-formed means different things to
 * different readers. A Java archive parses namespace-aware (Xerces refuses every case below as a fatal
 * error), and a signature verifier, a schema validator and the archive's own reader must agree on which
 * element is which. xmldom refuses some cases (unbound element prefixes) but silently drops a declaration
 * of the prefix xmlns and merges two attributes with the same expanded name, so the check runs on the
 * text, before the parser: each start tag's declarations, prefixes and expanded attribute names.
 */

export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

/** The rest of a start tag after its "<": name, attributes, optional "/", ">". */
const START_TAG = /([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Markup that holds no tags, by its opening, with where it ends. */
const SKIPPED: readonly (readonly [string, string])[] = [
  ['<!--', '-->'],
  ['<![CDATA[', ']]>'],
  ['<?', '?>'],
];

/**
 * The first Namespaces-in-XML violation in `text` (a well-formedness problem is left to the parser),
 * described with the element it is on, or undefined. One pass with indexOf; a scope map is copied only
 * where a tag declares namespaces.
 */
export function checkNamespaces(text: string): string | undefined {
  const scopes: Map<string, string>[] = [new Map([['xml', XML_NAMESPACE]])];
  let i = text.indexOf('<');
  while (i !== -1) {
    const second = text.charCodeAt(i + 1);
    // Only "<!" and "<?" can open markup without tags.
    const skipped =
      second === 33 /* ! */ || second === 63 /* ? */
        ? SKIPPED.find(([open]) => text.startsWith(open, i))
        : undefined;
    if (skipped) {
      const end = text.indexOf(skipped[1], i + skipped[0].length);
      if (end === -1) {
        return undefined;
      }
      i = text.indexOf('<', end + skipped[1].length);
      continue;
    }
    if (second === 47 /* / */) {
      // Never below the document's scope, however unbalanced the text (the parser refuses that).
      if (scopes.length > 1) {
        scopes.pop();
      }
      i = text.indexOf('<', i + 2);
      continue;
    }
    START_TAG.lastIndex = i + 1;
    const m = START_TAG.exec(text);
    if (!m) {
      // Not a well-formed start tag: the parser will say what is wrong.
      i = text.indexOf('<', i + 1);
      continue;
    }
    const [, name = '', attributeText = '', empty] = m;
    const parent = scopes[scopes.length - 1] as Map<string, string>;
    const attributes: [string, string][] = [];
    let declares = false;
    if (attributeText !== '') {
      ATTRIBUTE.lastIndex = 0;
      for (let a = ATTRIBUTE.exec(attributeText); a; a = ATTRIBUTE.exec(attributeText)) {
        const attr = a[1] ?? '';
        // Only a declaration's value (a namespace URI) is ever compared.
        const declaration = isDeclaration(attr);
        declares ||= declaration;
        attributes.push([attr, declaration ? unescape(a[2] ?? a[3] ?? '') : '']);
      }
    }
    const scope = declares ? new Map(parent) : parent;
    const problem = checkStartTag(name, attributes, scope);
    if (problem) {
      return `${problem} (in <${name}>)`;
    }
    if (!empty) {
      scopes.push(scope);
    }
    i = text.indexOf('<', START_TAG.lastIndex);
  }
  return undefined;
}

/** Applies the tag's declarations to `scope`, then checks its names against it. */
function checkStartTag(
  name: string,
  attributes: readonly [string, string][],
  scope: Map<string, string>,
): string | undefined {
  for (const [attr, uri] of attributes) {
    if (isDeclaration(attr)) {
      const problem = checkDeclaration(attr === 'xmlns' ? '' : attr.slice(6), uri);
      if (problem) {
        return problem;
      }
      scope.set(attr === 'xmlns' ? '' : attr.slice(6), uri);
    }
  }
  if (isUnbound(name, scope)) {
    return `the prefix of ${name} is not bound to a namespace`;
  }
  let prefixed = 0;
  for (const [attr] of attributes) {
    if (isUnbound(attr, scope)) {
      return `the prefix of ${attr} is not bound to a namespace`;
    }
    if (attr.indexOf(':') > 0 && !isDeclaration(attr)) {
      prefixed++;
    }
  }
  // Only prefixed attributes can share an expanded name without sharing a written name.
  if (prefixed < 2) {
    return undefined;
  }
  const expanded = new Set<string>();
  for (const [attr] of attributes) {
    const colon = attr.indexOf(':');
    if (attr === 'xmlns' || attr.startsWith('xmlns:') || colon < 0) {
      continue;
    }
    const key = `{${scope.get(attr.slice(0, colon)) ?? ''}}${attr.slice(colon + 1)}`;
    if (expanded.has(key)) {
      return `the attribute ${key} appears twice after namespace expansion`;
    }
    expanded.add(key);
  }
  return undefined;
}

function isDeclaration(attr: string): boolean {
  return attr === 'xmlns' || attr.startsWith('xmlns:');
}

/** Whether a prefixed name's prefix (other than xmlns) has no namespace in `scope`. */
function isUnbound(name: string, scope: ReadonlyMap<string, string>): boolean {
  const colon = name.indexOf(':');
  return colon > 0 && !name.startsWith('xmlns:') && !scope.get(name.slice(0, colon));
}

/** One declaration against the reserved prefixes and names of Namespaces in XML. */
function checkDeclaration(prefix: string, uri: string): string | undefined {
  if (prefix === 'xmlns') {
    return `the prefix xmlns is reserved and must not be declared (xmlns:xmlns="${uri}")`;
  }
  if (prefix === 'xml') {
    return uri === XML_NAMESPACE
      ? undefined
      : `the prefix xml may only be bound to ${XML_NAMESPACE}, not to "${uri}"`;
  }
  if (uri === XML_NAMESPACE || uri === XMLNS_NAMESPACE) {
    return `${prefix === '' ? 'the default namespace' : `the prefix ${prefix}`} must not be bound to the reserved namespace ${uri}`;
  }
  if (prefix !== '' && uri === '') {
    return `xmlns:${prefix}="" undeclares a prefix, which XML 1.0 namespaces do not allow`;
  }
  // Parsers part here: xmldom, libxml2 and Xerces take the value as written, saxes (the archive's parser)
  // trims it with String.prototype.trim, so a " urn:hl7-org:v3" (or a trailing no-break space, ideographic
  // space, LINE SEPARATOR: everything trim() removes, which is what \s matches) would put the CDA in the HL7
  // namespace for one reader and not for another. White space is not part of any URI reference (section
  // 2.2), so the text is refused instead.
  if (/^\s|\s$/.test(uri)) {
    return `the namespace name "${uri}" begins or ends with white space, which no URI reference does`;
  }
  return undefined;
}

/** Enough entity decoding to compare namespace URIs (no DOCTYPE, so only the predefined ones and refs). */
function unescape(value: string): string {
  if (!value.includes('&')) {
    return value;
  }
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_m, e: string) =>
    e.startsWith('#x')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(parseInt(e.slice(1), 10))
        : (({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[e] ?? ''),
  );
}
