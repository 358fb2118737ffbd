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
    const skipped = SKIPPED.find(([open]) => text.startsWith(open, i));
    if (skipped) {
      const end = text.indexOf(skipped[1], i + skipped[0].length);
      if (end === -1) {
        return undefined;
      }
      i = text.indexOf('<', end + skipped[1].length);
      continue;
    }
    if (text.charCodeAt(i + 1) === 47 /* / */) {
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
    if (attributeText !== '') {
      ATTRIBUTE.lastIndex = 0;
      for (let a = ATTRIBUTE.exec(attributeText); a; a = ATTRIBUTE.exec(attributeText)) {
        attributes.push([a[1] ?? '', unescape(a[2] ?? a[3] ?? '')]);
      }
    }
    const declares = attributes.some(([n]) => n === 'xmlns' || n.startsWith('xmlns:'));
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
    if (attr === 'xmlns' || attr.startsWith('xmlns:')) {
      const problem = checkDeclaration(attr === 'xmlns' ? '' : attr.slice(6), uri);
      if (problem) {
        return problem;
      }
      scope.set(attr === 'xmlns' ? '' : attr.slice(6), uri);
    }
  }
  const isUnbound = (n: string): boolean => {
    const colon = n.indexOf(':');
    return colon > 0 && n.slice(0, colon) !== 'xmlns' && !scope.get(n.slice(0, colon));
  };
  const unbound = isUnbound(name) ? name : attributes.map(([a]) => a).find(isUnbound);
  if (unbound) {
    return `the prefix of ${unbound} is not bound to a namespace`;
  }
  if (attributes.length < 2) {
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
  return undefined;
}

/** Enough entity decoding to compare namespace URIs (no DOCTYPE, so only the predefined ones and refs). */
function unescape(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_m, e: string) =>
    e.startsWith('#x')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(parseInt(e.slice(1), 10))
        : (({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[e] ?? ''),
  );
}
