/**
 * The archive's rules applied offline to a frame and/or a CDA, without storing anything and without a TLS
 * identity: the SHARK validation endpoint (SHA-SPEC section 9) and `kanta-sim validate` share it. It reads
 * through the archive's own pipeline (wire/read-inbound-request.ts, then archive/read-document.ts), so the
 * verdict is the one the archive would give, except for the checks that need a caller (TLS identity,
 * register access, storage).
 */
import type { OperationTable } from '../codes/operations.js';
import type { CodeLists } from '../codes/code-lists.js';
import { readCdaXml } from '../cda/read-cda-xml.js';
import { parseCda } from '../cda/parse-cda.js';
import type { TrustMode } from '../config.js';
import { readDocument } from '../archive/read-document.js';
import type { CertificateTrust } from '../pki/trust-types.js';
import { RULES } from '../rules/catalogue.js';
import { violation, type RuleViolation } from '../rules/rule.js';
import { ARCHIVE_INTERACTION_ID, buildArchiveFrame } from '../wire/build-frame.js';
import type { InboundReading } from '../wire/inbound-request.js';
import { readInboundRequest, withDocument } from '../wire/read-inbound-request.js';
import type { XmlLimits } from '../xml/limits.js';

export interface ValidationContext {
  readonly codes: CodeLists;
  readonly operations: OperationTable;
  readonly trust: CertificateTrust;
  readonly trustMode: TrustMode;
  readonly testIdentityGuardrail: boolean;
  readonly limits: XmlLimits;
  readonly now: Date;
}

export interface Submission {
  /** The transfer frame (bare or in SOAP). Its MIME text may be a placeholder when `cdaXml` is given. */
  readonly frameXml?: string;
  /** The CDA document; when given it is what is validated, whatever the frame's MIME package holds. */
  readonly cdaXml?: string;
  /** The service request (palvelupyyntö) when the frame does not say (CDA only). Default SP17. */
  readonly serviceRequest?: string;
}

export interface ValidationReport {
  readonly ok: boolean;
  readonly violations: readonly RuleViolation[];
  readonly warnings: readonly RuleViolation[];
  readonly operation?: string;
  readonly documentId?: string;
}

/** Runs every rule the archive would run on the submission. Never throws for bad input. */
export function validateSubmission(submission: Submission, ctx: ValidationContext): ValidationReport {
  if (submission.frameXml === undefined && submission.cdaXml === undefined) {
    return fail([violation(RULES.FRAME_REQUIRED_MISSING, '/', 'neither a frame nor a document was given')]);
  }
  const reading =
    submission.frameXml !== undefined
      ? readSubmitted(submission.frameXml, submission.serviceRequest, ctx)
      : frameForDocument(submission.cdaXml as string, submission.serviceRequest ?? 'SP17', ctx);
  // Only the frame's own rules failing still leaves a request: its document is checked too.
  const frameViolations = reading.ok ? [] : reading.violations;
  let request = reading.request;
  if (!request) {
    const serviceRequest = reading.ok ? undefined : reading.frame?.serviceRequests[0]?.code;
    return fail(
      frameViolations.length > 0
        ? frameViolations
        : [unknownServiceRequest(serviceRequest ?? submission.serviceRequest)],
    );
  }
  if (submission.cdaXml !== undefined) {
    // The CDA given separately replaces the frame's MIME package (SHARK allows a placeholder there).
    request = withDocument(request, Buffer.from(submission.cdaXml, 'utf8'));
  }
  const { operation, frame } = request;
  if (!operation.carriesDocument) {
    return {
      ok: frameViolations.length === 0,
      violations: frameViolations,
      warnings: [],
      operation: operation.operation,
    };
  }
  const read = readDocument(request, {
    codes: ctx.codes,
    trust: ctx.trust,
    trustMode: ctx.trustMode,
    testIdentityGuardrail: ctx.testIdentityGuardrail,
    limits: ctx.limits,
    now: ctx.now,
  });
  const violations = [...frameViolations, ...(read.ok ? [] : read.violations)];
  return {
    ok: violations.length === 0,
    violations: dedupe(violations),
    warnings: read.ok ? read.warnings : [],
    operation: operation.operation,
    ...(frame.document?.id ? { documentId: frame.document.id } : {}),
  };
}

/** A frame as SHARK receives it: there is no caller, so no TLS identity to check the sender against. */
function readSubmitted(
  frameXml: string,
  serviceRequest: string | undefined,
  ctx: ValidationContext,
): InboundReading {
  return readInboundRequest(frameXml, {
    limits: ctx.limits,
    operations: ctx.operations,
    senderOids: [],
    ...(serviceRequest === undefined ? {} : { serviceRequest }),
  });
}

/** A CDA alone: frame it the way a client system would, sent by its register keeper. */
function frameForDocument(cdaXml: string, serviceRequest: string, ctx: ValidationContext): InboundReading {
  const dom = readCdaXml(cdaXml, ctx.limits);
  if (!dom.ok) {
    return { ok: false, style: 'bare', violations: [dom.violation] };
  }
  const parsed = parseCda(dom.doc);
  if (!parsed.ok) {
    return { ok: false, style: 'bare', violations: [...parsed.violations] };
  }
  const document = parsed.document;
  const frameXml = buildArchiveFrame({
    serviceRequest,
    interactionId: ARCHIVE_INTERACTION_ID,
    messageId: { root: document.custodian.oid, extension: 'validate' },
    senderOid: document.custodian.oid,
    creationTime: ctx.now,
    document,
    cdaBytes: Buffer.from(cdaXml, 'utf8'),
  });
  return readSubmitted(frameXml, serviceRequest, ctx);
}

function unknownServiceRequest(code: string | undefined): RuleViolation {
  return violation(
    RULES.FRAME_SERVICE_REQUEST_UNKNOWN,
    '/RCMR_IN200002FI01/controlActProcess/reasonCode/@code',
    `service request "${code ?? ''}" is not in the operation table`,
  );
}

function fail(violations: readonly RuleViolation[]): ValidationReport {
  return { ok: false, violations: dedupe(violations), warnings: [] };
}

function dedupe(violations: readonly RuleViolation[]): RuleViolation[] {
  const seen = new Set<string>();
  return violations.filter((v) => {
    const key = `${v.rule.code}|${v.location}|${v.detail ?? ''}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
