/**
 * The elements signatures may point at, checked once per document: the ID index (every element carrying
 * an ID-like attribute) and the body, which must be ClinicalDocument/component/nonXMLBody with
 * ID="OID<document id>" and the only element anywhere carrying that value.
 */
import type { DomDocument, DomElement } from '../xml/tree.js';
import { RULES } from '../rules/catalogue.js';
import { violation, type RuleViolation } from '../rules/rule.js';
import { NS, attr, childElements } from '../xml/dom.js';
import { signatureXpath } from './location.js';
import { BODY_ID_PREFIX, ID_ATTRIBUTE_NAMES, ID_VALUE_PATTERN } from './profile.js';

/** Value -> elements carrying it in any ID-like attribute (any namespace), in document order. */
export type IdIndex = ReadonlyMap<string, readonly DomElement[]>;

/** Indexes every attribute whose local name is ID, Id or id. */
export function buildIdIndex(doc: DomDocument): IdIndex {
  const index = new Map<string, DomElement[]>();
  const walk = (node: DomElement): void => {
    const attrs = node.attributes;
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs.item(i);
      if (a && ID_ATTRIBUTE_NAMES.includes(a.localName ?? a.name)) {
        const list = index.get(a.value) ?? [];
        if (!list.includes(node)) {
          list.push(node);
        }
        index.set(a.value, list);
      }
    }
    for (const child of childElements(node)) {
      walk(child);
    }
  };
  if (doc.documentElement) {
    walk(doc.documentElement);
  }
  return index;
}

export interface BodyCheck {
  readonly body?: DomElement;
  readonly bodyId: string;
  readonly violations: readonly RuleViolation[];
}

/** Finds the signed body and proves it unambiguous; violations are SIG_BODY_ID_INVALID. */
export function checkBody(doc: DomDocument, documentId: string, ids: IdIndex): BodyCheck {
  const bodyId = `${BODY_ID_PREFIX}${documentId}`;
  const fail = (location: string, detail: string): BodyCheck => ({
    bodyId,
    violations: [violation(RULES.SIG_BODY_ID_INVALID, location, detail)],
  });
  if (!ID_VALUE_PATTERN.test(bodyId)) {
    return fail('/ClinicalDocument/id', `the document id "${documentId}" cannot form a body ID`);
  }
  const root = doc.documentElement;
  const components = root ? childElements(root, NS.HL7, 'component') : [];
  const bodies = components.flatMap((c) => childElements(c, NS.HL7, 'nonXMLBody'));
  const body = bodies[0];
  if (!body || bodies.length > 1 || components.length > 1) {
    return fail(
      '/ClinicalDocument/component/nonXMLBody',
      body
        ? 'the document must have exactly one component/nonXMLBody'
        : 'the document has no component/nonXMLBody',
    );
  }
  const location = signatureXpath(body);
  const actual = attr(body, 'ID');
  if (actual !== bodyId) {
    return fail(location, `nonXMLBody/@ID is "${actual ?? ''}", expected "${bodyId}"`);
  }
  const holders = ids.get(bodyId) ?? [];
  const others = holders.filter((el) => el !== body);
  if (others.length > 0 || holders.length !== 1) {
    const where = others.map((el) => signatureXpath(el)).join(', ');
    return fail(location, `the ID "${bodyId}" is also carried by: ${where}`);
  }
  return { body, bodyId, violations: [] };
}

/** Violations when `id` is carried by anything but `expected` (SIG_BODY_ID_INVALID, signed-target IDs unique). */
export function uniqueTarget(
  ids: IdIndex,
  id: string,
  expected: DomElement,
  location: string,
): RuleViolation[] {
  const holders = ids.get(id) ?? [];
  const others = holders.filter((el) => el !== expected);
  if (others.length === 0 && holders.length === 1) {
    return [];
  }
  return [
    violation(
      RULES.SIG_BODY_ID_INVALID,
      location,
      `the signed target ID "${id}" is not unique; also on: ${others.map((el) => signatureXpath(el)).join(', ')}`,
    ),
  ];
}
