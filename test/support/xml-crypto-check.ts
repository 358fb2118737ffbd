/**
 * The test oracle: xml-crypto's own checkSignature, kept ONLY so the tests can prove that the archive's
 * verifier (signature-crypto.ts) authenticates exactly what xml-crypto would, on every fixture and attack
 * variant. It lives under test/ so that no production code can import it and the build never emits it
 * (it re-parses the document and searches it by XPath, which was most of the cost of archiving). It calls
 * xml-crypto to verify. It turns xml-crypto's split failure modes into a value:
 * checkSignature() returns false when a reference digest fails and throws when the signature value fails
 * (or on a structural error), and only after success does getSignedReferences() hold the authenticated
 * canonical bytes. The caller has already checked structure, algorithms, references and IDs; this
 * function is handed the certificate explicitly and never lets xml-crypto read a key from KeyInfo.
 */
import { Element } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import {
  ALLOWED_CANONICALIZATION,
  ALLOWED_DIGEST_METHODS,
  ALLOWED_SIGNATURE_METHODS,
  ALGORITHMS,
  XML_CRYPTO_ID_ATTRIBUTES,
} from '../../server/signature/profile.js';
import type { CryptoOutcome } from '../../server/signature/signature-crypto.js';
import type { DomElement } from '../../server/xml/tree.js';

export type { CryptoOutcome } from '../../server/signature/signature-crypto.js';

/**
 * Verifies the ds:Signature `signatureNode` (an element of the xmldom parse of `xml`: xml-crypto reads
 * xmldom nodes, not the archive's light tree) with `certPem`'s key.
 * `xml` must be the exact text `signatureNode`'s document was parsed from: xml-crypto resolves references
 * in its own parse of it.
 */
export function checkWithXmlCrypto(
  xml: string,
  signatureNode: DomElement,
  certPem: string,
  expectedUris: readonly string[],
): CryptoOutcome {
  if (!(signatureNode instanceof Element)) {
    throw new Error('checkWithXmlCrypto needs an element of an xmldom parse (server/xml/dom.ts parseDom)');
  }
  const sx = new SignedXml({ publicCert: certPem, getCertFromKeyInfo: () => null });
  restrictToProfile(sx);
  try {
    sx.loadSignature(signatureNode as unknown as Node);
  } catch (e) {
    return { kind: 'error', message: messageOf(e) };
  }
  const disagreement = readDifferently(sx, expectedUris);
  if (disagreement) {
    return { kind: 'error', message: disagreement };
  }
  let result: boolean;
  try {
    result = sx.checkSignature(xml);
  } catch (e) {
    const refs = sx.getReferences();
    const digestsPassed = refs.length > 0 && refs.every((r) => r.validationError === undefined);
    // xml-crypto validates every reference before it verifies the value; its value failure says so.
    if (digestsPassed && /signature value/i.test(messageOf(e))) {
      return { kind: 'value', message: messageOf(e) };
    }
    return { kind: 'error', message: messageOf(e) };
  }
  const refs = sx.getReferences();
  if (!result) {
    const index = refs.findIndex((r) => r.validationError !== undefined);
    const failed = refs[index];
    return {
      kind: 'digest',
      uri: failed?.uri ?? '',
      index,
      message: failed?.validationError?.message ?? 'a reference did not validate',
    };
  }
  const signed = sx.getSignedReferences();
  const afterCheck = readDifferently(sx, expectedUris);
  if (afterCheck) {
    return { kind: 'error', message: afterCheck };
  }
  if (signed.length !== refs.length) {
    return { kind: 'error', message: 'xml-crypto returned a different number of signed references' };
  }
  return {
    kind: 'ok',
    references: refs.map((r, i) => ({ uri: r.uri ?? '', canonicalXml: signed[i] ?? '' })),
  };
}

/**
 * xml-crypto finds SignedInfo's parts by loose descendant search; after the strict structure check it must
 * have read the same algorithms and reference URIs as the profile checks did, or nothing it says counts.
 */
function readDifferently(sx: SignedXml, expectedUris: readonly string[]): string | undefined {
  const uris = sx.getReferences().map((r) => r.uri ?? '');
  if (uris.length !== expectedUris.length || uris.some((u, i) => u !== expectedUris[i])) {
    return `xml-crypto read references [${uris.join(', ')}], the profile checks [${expectedUris.join(', ')}]`;
  }
  if (
    !ALLOWED_SIGNATURE_METHODS.includes(sx.signatureAlgorithm ?? '') ||
    !ALLOWED_CANONICALIZATION.includes(sx.canonicalizationAlgorithm ?? '')
  ) {
    return 'xml-crypto read algorithms outside the allow-list';
  }
  return undefined;
}

/*
 * Defence in depth: even though the profile checks ran first, xml-crypto itself is left able to use only
 * the profile's algorithms and only the ID attribute, so a gap in our own checks cannot widen into an
 * algorithm downgrade or an Id/id lookalike being resolved.
 */
function restrictToProfile(sx: SignedXml): void {
  sx.idAttributes = [...XML_CRYPTO_ID_ATTRIBUTES];
  sx.CanonicalizationAlgorithms = pick(sx.CanonicalizationAlgorithms, [
    ...ALLOWED_CANONICALIZATION,
    ALGORITHMS.ENVELOPED,
  ]);
  sx.SignatureAlgorithms = pick(sx.SignatureAlgorithms, ALLOWED_SIGNATURE_METHODS);
  sx.HashAlgorithms = pick(sx.HashAlgorithms, ALLOWED_DIGEST_METHODS);
}

function pick<V>(table: Record<string, V>, keys: readonly string[]): Record<string, V> {
  const out: Record<string, V> = {};
  for (const k of keys) {
    const v = table[k];
    if (v !== undefined) {
      out[k] = v;
    }
  }
  return out;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** PEM text for a base64 DER certificate. */
export function certificatePem(base64Der: string): string {
  const lines = base64Der.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
