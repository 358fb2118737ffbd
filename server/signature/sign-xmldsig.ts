/**
 * The XML-DSig side of signing to the Kanta profile: an enveloped ds:Signature over references by ID, each
 * digested the way the archive's verifier digests it (exclusive-c14n.ts, SHA-256), its SignedInfo signed
 * RSA-SHA256, the certificate chain in KeyInfo.
 *
 * Why not xml-crypto's SignedXml, which the signer used before: per signature it parsed the document
 * again, found each reference by XPath over the whole tree, read the key from PEM and serialized the
 * document three times, which made a class of twenty (1,400 signatures) take most of its ten seconds. The
 * bytes are the ones SignedXml wrote for the same input (test/signature/sign.test.ts compares them with
 * SignedXml's, which the tests keep as the cross-check).
 */
import { createHash, createPrivateKey, sign, type KeyObject } from 'node:crypto';
import type { Document, Element } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { KantaSimError } from '../errors.js';
import { NS, childElement, parseDom } from '../xml/dom.js';
import { exclusiveCanonicalize } from './exclusive-c14n.js';
import { ALGORITHMS } from './profile.js';

export interface SignatureReference {
  /** The referenced element's ID, without '#'. */
  readonly id: string;
  /** Base64 SHA-256 of its exclusive canonical form (digestOf). */
  readonly digest: string;
}

export interface XmldsigOptions {
  /** Transform algorithms of every reference, in order. */
  readonly transforms: readonly string[];
  readonly keyPem: string;
  /** The signer's certificate, optionally followed by its chain: each goes into KeyInfo. */
  readonly certPem: string;
}

const ELEMENT = 1;

/** Base64 SHA-256 of the element's exclusive canonical form: a reference's DigestValue. */
export function digestOf(element: Element): string {
  return createHash('sha256').update(exclusiveCanonicalize(element), 'utf8').digest('base64');
}

/**
 * The one element whose ID attribute is `id`. More than one would make the reference ambiguous (the
 * archive refuses such a document), none would leave it pointing nowhere: both are refused here.
 */
export function elementById(doc: Document, id: string): Element {
  const found: Element[] = [];
  const walk = (node: Element): void => {
    if (node.getAttribute('ID') === id) {
      found.push(node);
    }
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === ELEMENT) {
        walk(child as Element);
      }
    }
  };
  if (doc.documentElement) {
    walk(doc.documentElement);
  }
  const [only, ...more] = found;
  if (!only || more.length > 0) {
    throw new KantaSimError(
      'BAD_REQUEST',
      `cannot sign: ${found.length} elements carry ID="${id}", the reference needs exactly one`,
    );
  }
  return only;
}

/** Appends a ds:Signature over `references` to `container`. */
export function appendXmldsig(
  container: Element,
  references: readonly SignatureReference[],
  options: XmldsigOptions,
): void {
  const keyInfo = keyInfoContent(options.certPem);
  const fragment = parseDom(
    `<Signature xmlns="${NS.DSIG}">${signedInfoXml(references, options.transforms)}<SignatureValue/>` +
      `${keyInfo === null ? '' : `<KeyInfo>${keyInfo}</KeyInfo>`}</Signature>`,
  );
  const signature = fragment.ok ? fragment.doc.documentElement : null;
  const signedInfo = signature ? childElement(signature, NS.DSIG, 'SignedInfo') : undefined;
  const value = signature ? childElement(signature, NS.DSIG, 'SignatureValue') : undefined;
  if (!fragment.ok || !signature || !signedInfo || !value) {
    throw new KantaSimError('BAD_REQUEST', 'cannot sign: the certificate gives no usable KeyInfo');
  }
  const signed = sign(
    'sha256',
    Buffer.from(exclusiveCanonicalize(signedInfo), 'utf8'),
    privateKeyOf(options.keyPem),
  );
  value.appendChild(fragment.doc.createTextNode(signed.toString('base64')));
  container.appendChild(container.ownerDocument?.importNode(signature, true) ?? signature);
}

function signedInfoXml(references: readonly SignatureReference[], transforms: readonly string[]): string {
  const transformsXml = transforms.map((t) => `<Transform Algorithm="${t}"/>`).join('');
  const referencesXml = references
    .map(
      (r) =>
        `<Reference URI="#${r.id}"><Transforms>${transformsXml}</Transforms>` +
        `<DigestMethod Algorithm="${ALGORITHMS.SHA256}"/><DigestValue>${r.digest}</DigestValue></Reference>`,
    )
    .join('');
  return (
    `<SignedInfo><CanonicalizationMethod Algorithm="${ALGORITHMS.EXC_C14N}"/>` +
    `<SignatureMethod Algorithm="${ALGORITHMS.RSA_SHA256}"/>${referencesXml}</SignedInfo>`
  );
}

/*
 * Keys and KeyInfo contents by PEM text. Reading a PEM key took three times as long as the RSA signature
 * itself, and a seed or a class signs hundreds of documents with a handful of keys. Bounded all the same,
 * for a long-running process whose tools sign with ever new keys.
 */
const CACHE_LIMIT = 64;
const privateKeys = new Map<string, KeyObject>();
const keyInfoContents = new Map<string, string | null>();

function cached<V>(cache: Map<string, V>, pem: string, make: () => V): V {
  if (cache.has(pem)) {
    return cache.get(pem) as V;
  }
  const value = make();
  if (cache.size >= CACHE_LIMIT) {
    cache.clear();
  }
  cache.set(pem, value);
  return value;
}

function privateKeyOf(keyPem: string): KeyObject {
  return cached(privateKeys, keyPem, () => {
    try {
      return createPrivateKey(keyPem);
    } catch (e) {
      throw new KantaSimError('BAD_REQUEST', `cannot sign: the private key cannot be read`, { cause: e });
    }
  });
}

/** X509Data with every certificate of the PEM text, as xml-crypto writes it (its PEM reading kept). */
function keyInfoContent(certPem: string): string | null {
  return cached(keyInfoContents, certPem, () => {
    try {
      return SignedXml.getKeyInfoContent({ publicCert: certPem });
    } catch (e) {
      throw new KantaSimError('BAD_REQUEST', `cannot sign: the certificate cannot be read`, { cause: e });
    }
  });
}
