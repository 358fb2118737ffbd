/**
 * The archiving operations (SP1, SP17, SP2, SP20, the new version SP18 and the invalidation SP19): read and
 * verify the document, check the version rules and the register boundary, then store it. A versionNumber
 * above 1 makes any of them a new version; a frame statusCode nullified makes it an invalidation.
 */
import { createHash } from 'node:crypto';
import { isKantaSimError } from '../errors.js';
import { RULES } from '../rules/catalogue.js';
import { violation, type RuleViolation } from '../rules/rule.js';
import type { NewDocument } from '../store/archive-store.js';
import { refusal, type ExchangeOutcome } from './archive-answer.js';
import { organisationOids } from './identify-client.js';
import { clientInvalidationRecord, isNullified } from './invalidate.js';
import { checkAgainstSet, checkVersionDocument } from './new-version.js';
import type { OperationContext, OperationHandler } from './operation-context.js';
import type { ReadDocument } from './read-document.js';
import { checkRegisterWrite } from './register-access.js';

const FRAME_STATUS = '/controlActProcess/subject/clinicalDocument/statusCode/@code';

/** Builds the handler of one archiving operation. */
export function archiveHandler(
  options: { readonly mustBeNewVersion?: boolean; readonly mustNullify?: boolean } = {},
): OperationHandler {
  return async (ctx) => {
    const { deps, request, now } = ctx;
    const { frame } = request;
    const nullified = isNullified(frame);
    const read = await deps.reader.read(request, now);
    const answer = { ...ctx.answer, documentId: read.ok ? read.document.id : read.document?.id };
    const early: RuleViolation[] = [];
    if (options.mustNullify && !nullified) {
      early.push(
        violation(
          RULES.INVALIDATION_STATUS_MISSING,
          `/${frame.rootName}${FRAME_STATUS}`,
          `statusCode is ${frame.document?.statusCode ?? '(missing)'}`,
        ),
      );
    }
    if (!read.ok) {
      return refusal([...read.violations, ...early], answer);
    }
    early.push(
      ...checkVersionDocument(read.document, {
        mustBeNewVersion: options.mustBeNewVersion ?? false,
        nullified,
      }),
    );
    if (early.length > 0) {
      return refusal(early, answer);
    }
    const access = await checkRegisterWrite(read.document, ctx.organisation, deps.organisations, deps.store);
    if (access.length > 0) {
      return refusal(access, answer);
    }
    return store(ctx, read, nullified, answer);
  };
}

async function store(
  ctx: OperationContext,
  read: ReadDocument,
  nullified: boolean,
  answer: OperationContext['answer'],
): Promise<ExchangeOutcome> {
  const { document } = read;
  const callerOids = organisationOids(ctx.organisation);
  try {
    const result = await ctx.deps.store.insertDocument<RuleViolation[]>(newDocument(ctx, read), {
      ...(document.versionNumber > 1
        ? { checkSet: (versions) => checkAgainstSet(document, versions, callerOids) }
        : {}),
      ...(nullified ? { invalidate: clientInvalidationRecord(document, ctx.request.frame, ctx.now) } : {}),
    });
    switch (result.kind) {
      case 'refused':
        return refusal(result.refusal, answer);
      case 'version-conflict':
        return refusal(
          [
            violation(
              RULES.VERSION_CONFLICT,
              '/ClinicalDocument/versionNumber/@value',
              `version ${document.versionNumber} of ${document.setId} was archived by a parallel request`,
            ),
          ],
          answer,
        );
      case 'conflict':
        return refusal(
          [
            violation(
              RULES.ARCHIVE_ID_CONFLICT,
              '/ClinicalDocument/id/@root',
              `document ${document.id} was archived on ${result.existing.archivedAt} with different content`,
            ),
          ],
          answer,
        );
      default:
        return {
          ...answer,
          typeCode: 'AA',
          violations: [],
          warnings: [...ctx.request.warnings, ...read.warnings],
          repeated: result.kind === 'duplicate',
          httpStatus: 200,
        };
    }
  } catch (e) {
    if (isKantaSimError(e) && e.code === 'STORE_FAILED') {
      return refusal([violation(RULES.ARCHIVE_UNAVAILABLE, '/', e.message)], { ...answer, httpStatus: 503 });
    }
    throw e;
  }
}

function newDocument(ctx: OperationContext, read: ReadDocument): NewDocument {
  const { document } = read;
  const h = document.header;
  const { frame, operation } = ctx.request;
  return {
    id: document.id,
    setId: document.setId,
    versionNumber: document.versionNumber,
    registerOid: document.custodian.oid,
    senderOid: frame.senderOid ?? '',
    hetu: document.client.hetu,
    palvelutehtava: h.palvelutehtava?.code,
    documentType: h.specificDocumentType?.code,
    generalDocumentType: document.code?.code,
    documentGroup: h.documentGroup?.code,
    prosessivaihe: h.prosessivaihe?.code,
    caseId: document.caseInfo.caseId,
    serviceUnitOid: document.caseInfo.serviceUnit?.oid,
    effectiveTime: document.effectiveTime,
    serviceRequest: operation.serviceRequest,
    replacesId: document.replaces?.parentId,
    cdaBytes: read.cdaBytes,
    messageId: `${frame.messageId?.root ?? ''}:${frame.messageId?.extension ?? ''}`,
    sha256: createHash('sha256').update(read.cdaBytes).digest('hex'),
    metadataJson: JSON.stringify({
      document,
      content: read.content,
      signatures: read.signatures,
      warnings: [...ctx.request.warnings, ...read.warnings].map((w) => ({
        code: w.rule.code,
        detail: w.detail,
      })),
    }),
    archivedAt: ctx.now.toISOString(),
  };
}
