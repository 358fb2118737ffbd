/**
 * Compare records: during the deployment test the archivist marks, field by field, whether what Kanta holds
 * matches what the client system shows, with notes. Saved per document; the deployment-test report reads
 * them with getCompareRecord.
 */
import { KantaSimError } from '../errors.js';
import type { CompareField, CompareRecord, CompareRecordStore } from '../store/compare-record-store.js';
import type { MetadataKey } from './metadata-fields.js';

/**
 * The fields the compare form offers: what a client system shows of a document (the deployment test
 * checks these), then the two content forms. Technical identifiers stay in the metadata table.
 */
export const COMPARE_KEYS: readonly (MetadataKey | 'displayForm' | 'structuredContent')[] = [
  'clientHetu',
  'clientName',
  'registerKeeper',
  'serviceUnit',
  'documentGroup',
  'generalDocumentType',
  'specificDocumentType',
  'palvelutehtava',
  'prosessivaihe',
  'caseId',
  'effectiveTime',
  'versionNumber',
  'author',
  'signers',
  'recordStatus',
  'confidentiality',
  'consent',
  'retentionClass',
  'displayForm',
  'structuredContent',
];

const MAX_NOTE = 2000;

/** The saved compare record of a document, or undefined when nobody has compared it yet. */
export function getCompareRecord(
  store: CompareRecordStore,
  documentId: string,
): Promise<CompareRecord | undefined> {
  return store.getCompareRecord(documentId);
}

/**
 * Reads the compare form: `match.<key>` checkboxes ("on"), `note.<key>` texts and a general `note`. Every
 * field the form showed (`shown`, one per row) is recorded, an unticked one as not matching, so that the
 * record says what was compared. Without `shown`, only ticked or annotated fields count. Only COMPARE_KEYS.
 */
export function parseCompareForm(body: Record<string, unknown>): {
  fields: Record<string, CompareField>;
  note: string;
} {
  const shownRaw = body.shown;
  const shown = new Set(
    (Array.isArray(shownRaw) ? shownRaw : [shownRaw]).filter((v): v is string => typeof v === 'string'),
  );
  const fields: Record<string, CompareField> = {};
  for (const key of COMPARE_KEYS) {
    const matches = body[`match.${key}`] === 'on';
    const note = text(body[`note.${key}`]);
    if (shown.has(key) || matches || note !== '') {
      fields[key] = note === '' ? { matches } : { matches, note };
    }
  }
  return { fields, note: text(body.note) };
}

function text(v: unknown): string {
  if (v === undefined) {
    return '';
  }
  if (typeof v !== 'string') {
    throw new KantaSimError('BAD_REQUEST', 'a compare note must be text');
  }
  return v.trim().slice(0, MAX_NOTE);
}
