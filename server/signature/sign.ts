/**
 * Signs a CDA document to the Kanta profile, for tools, fixtures, seeds and tests (the archive itself only
 * verifies). Adds hl7fi:signatureCollection/hl7fi:signature with signatureDescription, signatureTimestamp
 * and a ds:Signature over the body and that timestamp. Nothing is pretty-printed: the output verifies as
 * it is, and may be signed again by the next signer.
 */
import { XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { KantaSimError } from '../errors.js';
import { parseDom } from '../xml/dom.js';
import { ALGORITHMS, BODY_ID_PREFIX, ID_VALUE_PATTERN, type SignatureType } from './profile.js';
import { addSignatureContainer } from './sign-container.js';
import { appendXmldsig, digestOf, elementById } from './sign-xmldsig.js';

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
  return signDocumentBy(xml, [options]);
}

/**
 * Returns the document signed by each signer in turn, exactly as signDocument called once per signer
 * would, from one parse and one serialization.
 */
export function signDocumentBy(xml: string, signers: readonly SignOptions[]): string {
  if (signers.length === 0) {
    return xml;
  }
  const parsed = parseDom(xml);
  if (!parsed.ok) {
    throw new KantaSimError('BAD_REQUEST', `the document is not well-formed XML: ${parsed.message}`, {
      cause: parsed.cause,
    });
  }
  // A signature never changes the body it signs (it goes into the header), so each body is digested once.
  const bodyDigests = new Map<Element, string>();
  for (const options of signers) {
    addSignature(parsed.doc, options, bodyDigests);
  }
  return new XMLSerializer().serializeToString(parsed.doc);
}

function addSignature(doc: Document, options: SignOptions, bodyDigests: Map<Element, string>): void {
  const bodyId = `${BODY_ID_PREFIX}${options.documentId}`;
  if (!ID_VALUE_PATTERN.test(options.signatureId) || !ID_VALUE_PATTERN.test(bodyId)) {
    throw new KantaSimError('BAD_REQUEST', 'signatureId and documentId must form plain NCName IDs');
  }
  const { container, timestampId } = addSignatureContainer(doc, {
    signatureId: options.signatureId,
    type: options.type,
    signingTime: options.signingTime ?? new Date(),
    timestampIdStyle: options.timestampIdStyle ?? 'timestamp',
    signerRegNo: options.signerRegNo,
  });
  const body = elementById(doc, bodyId);
  let bodyDigest = bodyDigests.get(body);
  if (bodyDigest === undefined) {
    bodyDigest = digestOf(body);
    if (!contains(body, container)) {
      bodyDigests.set(body, bodyDigest);
    }
  }
  const timestampDigest = digestOf(elementById(doc, timestampId));
  appendXmldsig(
    container,
    [
      { id: bodyId, digest: bodyDigest },
      { id: timestampId, digest: timestampDigest },
    ],
    {
      transforms: options.envelopedTransform
        ? [ALGORITHMS.ENVELOPED, ALGORITHMS.EXC_C14N]
        : [ALGORITHMS.EXC_C14N],
      keyPem: options.keyPem,
      certPem: options.certPem,
    },
  );
}

/** Whether `node` is `ancestor` or below it: a body holding the signatures changes with each. */
function contains(ancestor: Element, node: Element): boolean {
  for (let n: Element | null = node; n; n = n.parentNode as Element | null) {
    if (n === ancestor) {
      return true;
    }
  }
  return false;
}
