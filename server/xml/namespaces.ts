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

const START_TAG = /<(\/?)([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * The first Namespaces-in-XML violation in `text` (a well-formedness problem is left to the parser),
 * described with the element it is on, or undefined.
 */
export function checkNamespaces(text: string): string | undefined {
  // Comments, CDATA sections and processing instructions hold no tags.
  const stripped = text.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>/g, '');
  const scopes: Map<string, string>[] = [new Map([['xml', XML_NAMESPACE]])];
  START_TAG.lastIndex = 0;
  for (let m = START_TAG.exec(stripped); m; m = START_TAG.exec(stripped)) {
    const [, closing, name = '', attributeText = '', empty] = m;
    if (closing) {
      scopes.pop();
      continue;
    }
    const scope = new Map(scopes[scopes.length - 1]);
    const attributes: [string, string][] = [];
    ATTRIBUTE.lastIndex = 0;
    for (let a = ATTRIBUTE.exec(attributeText); a; a = ATTRIBUTE.exec(attributeText)) {
      attributes.push([a[1] ?? '', unescape(a[2] ?? a[3] ?? '')]);
    }
    const problem = checkStartTag(name, attributes, scope);
    if (problem) {
      return `${problem} (in <${name}>)`;
    }
    if (!empty) {
      scopes.push(scope);
    }
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
  const unbound = [name, ...attributes.map(([a]) => a)].find((n) => {
    const colon = n.indexOf(':');
    return colon > 0 && n.slice(0, colon) !== 'xmlns' && !scope.get(n.slice(0, colon));
  });
  if (unbound) {
    return `the prefix of ${unbound} is not bound to a namespace`;
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
