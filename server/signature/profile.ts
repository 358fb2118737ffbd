/**
 * The Kanta signature profile (SHA-SPEC section 5): every security decision of signature verification, in
 * one place. The verifier and the signer read these constants; nothing else in server/signature/ decides
 * what is acceptable. Each decision carries the reason it is made.
 */
import type { KeyUsageFlags } from '../pki/cert-info.js';
import { NS } from '../xml/dom.js';

/** Algorithm identifiers as they appear in Algorithm attributes. */
export const ALGORITHMS = Object.freeze({
  EXC_C14N: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  ENVELOPED: 'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
  RSA_SHA256: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  SHA256: 'http://www.w3.org/2001/04/xmlenc#sha256',
});

/*
 * Canonicalization: exclusive c14n without comments, only.
 * Why: Kanta signs with exclusive c14n. Inclusive c14n drags ancestor namespaces into the signed bytes
 * (and xml-crypto then needs the whole document for SignedInfo), the "#WithComments" variants let comments
 * change what is signed, and an InclusiveNamespaces prefix list reintroduces ancestor context. None of them
 * is needed by a sender following the profile, so none is accepted.
 */
export const ALLOWED_CANONICALIZATION: readonly string[] = Object.freeze([ALGORITHMS.EXC_C14N]);

/*
 * Signature method: RSA with SHA-256, only.
 * Why: DVV certificates carry RSA keys and Kanta signs with rsa-sha256. SHA-1 is broken for collisions,
 * HMAC would let anyone holding a "key" (e.g. the certificate bytes) forge signatures (key confusion), and
 * every further algorithm is attack surface without a sender that needs it.
 */
export const ALLOWED_SIGNATURE_METHODS: readonly string[] = Object.freeze([ALGORITHMS.RSA_SHA256]);

/*
 * Digest method: SHA-256, only. Why: as above, SHA-1 is refused, and nothing in the profile uses others.
 */
export const ALLOWED_DIGEST_METHODS: readonly string[] = Object.freeze([ALGORITHMS.SHA256]);

/*
 * Reference transforms: exactly [exc-c14n], or [enveloped-signature, exc-c14n].
 * Why: the real senders use one of these two lists (the client plan sample the first, the client-relationship
 * sample the second). The enveloped transform is a no-op here (neither the body nor the timestamp contains
 * the signature) but harmless. Anything else (XPath, XSLT, Base64, inclusive c14n, no transform at all,
 * which xml-crypto would treat as inclusive c14n) changes what the digest covers and is refused.
 */
export const ALLOWED_TRANSFORM_LISTS: readonly (readonly string[])[] = Object.freeze([
  Object.freeze([ALGORITHMS.EXC_C14N]),
  Object.freeze([ALGORITHMS.ENVELOPED, ALGORITHMS.EXC_C14N]),
]);

/*
 * Signer keys: RSA of at least 2048 bits. Why: rsa-sha256 needs an RSA key; shorter keys are factorable
 * and no DVV certificate issued in years has one.
 */
export const MIN_RSA_MODULUS_BITS = 2048;

/*
 * Placement: each ds:Signature must be the only ds:Signature child of an hl7fi:signature element, which is a
 * child of the single hl7fi:signatureCollection in ClinicalDocument/hl7fi:localSocialHeader.
 * Why: a verifier that looks for "any ds:Signature" can be shown a valid signature taken from elsewhere
 * (another document, a wrapper) while the content it reads is unsigned. Fixing the location ties each
 * signature to this document's header, and any ds:Signature found anywhere else is refused outright.
 */
export const PLACEMENT_PATH: readonly { readonly ns: string; readonly name: string }[] = Object.freeze([
  { ns: NS.HL7, name: 'ClinicalDocument' },
  { ns: NS.HL7FI, name: 'localSocialHeader' },
  { ns: NS.HL7FI, name: 'signatureCollection' },
  { ns: NS.HL7FI, name: 'signature' },
]);

/*
 * References: exactly two per signature, `#OID<document id>` (the nonXMLBody) and `#<ID of the
 * signatureTimestamp of the same hl7fi:signature>`, in either order.
 * Why: this is what makes a signature about *this* body at *this* time. A reference to the whole document
 * (URI=""), to another signature's timestamp, or to any other element would let a valid signature
 * "cover" something else, the core of XML signature wrapping. The body and timestamp must also be the only
 * elements anywhere carrying those ID values, and must sit where the profile puts them.
 */
export const REFERENCES_PER_SIGNATURE = 2;
export const BODY_ID_PREFIX = 'OID';

/** The URI a signature must use for the body of the document `documentId`. */
export function bodyReferenceUri(documentId: string): string {
  return `#${BODY_ID_PREFIX}${documentId}`;
}

/*
 * ID values: attributes whose local name is ID, Id or id all count as IDs when checking uniqueness.
 * Why: xml-crypto resolves `#x` by attribute local name regardless of namespace; counting every usual
 * spelling means no second element can carry a referenced value under a spelling we did not look at.
 * The value itself must be a plain NCName so that it cannot inject into the XPath xml-crypto builds.
 */
export const ID_ATTRIBUTE_NAMES: readonly string[] = Object.freeze(['ID', 'Id', 'id']);
export const ID_VALUE_PATTERN = /^[A-Za-z_][A-Za-z0-9._-]*$/;

/** The ID attribute xml-crypto may use to resolve references: only the profile's own. */
export const XML_CRYPTO_ID_ATTRIBUTES: readonly string[] = Object.freeze(['ID']);

/** Signature types by hl7fi:signatureDescription/@code (code system 1.2.246.537.5.40127.2006). */
export type SignatureType = 'professional' | 'system';

export const SIGNATURE_TYPE_CODE_SYSTEM = '1.2.246.537.5.40127.2006';
export const SIGNATURE_TYPE_CODE_SYSTEM_NAME = 'KanTa-palvelut - Sähköisen allekirjoituksen tyyppi';

export const SIGNATURE_TYPES: Readonly<Record<string, { type: SignatureType; displayName: string }>> =
  Object.freeze({
    '1': { type: 'professional', displayName: 'Ammattihenkilön allekirjoitus' },
    '3': { type: 'system', displayName: 'Järjestelmäallekirjoitus' },
  });

/** The signatureDescription code for a type (inverse of SIGNATURE_TYPES). */
export function signatureTypeCode(type: SignatureType): string {
  return type === 'professional' ? '1' : '3';
}

/*
 * Key usage per signature type.
 * Why: DVV issues system (service) certificates with digitalSignature + nonRepudiation and professional
 * card certificates with nonRepudiation only. A certificate without the bits its role needs was not issued
 * for signing documents in that role (e.g. a TLS-only server certificate).
 */
export const REQUIRED_KEY_USAGE: Readonly<Record<SignatureType, readonly KeyUsageName[]>> = Object.freeze({
  system: Object.freeze(['digitalSignature', 'nonRepudiation'] as const),
  professional: Object.freeze(['nonRepudiation'] as const),
});

/** A keyUsage bit by name, as pki's certificate reader reports them. */
export type KeyUsageName = keyof KeyUsageFlags;

/*
 * Signing time: the signatureTimestamp is the time certificate validity and the chain are judged at, so it
 * must be an unambiguous UTC xs:dateTime. It may not lie in the future beyond a small clock skew: a future
 * time would let a signer postdate past a certificate's notBefore.
 */
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;
