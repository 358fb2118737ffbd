/**
 * The archive's document reading as it was before the one-parse core (issue 17), kept as the cross-check
 * of server/archive/read-document.ts: the signed body is read from its canonical bytes parsed again
 * (parseSignedContent), and those bytes must parse as an HL7 nonXMLBody carrying the body ID. Everything
 * else is the same pipeline, so a difference between the two readings is a difference of the one parse.
 */
import { parseCda, parseSignedContent } from '../../server/cda/parse-cda.js';
import { readCdaXml } from '../../server/cda/read-cda-xml.js';
import { validateDocument } from '../../server/cda/validate-document.js';
import type {
  DocumentReading,
  DocumentReadingContext,
  DocumentSource,
} from '../../server/archive/read-document.js';
import { RULES } from '../../server/rules/catalogue.js';
import { violation, type RuleViolation } from '../../server/rules/rule.js';
import { BODY_ID_PREFIX } from '../../server/signature/profile.js';
import { verifyDocumentSignatures } from '../../server/signature/verify-signatures.js';
import { validateFrameAgainstDocument } from '../../server/wire/validate-frame.js';
import { NO_DOCUMENT_PACKAGE } from '../../server/wire/read-inbound-request.js';
import { attr, NS, parseDom } from '../../server/xml/dom.js';

/** readDocument with the signed body parsed a second time from its canonical bytes. */
export function readDocumentTwoParses(source: DocumentSource, ctx: DocumentReadingContext): DocumentReading {
  const part = source.document ?? NO_DOCUMENT_PACKAGE;
  if (!part.ok) {
    return { ok: false, violations: [part.violation] };
  }
  const dom = readCdaXml(part.cdaBytes, ctx.limits);
  if (!dom.ok) {
    return { ok: false, violations: [dom.violation] };
  }
  const parsed = parseCda(dom.doc);
  if (!parsed.ok) {
    return { ok: false, violations: parsed.violations };
  }
  const document = parsed.document;
  const violations: RuleViolation[] = [
    ...validateFrameAgainstDocument(source.frame, document, source.operation),
    ...validateDocument(document, ctx.codes, { testIdentityGuardrail: ctx.testIdentityGuardrail }),
  ];
  const verification = verifyDocumentSignatures(dom.text, dom.doc, {
    documentId: document.id,
    senderOid: source.frame.senderOid ?? '',
    custodianOid: document.custodian.oid,
    headerSignerRegNos: document.header.signers.map((s) => s.registrationNumber),
    trust: ctx.trust,
    trustMode: ctx.trustMode,
    now: ctx.now,
  });
  if (!verification.ok) {
    return { ok: false, violations: [...violations, ...verification.violations], document };
  }
  const reparsed = parseDom(verification.signedBodyXml);
  const root = reparsed.ok ? reparsed.doc.documentElement : null;
  if (
    !root ||
    root.namespaceURI !== NS.HL7 ||
    root.localName !== 'nonXMLBody' ||
    attr(root, 'ID') !== `${BODY_ID_PREFIX}${document.id}`
  ) {
    const where = '/ClinicalDocument/component/nonXMLBody';
    const why = 'the signed reference did not resolve to the nonXMLBody';
    return {
      ok: false,
      violations: [...violations, violation(RULES.SIG_BODY_ID_INVALID, where, why)],
      document,
    };
  }
  const signed = parseSignedContent(verification.signedBodyXml);
  violations.push(...signed.violations);
  if (violations.length > 0) {
    return { ok: false, violations, document };
  }
  return {
    ok: true,
    cdaBytes: part.cdaBytes,
    document,
    content: signed.content,
    signatures: verification.signatures,
    warnings: [...part.warnings, ...dom.warnings, ...verification.warnings],
  };
}
