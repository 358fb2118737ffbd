/**
 * Signs a CDA document to the Kanta profile, for tools, fixtures and tests (the archive itself only
 * verifies). Adds hl7fi:signatureCollection/hl7fi:signature with signatureDescription, signatureTimestamp
 * and a ds:Signature over the body and that timestamp. Nothing is pretty-printed: the output verifies as
 * it is, and may be signed again by the next signer.
 */
import type { Document, Element } from '@xmldom/xmldom';
import { XMLSerializer } from '@xmldom/xmldom';
import {
  SignedXml,
  type CanonicalizationOrTransformationAlgorithm,
  type GetKeyInfoContentArgs,
} from 'xml-crypto';
import { KantaSimError } from '../errors.js';
import { NS, childElement, childElements, parseDom, textOf } from '../xml/dom.js';
import {
  ALGORITHMS,
  BODY_ID_PREFIX,
  ID_VALUE_PATTERN,
  SIGNATURE_TYPES,
  SIGNATURE_TYPE_CODE_SYSTEM,
  SIGNATURE_TYPE_CODE_SYSTEM_NAME,
  XML_CRYPTO_ID_ATTRIBUTES,
  signatureTypeCode,
  type SignatureType,
} from './profile.js';
import { exclusiveCanonicalize } from './exclusive-c14n.js';
import { formatUtcDateTime } from './signing-time.js';

export interface SignOptions {
  /** ClinicalDocument/id/@root; the body must carry ID="OID<documentId>". */
  readonly documentId: string;
  /** hl7fi:signature/@ID of the new signature. */
  readonly signatureId: string;
  readonly type: SignatureType;
  readonly keyPem: string;
  readonly certPem: string;
  /** Default: now. */
  readonly signingTime?: Date;
  /** 'timestamp' (default): CDA-timestamp.<signatureId>; 'aikaleima': CDA-aikaleima.<n>, as both real senders do. */
  readonly timestampIdStyle?: 'timestamp' | 'aikaleima';
  /** Put the enveloped-signature transform before exc-c14n (as the SP1 sample's sender does). */
  readonly envelopedTransform?: boolean;
  /** Professional signatures: add localSocialHeader/hl7fi:signature/assignedAuthorSigner if not yet named. */
  readonly signerRegNo?: string;
}

/** Returns the document with one more signature; throws KantaSimError(BAD_REQUEST) on unusable input. */
export function signDocument(xml: string, options: SignOptions): string {
  const parsed = parseDom(xml);
  if (!parsed.ok) {
    throw new KantaSimError('BAD_REQUEST', `the document is not well-formed XML: ${parsed.message}`, {
      cause: parsed.cause,
    });
  }
  const doc = parsed.doc;
  const bodyId = `${BODY_ID_PREFIX}${options.documentId}`;
  if (!ID_VALUE_PATTERN.test(options.signatureId) || !ID_VALUE_PATTERN.test(bodyId)) {
    throw new KantaSimError('BAD_REQUEST', 'signatureId and documentId must form plain NCName IDs');
  }
  const header = localSocialHeader(doc);
  const collection = ensureCollection(doc, header);
  if (options.type === 'professional' && options.signerRegNo !== undefined) {
    ensureHeaderSigner(doc, header, collection, options.signerRegNo, options.signingTime ?? new Date());
  }
  const position = childElements(collection, NS.HL7FI, 'signature').length + 1;
  const timestampId =
    options.timestampIdStyle === 'aikaleima'
      ? `CDA-aikaleima.${position}`
      : `CDA-timestamp.${options.signatureId}`;
  appendSignatureContainer(doc, collection, options, timestampId);

  const prepared = new XMLSerializer().serializeToString(doc);
  const transforms = options.envelopedTransform
    ? [ALGORITHMS.ENVELOPED, ALGORITHMS.EXC_C14N]
    : [ALGORITHMS.EXC_C14N];
  const sx = new SignedXml({
    privateKey: options.keyPem,
    publicCert: options.certPem,
    signatureAlgorithm: ALGORITHMS.RSA_SHA256,
    canonicalizationAlgorithm: ALGORITHMS.EXC_C14N,
    getKeyInfoContent: keyInfoContentOnce,
  });
  sx.idAttributes = [...XML_CRYPTO_ID_ATTRIBUTES];
  // The signer digests with the verifier's canonicalizer, so what it signs is what the archive checks.
  sx.CanonicalizationAlgorithms = {
    ...sx.CanonicalizationAlgorithms,
    [ALGORITHMS.EXC_C14N]: OwnExclusiveC14n,
  };
  sx.addReference({ xpath: `//*[@ID='${bodyId}']`, transforms, digestAlgorithm: ALGORITHMS.SHA256 });
  sx.addReference({ xpath: `//*[@ID='${timestampId}']`, transforms, digestAlgorithm: ALGORITHMS.SHA256 });
  try {
    sx.computeSignature(prepared, {
      location: {
        reference: `//*[local-name()='signature' and namespace-uri()='${NS.HL7FI}' and @ID='${options.signatureId}']`,
        action: 'append',
      },
    });
  } catch (e) {
    throw new KantaSimError('BAD_REQUEST', `cannot sign: ${e instanceof Error ? e.message : String(e)}`, {
      cause: e,
    });
  }
  return sx.getSignedXml();
}

/**
 * xml-crypto's KeyInfo content, built once per certificate chain: it parses every certificate of the chain
 * for each signature, which was a tenth of signing a seeded class's documents. Bounded, as tools sign with
 * a handful of chains.
 */
const keyInfoContents = new Map<string, string | null>();
function keyInfoContentOnce(args: GetKeyInfoContentArgs): string | null {
  const { publicCert, prefix } = args;
  if (typeof publicCert !== 'string') {
    return SignedXml.getKeyInfoContent(args);
  }
  const key = `${prefix ?? ''}\n${publicCert}`;
  let content = keyInfoContents.get(key);
  if (content === undefined) {
    if (keyInfoContents.size >= 64) {
      keyInfoContents.clear();
    }
    content = SignedXml.getKeyInfoContent(args);
    keyInfoContents.set(key, content);
  }
  return content;
}

/** exclusive-c14n.ts in xml-crypto's plug-in shape (it applies the enveloped transform before this). */
class OwnExclusiveC14n implements CanonicalizationOrTransformationAlgorithm {
  process(node: Node): string {
    return exclusiveCanonicalize(node as unknown as Element);
  }
  getAlgorithmName(): string {
    return ALGORITHMS.EXC_C14N;
  }
}

function localSocialHeader(doc: Document): Element {
  const root = doc.documentElement;
  const header = root ? childElement(root, NS.HL7FI, 'localSocialHeader') : undefined;
  if (!root || root.namespaceURI !== NS.HL7 || root.localName !== 'ClinicalDocument' || !header) {
    throw new KantaSimError('BAD_REQUEST', 'not a ClinicalDocument with an hl7fi:localSocialHeader');
  }
  return header;
}

/** The first signatureCollection, created last in the header (unprefixed, like the real senders) if missing. */
function ensureCollection(doc: Document, header: Element): Element {
  const existing = childElement(header, NS.HL7FI, 'signatureCollection');
  if (existing) {
    return existing;
  }
  const created = doc.createElementNS(NS.HL7FI, 'signatureCollection');
  header.appendChild(created);
  return created;
}

/** A child element in hl7finland, with the prefix its parent uses (or none). */
function hl7fi(doc: Document, parent: Element, localName: string): Element {
  const prefix = parent.namespaceURI === NS.HL7FI ? parent.prefix : null;
  return doc.createElementNS(NS.HL7FI, prefix ? `${prefix}:${localName}` : localName);
}

function appendSignatureContainer(
  doc: Document,
  collection: Element,
  options: SignOptions,
  timestampId: string,
): void {
  const code = signatureTypeCode(options.type);
  const container = hl7fi(doc, collection, 'signature');
  container.setAttribute('ID', options.signatureId);
  const description = hl7fi(doc, collection, 'signatureDescription');
  description.setAttribute('code', code);
  description.setAttribute('displayName', SIGNATURE_TYPES[code]?.displayName ?? '');
  description.setAttribute('codeSystem', SIGNATURE_TYPE_CODE_SYSTEM);
  description.setAttribute('codeSystemName', SIGNATURE_TYPE_CODE_SYSTEM_NAME);
  const timestamp = hl7fi(doc, collection, 'signatureTimestamp');
  timestamp.setAttribute('ID', timestampId);
  timestamp.appendChild(doc.createTextNode(formatUtcDateTime(options.signingTime ?? new Date())));
  container.appendChild(description);
  container.appendChild(timestamp);
  collection.appendChild(container);
}

/** Names the professional in localSocialHeader/hl7fi:signature unless some header signature already does. */
function ensureHeaderSigner(
  doc: Document,
  header: Element,
  collection: Element,
  regNo: string,
  at: Date,
): void {
  const named = childElements(header, NS.HL7FI, 'signature').some(
    (s) => textOf(childElement(s, NS.HL7FI, 'assignedAuthorSigner')) === regNo,
  );
  if (named) {
    return;
  }
  const signature = hl7fi(doc, header, 'signature');
  const signer = hl7fi(doc, header, 'assignedAuthorSigner');
  signer.appendChild(doc.createTextNode(regNo));
  const time = hl7fi(doc, header, 'time');
  time.setAttribute('value', hl7Time(at));
  signature.appendChild(signer);
  signature.appendChild(time);
  header.insertBefore(signature, collection);
}

/** HL7 TS in UTC: YYYYMMDDHHMMSS+0000. */
function hl7Time(d: Date): string {
  return `${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}+0000`;
}
