/**
 * Diagnosis for failed digests: would the document verify had nobody re-indented it after signing?
 *
 * The real Kanta samples were signed compact and published pretty-printed, which breaks every digest. A
 * verifier must not normalise whitespace to "help" (whitespace is content to c14n, and accepting a
 * normalised variant means accepting bytes nobody signed), so this module only answers the question for
 * the error message. Its result never changes a verdict.
 */
import type { KeyObject } from 'node:crypto';
import type { DomElement } from '../xml/tree.js';
import { parseDom } from '../xml/dom.js';
import { locateSignatures } from './placement.js';
import { checkSignatureCrypto } from './signature-crypto.js';
import { readSignatureParts } from './signature-parts.js';
import { buildIdIndex, type IdIndex } from './signed-targets.js';

/** Appended to the detail of SIG_DIGEST_MISMATCH when the diagnosis holds. */
export const WHITESPACE_DIAGNOSIS_SENTENCE =
  'the document verifies once whitespace between tags is removed: it was re-indented after signing';

/** A signature whose digests failed: its position among the placed signatures and the key to check with. */
export interface DigestFailure {
  readonly placedIndex: number;
  /** The KeyInfo certificate's public key. */
  readonly key: KeyObject;
}

/** Removes whitespace-only text between tags, the way the samples' compact signed form was recovered. */
export function stripInterTagWhitespace(xml: string): string {
  return xml.replace(/>\s+</g, '><');
}

/**
 * True when every failing signature's digests match in the whitespace-stripped document. Only digests are
 * judged (a signature-value failure after matching digests still counts as "digests match").
 */
export function verifiesOnceWhitespaceRemoved(xml: string, failures: readonly DigestFailure[]): boolean {
  if (failures.length === 0) {
    return false;
  }
  const stripped = stripInterTagWhitespace(xml);
  if (stripped === xml) {
    return false;
  }
  const parsed = parseDom(stripped);
  if (!parsed.ok) {
    return false;
  }
  const { placed } = locateSignatures(parsed.doc);
  const ids = buildIdIndex(parsed.doc);
  return failures.every((f) => {
    const sig = placed[f.placedIndex];
    if (!sig) {
      return false;
    }
    const uris = readSignatureParts(sig).references.map((r) => r.uri ?? '');
    const outcome = checkSignatureCrypto(sig.dsSignature, (uri) => uniqueHolder(ids, uri), f.key, uris);
    return outcome.kind === 'ok' || outcome.kind === 'value';
  });
}

/** The one element carrying the ID `#uri` names; none when absent or ambiguous. Only a diagnosis uses this. */
function uniqueHolder(ids: IdIndex, uri: string): DomElement | undefined {
  const holders = uri.startsWith('#') ? ids.get(uri.slice(1)) : undefined;
  return holders?.length === 1 ? holders[0] : undefined;
}
