/**
 * Finds the signatures where the profile puts them (profile.ts, PLACEMENT_PATH) and refuses every
 * ds:Signature anywhere else, so that no signature can be borrowed from another part of the message.
 */
import type { DomDocument, DomElement } from '../xml/tree.js';
import { RULES } from '../rules/catalogue.js';
import { violation, type RuleViolation } from '../rules/rule.js';
import { NS, childElements, descendants } from '../xml/dom.js';
import { signatureXpath } from './location.js';

/** A ds:Signature in its proper hl7fi:signature container. */
export interface PlacedSignature {
  /** hl7fi:signatureCollection/hl7fi:signature. */
  readonly container: DomElement;
  readonly dsSignature: DomElement;
}

export interface Placement {
  readonly placed: readonly PlacedSignature[];
  /** SIG_PLACEMENT for misplaced signatures, extra collections and empty containers. */
  readonly violations: readonly RuleViolation[];
  /** Number of ds:Signature elements anywhere in the document. */
  readonly totalSignatures: number;
  /** Where a missing signature should have been, for SIG_MISSING. */
  readonly expectedLocation: string;
}

const EXPECTED =
  '/ClinicalDocument/hl7fi:localSocialHeader/hl7fi:signatureCollection/hl7fi:signature/ds:Signature';

/** Walks ClinicalDocument/localSocialHeader/signatureCollection/signature/ds:Signature. */
export function locateSignatures(doc: DomDocument): Placement {
  const all = descendants(doc, NS.DSIG, 'Signature');
  const violations: RuleViolation[] = [];
  const placed: PlacedSignature[] = [];
  const root = doc.documentElement;

  if (root && root.namespaceURI === NS.HL7 && root.localName === 'ClinicalDocument') {
    const headers = childElements(root, NS.HL7FI, 'localSocialHeader');
    headers.slice(1).forEach((h) => {
      violations.push(
        violation(RULES.SIG_PLACEMENT, signatureXpath(h), 'more than one hl7fi:localSocialHeader'),
      );
    });
    const collections = headers[0] ? childElements(headers[0], NS.HL7FI, 'signatureCollection') : [];
    collections.slice(1).forEach((c) => {
      violations.push(
        violation(
          RULES.SIG_PLACEMENT,
          signatureXpath(c),
          'more than one hl7fi:signatureCollection; only the first is read',
        ),
      );
    });
    for (const container of collections[0] ? childElements(collections[0], NS.HL7FI, 'signature') : []) {
      const ds = childElements(container, NS.DSIG, 'Signature');
      const first = ds[0];
      if (!first) {
        violations.push(
          violation(
            RULES.SIG_PLACEMENT,
            signatureXpath(container),
            'this hl7fi:signature holds no ds:Signature',
          ),
        );
        continue;
      }
      placed.push({ container, dsSignature: first });
      ds.slice(1).forEach((extra) => {
        violations.push(
          violation(
            RULES.SIG_PLACEMENT,
            signatureXpath(extra),
            'an hl7fi:signature may hold only one ds:Signature',
          ),
        );
      });
    }
  }

  const placedSet = new Set(placed.map((p) => p.dsSignature));
  for (const sig of all) {
    if (!placedSet.has(sig) && !violations.some((v) => v.location === signatureXpath(sig))) {
      violations.push(
        violation(
          RULES.SIG_PLACEMENT,
          signatureXpath(sig),
          `a ds:Signature outside ${EXPECTED.replace('/ds:Signature', '')} is not allowed`,
        ),
      );
    }
  }
  return { placed, violations, totalSignatures: all.length, expectedLocation: EXPECTED };
}
