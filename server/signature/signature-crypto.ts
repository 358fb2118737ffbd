/**
 * The cryptographic core of signature verification: reference digests and the signature value of one
 * ds:Signature, on the document the archive already parsed.
 *
 * Why not xml-crypto's checkSignature: it re-parses the whole document text per signature and finds each
 * reference target with a full-document XPath, twice per reference; that was ~75% of the cost of
 * archiving a document (docs/performance.md). Here every reference URI is resolved by the caller to the
 * exact element the profile checks already proved it designates (the unique nonXMLBody, this signature's
 * own signatureTimestamp), so nothing is searched for and nothing can resolve elsewhere.
 *
 * The canonicalizer is our own (exclusive-c14n.ts, which says why): it agrees with xmlsec1 on every
 * feature Exclusive C14N treats specially (test/signature/c14n-differential.test.ts) and with xml-crypto
 * wherever xml-crypto follows the specification (test/signature/crypto-cross-check.test.ts, whose oracle
 * test/support/xml-crypto-check.ts is).
 *
 * Order and binding follow XMLDSig core validation, with one strengthening: the references are read from
 * the canonical SignedInfo (the very bytes the signature value covers), parsed again, and must agree with
 * what the profile checks read from the DOM.
 */
import { constants, createHash, timingSafeEqual, verify, type KeyObject } from 'node:crypto';
import type { DomElement, DomNode } from '../xml/tree.js';
import { NS, attr, childElement, childElements, textOf } from '../xml/dom.js';
import { parseTree } from '../xml/read-tree.js';
import {
  ALGORITHMS,
  ALLOWED_CANONICALIZATION,
  ALLOWED_DIGEST_METHODS,
  ALLOWED_SIGNATURE_METHODS,
  ALLOWED_TRANSFORM_LISTS,
} from './profile.js';
import { exclusiveCanonicalize } from './exclusive-c14n.js';

export type CryptoOutcome =
  | {
      readonly kind: 'ok';
      /** Each reference's URI with the canonical XML that was digested and authenticated for it. */
      readonly references: readonly { readonly uri: string; readonly canonicalXml: string }[];
    }
  /** A reference digest did not match; `uri` is the first failing reference (checking stops there). */
  | { readonly kind: 'digest'; readonly uri: string; readonly index: number; readonly message: string }
  /** All digests matched but the signature value did not verify with the certificate's key. */
  | { readonly kind: 'value'; readonly message: string }
  /** Refused for another reason (should not happen after the profile checks). */
  | { readonly kind: 'error'; readonly message: string };

/**
 * Maps a same-document reference URI (`#id`) to the one element it designates, or undefined. The caller
 * decides (from the profile checks), never a search of the document.
 */
export type ReferenceResolver = (uri: string) => DomElement | undefined;

interface SignedReference {
  readonly uri: string;
  readonly transforms: readonly string[];
  readonly digestMethod: string;
  readonly digestValue: string;
}

/**
 * Reference digests already computed on one parsed document: element -> the element the enveloped
 * transform left out (or undefined) -> canonical XML and its SHA-256. Two signatures of one document sign
 * the same nonXMLBody, so its canonical form is computed once. Valid only while that DOM is unchanged:
 * make one per document (verify-signatures.ts does, per call), never share one across documents.
 */
export type DigestMemo = Map<
  DomElement,
  Map<DomElement | undefined, { canonicalXml: string; digest: Buffer }>
>;

/**
 * Verifies the digests and the signature value of `dsSignature` with `key` (the KeyInfo certificate's
 * RSA public key). `expectedUris` are the reference URIs the profile checks read, in order: the
 * authenticated SignedInfo must list exactly these. `memo` shares reference digests between the
 * signatures of one document.
 */
export function checkSignatureCrypto(
  dsSignature: DomElement,
  resolve: ReferenceResolver,
  key: KeyObject,
  expectedUris: readonly string[],
  memo: DigestMemo = new Map(),
): CryptoOutcome {
  try {
    return check(dsSignature, resolve, key, expectedUris, memo);
  } catch (e) {
    return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
  }
}

function check(
  dsSignature: DomElement,
  resolve: ReferenceResolver,
  key: KeyObject,
  expectedUris: readonly string[],
  memo: DigestMemo,
): CryptoOutcome {
  const signedInfo = childElement(dsSignature, NS.DSIG, 'SignedInfo');
  if (!signedInfo) {
    return { kind: 'error', message: 'no SignedInfo' };
  }
  const c14n = attr(childElement(signedInfo, NS.DSIG, 'CanonicalizationMethod'), 'Algorithm') ?? '';
  if (!ALLOWED_CANONICALIZATION.includes(c14n)) {
    return { kind: 'error', message: `canonicalization "${c14n}" is not allowed` };
  }
  const signedInfoCanon = exclusiveCanonicalize(signedInfo, omitted(signedInfo, [c14n], dsSignature));
  const read = readSignedInfo(signedInfoCanon);
  if (typeof read === 'string') {
    return { kind: 'error', message: read };
  }
  const uris = read.references.map((r) => r.uri);
  if (uris.length !== expectedUris.length || uris.some((u, i) => u !== expectedUris[i])) {
    return {
      kind: 'error',
      message: `the signed SignedInfo lists references [${uris.join(', ')}], the profile checks [${expectedUris.join(', ')}]`,
    };
  }

  const references: { uri: string; canonicalXml: string }[] = [];
  for (const [index, ref] of read.references.entries()) {
    const target = resolve(ref.uri);
    if (!target) {
      return {
        kind: 'digest',
        uri: ref.uri,
        index,
        message: `the reference ${ref.uri} designates no element`,
      };
    }
    const { canonicalXml, digest: actual } = referenceDigest(target, ref.transforms, dsSignature, memo);
    if (!sameBytes(actual, Buffer.from(ref.digestValue, 'base64'))) {
      return {
        kind: 'digest',
        uri: ref.uri,
        index,
        message: `for uri ${ref.uri} the calculated digest is ${actual.toString('base64')}, the SignedInfo says ${ref.digestValue}`,
      };
    }
    references.push({ uri: ref.uri, canonicalXml });
  }

  if (key.asymmetricKeyType !== 'rsa') {
    return {
      kind: 'error',
      message: `rsa-sha256 needs an RSA key, not ${key.asymmetricKeyType ?? 'unknown'}`,
    };
  }
  const valueText = textOf(childElement(dsSignature, NS.DSIG, 'SignatureValue')) ?? '';
  const value = Buffer.from(valueText, 'base64');
  const valid = verify(
    'sha256',
    Buffer.from(signedInfoCanon, 'utf8'),
    { key, padding: constants.RSA_PKCS1_PADDING },
    value,
  );
  if (!valid) {
    return { kind: 'value', message: 'invalid signature: the signature value is incorrect' };
  }
  return { kind: 'ok', references };
}

/**
 * Reads the references from the canonical SignedInfo, strictly: the shape and algorithms the profile
 * allows, or a message saying why not.
 */
function readSignedInfo(canonical: string): { references: SignedReference[] } | string {
  const parsed = parseTree(canonical);
  const si = parsed.ok ? parsed.doc.documentElement : null;
  if (!si || si.namespaceURI !== NS.DSIG || si.localName !== 'SignedInfo') {
    return 'the canonical SignedInfo cannot be read back';
  }
  const [c14nEl, methodEl, ...refEls] = childElements(si);
  if (!isDs(c14nEl, 'CanonicalizationMethod') || !isDs(methodEl, 'SignatureMethod')) {
    return 'SignedInfo must start with CanonicalizationMethod and SignatureMethod';
  }
  if (
    !ALLOWED_CANONICALIZATION.includes(attr(c14nEl, 'Algorithm') ?? '') ||
    childElements(c14nEl).length > 0
  ) {
    return 'the signed canonicalization method is not allowed';
  }
  if (!ALLOWED_SIGNATURE_METHODS.includes(attr(methodEl, 'Algorithm') ?? '')) {
    return 'the signed signature method is not allowed';
  }
  const references: SignedReference[] = [];
  for (const refEl of refEls) {
    const ref = readReference(refEl);
    if (typeof ref === 'string') {
      return ref;
    }
    references.push(ref);
  }
  return references.length > 0 ? { references } : 'SignedInfo holds no Reference';
}

function readReference(refEl: DomElement): SignedReference | string {
  const name = refEl.localName ?? '';
  if (!isDs(refEl, 'Reference')) {
    return `unexpected element ${name} in SignedInfo`;
  }
  const kids = childElements(refEl);
  const [first] = kids;
  const transformsEl = isDs(first, 'Transforms') ? first : undefined;
  const rest = transformsEl ? kids.slice(1) : kids;
  const [methodEl, valueEl, ...extra] = rest;
  if (!isDs(methodEl, 'DigestMethod') || !isDs(valueEl, 'DigestValue') || extra.length > 0) {
    return 'Reference children must be [Transforms], DigestMethod, DigestValue';
  }
  const transforms: string[] = [];
  for (const t of transformsEl ? childElements(transformsEl) : []) {
    if (!isDs(t, 'Transform') || childElements(t).length > 0) {
      return 'Transforms may hold only parameterless Transform elements';
    }
    transforms.push(attr(t, 'Algorithm') ?? '');
  }
  if (
    !ALLOWED_TRANSFORM_LISTS.some(
      (l) => l.length === transforms.length && l.every((a, i) => transforms[i] === a),
    )
  ) {
    return `transforms [${transforms.join(', ')}] are not allowed`;
  }
  const digestMethod = attr(methodEl, 'Algorithm') ?? '';
  if (!ALLOWED_DIGEST_METHODS.includes(digestMethod) || digestMethod !== ALGORITHMS.SHA256) {
    return `digest method "${digestMethod}" is not allowed`;
  }
  const uri = attr(refEl, 'URI');
  if (uri === undefined || !uri.startsWith('#')) {
    return `reference URI "${uri ?? ''}" is not a same-document ID reference`;
  }
  return { uri, transforms, digestMethod, digestValue: textOf(valueEl) ?? '' };
}

/** The canonical text of `node` under the reference transforms and its SHA-256, computed once per memo. */
function referenceDigest(
  node: DomElement,
  transforms: readonly string[],
  dsSignature: DomElement,
  memo: DigestMemo,
): { canonicalXml: string; digest: Buffer } {
  const omit = omitted(node, transforms, dsSignature);
  const byOmit =
    memo.get(node) ?? new Map<DomElement | undefined, { canonicalXml: string; digest: Buffer }>();
  memo.set(node, byOmit);
  const known = byOmit.get(omit);
  if (known) {
    return known;
  }
  const canonicalXml = exclusiveCanonicalize(node, omit);
  const computed = { canonicalXml, digest: createHash('sha256').update(canonicalXml, 'utf8').digest() };
  byOmit.set(omit, computed);
  return computed;
}

/**
 * Checks the transforms (an optional enveloped-signature transform first, exclusive canonicalization
 * last, nothing else) and returns the element canonicalization leaves out: the signature, when the
 * enveloped transform is given and the signature sits inside `node`. The archive's DOM is never copied or
 * modified.
 */
function omitted(
  node: DomElement,
  transforms: readonly string[],
  dsSignature: DomElement,
): DomElement | undefined {
  let omit: DomElement | undefined;
  let endsWithC14n = false;
  for (const [i, transform] of transforms.entries()) {
    if (transform === ALGORITHMS.ENVELOPED && i === 0) {
      omit = isInside(dsSignature, node) ? dsSignature : undefined;
    } else if (transform === ALGORITHMS.EXC_C14N && i === transforms.length - 1) {
      endsWithC14n = true;
    } else {
      throw new Error(`transform ${transform} is not allowed at position ${i + 1}`);
    }
  }
  if (!endsWithC14n) {
    throw new Error('the transforms must end with exclusive canonicalization');
  }
  return omit;
}

function isInside(descendant: DomElement, ancestor: DomElement): boolean {
  const top: DomNode = ancestor;
  for (let p = descendant.parentNode; p; p = p.parentNode) {
    if (p === top) {
      return true;
    }
  }
  return false;
}

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

function isDs(el: DomElement | undefined, name: string): el is DomElement {
  return el !== undefined && el.namespaceURI === NS.DSIG && el.localName === name;
}
