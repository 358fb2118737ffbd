/**
 * Invalidation (mitätöinti): the archivist's action in the archivist UI, and the record a client system's
 * nullified new version leaves. An invalidated set stays stored, every version marked invalid, never
 * current, and shows in history with who invalidated it, when and why.
 */
import type { SocialDocument } from '../cda/social-document.js';
import { RULES } from '../rules/catalogue.js';
import { violation, type RuleViolation } from '../rules/rule.js';
import type { ArchiveStore, InvalidationRecord } from '../store/archive-store.js';
import type { ArchiveFrame } from '../wire/archive-frame.js';

export interface InvalidateDocumentInput {
  readonly documentId: string;
  /** The registers the archivist acts for: a document outside them is not found. */
  readonly registerOids: readonly string[];
  readonly by: { readonly kind: 'archivist'; readonly id: string; readonly name: string };
  readonly reason: string;
  readonly at: Date;
}

export type InvalidateDocumentResult =
  | { readonly ok: true; readonly record: InvalidationRecord }
  | { readonly ok: false; readonly violation: RuleViolation };

/**
 * Invalidates the document's whole set (every version) as an archivist. Refused with a rule when the reason
 * is empty, the document is outside the archivist's registers, or the set is already invalidated.
 */
export async function invalidateDocument(
  store: ArchiveStore,
  input: InvalidateDocumentInput,
): Promise<InvalidateDocumentResult> {
  const reason = input.reason.trim();
  if (reason === '') {
    return {
      ok: false,
      violation: violation(RULES.INVALIDATION_REASON_MISSING, 'reason', 'an invalidation needs a reason'),
    };
  }
  const doc = await store.getDocument(input.documentId);
  if (!doc || !input.registerOids.includes(doc.registerOid)) {
    return {
      ok: false,
      violation: violation(
        RULES.QUERY_DOCUMENT_NOT_IN_REGISTER,
        'documentId',
        `document ${input.documentId}`,
      ),
    };
  }
  const record: InvalidationRecord = {
    setId: doc.setId,
    registerOid: doc.registerOid,
    documentId: doc.id,
    at: input.at.toISOString(),
    via: 'archivist',
    by: { kind: input.by.kind, id: input.by.id, name: input.by.name },
    reason,
  };
  const result = await store.invalidateSet(record, (versions) =>
    versions.some((v) => v.status === 'invalidated')
      ? violation(
          RULES.INVALIDATION_ALREADY_DONE,
          'documentId',
          `document set ${doc.setId} is already invalidated`,
        )
      : undefined,
  );
  if (result.kind === 'refused') {
    return { ok: false, violation: result.refusal };
  }
  if (result.kind === 'unknown') {
    return {
      ok: false,
      violation: violation(
        RULES.QUERY_DOCUMENT_NOT_IN_REGISTER,
        'documentId',
        `document ${input.documentId}`,
      ),
    };
  }
  return { ok: true, record: result.record };
}

/** Whether the frame asks to invalidate: its document copy's statusCode is nullified. */
export function isNullified(frame: ArchiveFrame): boolean {
  return frame.document?.statusCode?.toLowerCase() === 'nullified';
}

/** The record a client system's nullified version leaves on the set it invalidates. */
export function clientInvalidationRecord(
  document: SocialDocument,
  frame: ArchiveFrame,
  at: Date,
): InvalidationRecord {
  const reason = document.header.reasonOfCorrection;
  return {
    setId: document.setId,
    registerOid: document.custodian.oid,
    documentId: document.replaces?.parentId ?? document.id,
    at: at.toISOString(),
    via: 'client-system',
    by: {
      kind: 'organisation',
      id: frame.senderOid ?? '',
      ...(frame.performer?.name === undefined ? {} : { name: frame.performer.name }),
    },
    ...(reason === undefined ? {} : { reason: reason.displayName ?? reason.code }),
    nullifyingDocumentId: document.id,
  };
}
