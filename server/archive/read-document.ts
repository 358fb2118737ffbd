/**
 * From the request's document package (opened at the wire edge, read-inbound-request.ts) to a verified,
 * validated document: CDA parsing, frame/CDA consistency, metadata, signatures, and the content read from
 * what was signed. All rules run, so an AE lists every failed rule at once.
 */
import type { CodeLists } from '../codes/code-lists.js';
import { readCdaXml } from '../cda/read-cda-xml.js';
import { parseCda } from '../cda/parse-cda.js';
import { readSignedContent } from '../cda/signed-content.js';
import type { SignedContent, SocialDocument } from '../cda/social-document.js';
import type { TrustMode } from '../config.js';
import type { CertificateTrust } from '../pki/trust-types.js';
import type { RuleViolation } from '../rules/rule.js';
import { validateDocument } from '../cda/validate-document.js';
import { validateFrameAgainstDocument } from '../wire/validate-frame.js';
import type { SignatureReport } from '../signature/verify-signatures.js';
import { verifyDocumentSignatures } from '../signature/verify-signatures.js';
import type { InboundRequest } from '../wire/inbound-request.js';
import { NO_DOCUMENT_PACKAGE } from '../wire/read-inbound-request.js';
import type { XmlLimits } from '../xml/limits.js';

export interface DocumentReadingContext {
  readonly codes: CodeLists;
  readonly trust: CertificateTrust;
  readonly trustMode: TrustMode;
  readonly testIdentityGuardrail: boolean;
  readonly limits: XmlLimits;
  readonly now: Date;
}

export interface ReadDocument {
  readonly cdaBytes: Buffer;
  readonly document: SocialDocument;
  readonly content: SignedContent;
  readonly signatures: readonly SignatureReport[];
  readonly warnings: readonly RuleViolation[];
}

export type DocumentReading =
  | ({ readonly ok: true } & ReadDocument)
  | { readonly ok: false; readonly violations: readonly RuleViolation[]; readonly document?: SocialDocument };

/**
 * What reading a document needs of the request: the frame (its metadata copy is checked against the CDA,
 * its sender against the signers), the operation and the document package.
 */
export type DocumentSource = Pick<InboundRequest, 'frame' | 'operation' | 'document'>;

/** Reads, checks and verifies the document of an archiving request. Never throws for client input. */
export function readDocument(source: DocumentSource, ctx: DocumentReadingContext): DocumentReading {
  const { frame, operation } = source;
  const part = source.document ?? NO_DOCUMENT_PACKAGE;
  if (!part.ok) {
    return { ok: false, violations: [part.violation] };
  }
  const cdaBytes = part.cdaBytes;
  const dom = readCdaXml(cdaBytes, ctx.limits);
  if (!dom.ok) {
    return { ok: false, violations: [dom.violation] };
  }
  const cdaText = dom.text;
  const parsed = parseCda(dom.doc);
  if (!parsed.ok) {
    return { ok: false, violations: parsed.violations };
  }
  const document = parsed.document;
  const violations: RuleViolation[] = [
    ...validateFrameAgainstDocument(frame, document, operation),
    ...validateDocument(document, ctx.codes, { testIdentityGuardrail: ctx.testIdentityGuardrail }),
  ];
  const verification = verifyDocumentSignatures(cdaText, dom.doc, {
    documentId: document.id,
    senderOid: frame.senderOid ?? '',
    custodianOid: document.custodian.oid,
    headerSignerRegNos: document.header.signers.map((s) => s.registrationNumber),
    trust: ctx.trust,
    trustMode: ctx.trustMode,
    now: ctx.now,
  });
  if (!verification.ok) {
    return { ok: false, violations: [...violations, ...verification.violations], document };
  }
  // The body element of the one parse, whose canonical form the signatures digested: no second parse.
  const signed = readSignedContent(verification.signedBody);
  violations.push(...signed.violations);
  if (violations.length > 0) {
    return { ok: false, violations, document };
  }
  return {
    ok: true,
    cdaBytes,
    document,
    content: signed.content,
    signatures: verification.signatures,
    warnings: [...part.warnings, ...dom.warnings, ...verification.warnings],
  };
}
