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
 * What is kept from xml-crypto is its exclusive canonicalizer (the same class xml-crypto and our signer
 * use, called with the options xml-crypto passes), so the canonical bytes are byte-identical to what
 * xml-crypto would authenticate; test/signature/crypto-cross-check.test.ts proves it on every fixture,
 * sample, tampered twin and wrapping variant. xml-crypto-check.ts remains as that test's oracle only.
 *
 * Order and binding follow XMLDSig core validation, with one strengthening: the references are read from
 * the canonical SignedInfo (the very bytes the signature value covers), parsed again, and must agree with
 * what the profile checks read from the DOM.
 */
import { constants, createHash, timingSafeEqual, verify, type KeyObject } from 'node:crypto';
import type { Element, Node as DomNode } from '@xmldom/xmldom';
import { ExclusiveCanonicalization } from 'xml-crypto';
import { NS, attr, childElement, childElements, parseDom, textOf } from '../xml/dom.js';
import {
  ALGORITHMS,
  ALLOWED_CANONICALIZATION,
  ALLOWED_DIGEST_METHODS,
  ALLOWED_SIGNATURE_METHODS,
  ALLOWED_TRANSFORM_LISTS,
} from './profile.js';

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
export type ReferenceResolver = (uri: string) => Element | undefined;

/** xml-crypto types its canonicalizer against the browser DOM; xmldom's nodes are what it walks. */
type CanonicalizerInput = Parameters<ExclusiveCanonicalization['process']>[0];

/** xml-crypto's SignedXml.defaultNsForPrefix, passed as xml-crypto passes it. */
const DEFAULT_NS_FOR_PREFIX: Readonly<Record<string, string>> = Object.freeze({ ds: NS.DSIG });

interface SignedReference {
  readonly uri: string;
  readonly transforms: readonly string[];
  readonly digestMethod: string;
  readonly digestValue: string;
}

/**
 * Verifies the digests and the signature value of `dsSignature` with `key` (the KeyInfo certificate's
 * RSA public key). `expectedUris` are the reference URIs the profile checks read, in order: the
 * authenticated SignedInfo must list exactly these.
 */
export function checkSignatureCrypto(
  dsSignature: Element,
  resolve: ReferenceResolver,
  key: KeyObject,
  expectedUris: readonly string[],
): CryptoOutcome {
  try {
    return check(dsSignature, resolve, key, expectedUris);
  } catch (e) {
    return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
  }
}

function check(
  dsSignature: Element,
  resolve: ReferenceResolver,
  key: KeyObject,
  expectedUris: readonly string[],
): CryptoOutcome {
  const signedInfo = childElement(dsSignature, NS.DSIG, 'SignedInfo');
  if (!signedInfo) {
    return { kind: 'error', message: 'no SignedInfo' };
  }
  const c14n = attr(childElement(signedInfo, NS.DSIG, 'CanonicalizationMethod'), 'Algorithm') ?? '';
  if (!ALLOWED_CANONICALIZATION.includes(c14n)) {
    return { kind: 'error', message: `canonicalization "${c14n}" is not allowed` };
  }
  const signedInfoCanon = canonicalize(signedInfo, [c14n], dsSignature);
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
    const canonicalXml = canonicalize(target, ref.transforms, dsSignature);
    const actual = createHash('sha256').update(canonicalXml, 'utf8').digest();
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
  const parsed = parseDom(canonical);
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

function readReference(refEl: Element): SignedReference | string {
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

/**
 * Applies the reference transforms to `node` and returns the canonical text, exactly as xml-crypto's
 * SignedXml.canonicalize does for the allowed transform lists. xml-crypto works on a deep copy because a
 * transform may change it; copying the body costs more than canonicalizing it, so a copy is made only
 * when something would change: the enveloped transform with the signature inside `node`, or the quirk
 * of xml-crypto's canonicalizer that takes an InclusiveNamespaces prefix list from a CanonicalizationMethod
 * child of the element it canonicalizes and then declares those prefixes on it. The archive's DOM is
 * never modified.
 */
function canonicalize(node: Element, transforms: readonly string[], dsSignature: Element): string {
  const enveloped = transforms[0] === ALGORITHMS.ENVELOPED && isInside(dsSignature, node);
  const input = enveloped || declaresPrefixList(node) ? (node.cloneNode(true) as Element) : node;
  let result: string | undefined;
  for (const [i, transform] of transforms.entries()) {
    if (transform === ALGORITHMS.ENVELOPED && i === 0) {
      if (enveloped) {
        removeEnvelopedSignature(node, input, dsSignature);
      }
    } else if (transform === ALGORITHMS.EXC_C14N && i === transforms.length - 1) {
      result = new ExclusiveCanonicalization().process(input as unknown as CanonicalizerInput, {
        defaultNsForPrefix: { ...DEFAULT_NS_FOR_PREFIX },
        ancestorNamespaces: ancestorNamespaces(node),
        inclusiveNamespacesPrefixList: [],
        signatureNode: dsSignature as unknown as Node,
      }) as string;
    } else {
      throw new Error(`transform ${transform} is not allowed at position ${i + 1}`);
    }
  }
  if (typeof result !== 'string') {
    throw new Error('the transforms must end with exclusive canonicalization');
  }
  return result;
}

/** Whether xml-crypto's canonicalizer would read a prefix list from `node`'s children (and modify it). */
function declaresPrefixList(node: Element): boolean {
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && (c as Element).localName === 'CanonicalizationMethod') {
      for (let g = c.firstChild; g; g = g.nextSibling) {
        if (g.nodeType === 1 && (g as Element).localName === 'InclusiveNamespaces') {
          return true;
        }
      }
    }
  }
  return false;
}

function isInside(descendant: Element, ancestor: Element): boolean {
  const top: DomNode = ancestor;
  for (let p = descendant.parentNode; p; p = p.parentNode) {
    if (p === top) {
      return true;
    }
  }
  return false;
}

/** The enveloped-signature transform: removes from `copy` (of `original`) the signature inside it. */
function removeEnvelopedSignature(original: Element, copy: Element, dsSignature: Element): void {
  const path: number[] = [];
  const top: DomNode = original;
  let cur: DomNode | null = dsSignature;
  while (cur && cur !== top) {
    const parent: DomNode | null = cur.parentNode;
    if (!parent) {
      return;
    }
    path.unshift(Array.prototype.indexOf.call(parent.childNodes, cur) as number);
    cur = parent;
  }
  if (cur !== top || path.length === 0) {
    return;
  }
  let inCopy: DomNode | null = copy;
  for (const index of path) {
    inCopy = inCopy?.childNodes.item(index) ?? null;
  }
  inCopy?.parentNode?.removeChild(inCopy);
}

/**
 * The namespace declarations in scope from `node`'s ancestors that `node` does not declare itself,
 * closest first (xml-crypto's findAncestorNsForElement). Exclusive c14n only consults them for an
 * InclusiveNamespaces prefix list, but they are passed as xml-crypto passes them so that the output is
 * the same in every case.
 */
function ancestorNamespaces(node: Element): { prefix: string; namespaceURI: string }[] {
  const own = new Set<string>([node.prefix ?? '']);
  for (let i = 0; i < node.attributes.length; i++) {
    const name = node.attributes.item(i)?.nodeName ?? '';
    if (name === 'xmlns' || name.startsWith('xmlns:')) {
      own.add(name.replace(/^xmlns:?/, ''));
    }
  }
  const seen = new Set<string>();
  const out: { prefix: string; namespaceURI: string }[] = [];
  for (let p = node.parentNode; p && p.nodeType === 1; p = p.parentNode) {
    const attrs = (p as Element).attributes;
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs.item(i);
      if (!a || !/^xmlns:?/.test(a.nodeName)) {
        continue;
      }
      const prefix = a.nodeName.replace(/^xmlns:?/, '');
      if (seen.has(prefix)) {
        continue;
      }
      seen.add(prefix);
      const namespaceURI = a.nodeValue ?? '';
      if (namespaceURI !== '' && !own.has(prefix)) {
        out.push({ prefix, namespaceURI });
      }
    }
  }
  return out;
}

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

function isDs(el: Element | undefined, name: string): el is Element {
  return el !== undefined && el.namespaceURI === NS.DSIG && el.localName === name;
}
