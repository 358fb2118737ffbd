/**
 * The signer as it was before sign-xmldsig.ts: xml-crypto's SignedXml computes the ds:Signature, finding
 * its references by XPath in its own parse of the document. Kept ONLY as the cross-check that the project's
 * signer writes the very bytes SignedXml writes for the same input (RSA PKCS#1 v1.5 signatures are
 * deterministic, so the whole output can be compared). The hl7fi container is the project's own.
 */
import { XMLSerializer } from '@xmldom/xmldom';
import { SignedXml, type CanonicalizationOrTransformationAlgorithm } from 'xml-crypto';
import { parseDom, NS } from '../../server/xml/dom.js';
import { ALGORITHMS, BODY_ID_PREFIX, XML_CRYPTO_ID_ATTRIBUTES } from '../../server/signature/profile.js';
import { exclusiveCanonicalize } from '../../server/signature/exclusive-c14n.js';
import { addSignatureContainer } from '../../server/signature/sign-container.js';
import type { SignOptions } from '../../server/signature/sign.js';

export function signWithXmlCrypto(xml: string, options: SignOptions): string {
  const parsed = parseDom(xml);
  if (!parsed.ok) {
    throw new Error(parsed.message);
  }
  const { timestampId } = addSignatureContainer(parsed.doc, {
    signatureId: options.signatureId,
    type: options.type,
    signingTime: options.signingTime ?? new Date(),
    timestampIdStyle: options.timestampIdStyle ?? 'timestamp',
    signerRegNo: options.signerRegNo,
  });
  const prepared = new XMLSerializer().serializeToString(parsed.doc);
  const transforms = options.envelopedTransform
    ? [ALGORITHMS.ENVELOPED, ALGORITHMS.EXC_C14N]
    : [ALGORITHMS.EXC_C14N];
  const sx = new SignedXml({
    privateKey: options.keyPem,
    publicCert: options.certPem,
    signatureAlgorithm: ALGORITHMS.RSA_SHA256,
    canonicalizationAlgorithm: ALGORITHMS.EXC_C14N,
  });
  sx.idAttributes = [...XML_CRYPTO_ID_ATTRIBUTES];
  sx.CanonicalizationAlgorithms = { ...sx.CanonicalizationAlgorithms, [ALGORITHMS.EXC_C14N]: OwnC14n };
  const bodyId = `${BODY_ID_PREFIX}${options.documentId}`;
  sx.addReference({ xpath: `//*[@ID='${bodyId}']`, transforms, digestAlgorithm: ALGORITHMS.SHA256 });
  sx.addReference({ xpath: `//*[@ID='${timestampId}']`, transforms, digestAlgorithm: ALGORITHMS.SHA256 });
  sx.computeSignature(prepared, {
    location: {
      reference: `//*[local-name()='signature' and namespace-uri()='${NS.HL7FI}' and @ID='${options.signatureId}']`,
      action: 'append',
    },
  });
  return sx.getSignedXml();
}

/** The archive's canonicalizer in xml-crypto's plug-in shape, as the old signer used it. */
class OwnC14n implements CanonicalizationOrTransformationAlgorithm {
  process(node: Node): string {
    return exclusiveCanonicalize(node as unknown as Parameters<typeof exclusiveCanonicalize>[0]);
  }
  getAlgorithmName(): string {
    return ALGORITHMS.EXC_C14N;
  }
}
