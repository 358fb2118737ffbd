/**
 * Composes a complete archive message the way a client information system does: CDA from a spec, Kanta-
 * profile signatures, MIME package, RCMR_IN200002FI01 frame, optionally a SOAP envelope. Used by the demo
 * message, the fixture generator, the reference client and the tests.
 */
import type { DocumentSpec } from '../cda/build-spec.js';
import { buildSocialDocumentXml } from '../cda/build-cda.js';
import { parseCda } from '../cda/parse-cda.js';
import type { SocialDocument } from '../cda/social-document.js';
import { KantaSimError } from '../errors.js';
import { signDocumentBy } from '../signature/sign.js';
import type { EnvelopeStyle, InstanceId } from '../wire/archive-frame.js';
import { buildArchiveFrame, wrapInSoap } from '../wire/build-frame.js';
import { parseDom } from '../xml/dom.js';

export interface SigningKey {
  readonly keyPem: string;
  readonly certPem: string;
}

export interface SignedMessageInput {
  readonly spec: DocumentSpec;
  /** SP1 (client-relationship document) or SP17 (client document), or another code of the operation table. */
  readonly serviceRequest: string;
  readonly senderOid: string;
  readonly messageId: InstanceId;
  readonly creationTime: Date;
  /** The organisation's system signature (signing.pem / signing.key). */
  readonly system?: SigningKey;
  /** Professionals' signatures, each by a signer named in the spec's header signers. */
  readonly professionals?: readonly (SigningKey & { readonly regNo: string })[];
  readonly signingTime?: Date;
  readonly style?: EnvelopeStyle;
  /** Frame clinicalDocument/statusCode (nullified = invalidation). */
  readonly statusCode?: string;
  /** Put the enveloped-signature transform first, as some senders do. */
  readonly envelopedTransform?: boolean;
}

export interface SignedMessage {
  /** The signed CDA exactly as it travels inside the MIME package. */
  readonly cdaXml: string;
  readonly document: SocialDocument;
  /** The whole message to POST. */
  readonly messageXml: string;
}

/** Builds, signs and frames one document. Throws KantaSimError(BAD_REQUEST) when the spec cannot be built. */
export function buildSignedMessage(input: SignedMessageInput): SignedMessage {
  const documentId = input.spec.id;
  const signingTime = input.signingTime ?? input.creationTime;
  const common = { documentId, signingTime, envelopedTransform: input.envelopedTransform };
  const cdaXml = signDocumentBy(buildSocialDocumentXml(input.spec), [
    ...(input.professionals ?? []).map((pro, i) => ({
      ...common,
      signatureId: `sig-professional-${i + 1}`,
      type: 'professional' as const,
      keyPem: pro.keyPem,
      certPem: pro.certPem,
      signerRegNo: pro.regNo,
    })),
    ...(input.system
      ? [
          {
            ...common,
            signatureId: 'sig-system-1',
            type: 'system' as const,
            keyPem: input.system.keyPem,
            certPem: input.system.certPem,
          },
        ]
      : []),
  ]);
  const dom = parseDom(cdaXml);
  const parsed = dom.ok ? parseCda(dom.doc) : undefined;
  if (!parsed?.ok) {
    throw new KantaSimError(
      'BAD_REQUEST',
      `the built document does not parse as a social welfare CDA document`,
    );
  }
  const frame = buildArchiveFrame({
    serviceRequest: input.serviceRequest,
    messageId: input.messageId,
    senderOid: input.senderOid,
    creationTime: input.creationTime,
    document: parsed.document,
    cdaBytes: Buffer.from(cdaXml, 'utf8'),
    statusCode: input.statusCode,
  });
  const messageXml = input.style && input.style !== 'bare' ? wrapInSoap(frame, input.style) : frame;
  return { cdaXml, document: parsed.document, messageXml };
}
