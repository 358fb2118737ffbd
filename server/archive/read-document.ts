/**
 * From the frame's MIME package to a verified, validated document: MIME, CDA parsing, frame/CDA
 * consistency, metadata, signatures, and the content read from what was signed. All rules run, so an AE
 * lists every failed rule at once.
 */
import type { Operation } from '../codes/operations.js';
import type { CodeLists } from '../codes/code-lists.js';
import { parseCda, parseSignedContent } from '../cda/parse-cda.js';
import type { SignedContent, SocialDocument } from '../cda/social-document.js';
import type { TrustMode } from '../config.js';
import type { CertificateTrust } from '../pki/trust-types.js';
import { RULES } from '../rules/catalogue.js';
import { violation, type RuleViolation } from '../rules/rule.js';
import { validateDocument } from '../cda/validate-document.js';
import { validateFrameAgainstDocument } from '../wire/validate-frame.js';
import type { SignatureReport } from '../signature/verify-signatures.js';
import { verifyDocumentSignatures } from '../signature/verify-signatures.js';
import type { ArchiveFrame } from '../wire/archive-frame.js';
import { extractDocumentPart } from '../wire/mime.js';
import type { XmlLimits } from '../xml/limits.js';
import { readXml } from '../xml/read-xml.js';

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

const TEXT = '/RCMR_IN200002FI01/controlActProcess/subject/clinicalDocument/text';

export function readDocument(
  frame: ArchiveFrame,
  operation: Operation,
  ctx: DocumentReadingContext,
): DocumentReading {
  const copy = frame.document;
  if (!copy?.text || !copy.id) {
    return {
      ok: false,
      violations: [
        violation(RULES.FRAME_REQUIRED_MISSING, TEXT, 'the frame carries no MIME package or no document id'),
      ],
    };
  }
  const part = extractDocumentPart(copy.text, copy.id);
  if (!part.ok) {
    return { ok: false, violations: [part.violation] };
  }
  const cdaBytes = part.bytes;
  const dom = readXml(cdaBytes, {
    limits: ctx.limits,
    what: 'the CDA document',
    location: '/ClinicalDocument',
    malformed: RULES.CDA_MALFORMED,
  });
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
  const signed = parseSignedContent(verification.signedBodyXml);
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
