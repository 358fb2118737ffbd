/**
 * XPath locations for signature violations, written with the prefixes a reader of the profile expects
 * (hl7fi:, ds:, unprefixed HL7), whatever prefixes the sender happened to use.
 */
import type { DomElement } from '../xml/tree.js';
import { NS, childElements } from '../xml/dom.js';

const PREFIXES: Readonly<Record<string, string>> = Object.freeze({
  [NS.HL7]: '',
  [NS.HL7FI]: 'hl7fi:',
  [NS.DSIG]: 'ds:',
});

/** e.g. /ClinicalDocument/hl7fi:localSocialHeader/hl7fi:signatureCollection/hl7fi:signature[2]/ds:Signature */
export function signatureXpath(el: DomElement): string {
  const steps: string[] = [];
  let cur: DomElement | null = el;
  while (cur && cur.nodeType === 1) {
    const parent: DomElement | null =
      cur.parentNode && cur.parentNode.nodeType === 1 ? (cur.parentNode as DomElement) : null;
    const ns = cur.namespaceURI ?? '';
    const local = cur.localName ?? cur.nodeName;
    const prefix = PREFIXES[ns];
    let step = prefix === undefined ? `*[local-name()='${local}']` : `${prefix}${local}`;
    if (parent) {
      const same = childElements(parent, cur.namespaceURI ?? undefined, local);
      if (same.length > 1) {
        step += `[${same.indexOf(cur) + 1}]`;
      }
    }
    steps.unshift(step);
    cur = parent;
  }
  return '/' + steps.join('/');
}
