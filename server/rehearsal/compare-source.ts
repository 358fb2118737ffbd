/**
 * Where the rehearsal reads the archivist's "matches the client system" judgement. The archivist interface
 * (server/archivist/compare.ts) saves a compare record per document, field by field; the rehearsal only
 * needs its shape, so it depends on this small interface and the composition root (server/compose/) passes
 * the compare-record store.
 */

/** The part of a compare record the rehearsal reads (server/store/compare-record-store.ts fits). */
export interface CompareRecordLike {
  readonly fields: Readonly<Record<string, { readonly matches: boolean; readonly note?: string }>>;
  readonly note?: string;
  readonly archivistName?: string;
  readonly updatedAt?: string;
}

export interface CompareSource {
  getCompareRecord(documentId: string): Promise<CompareRecordLike | undefined>;
}

/**
 * The overall tick of a compare record: the document matches when the archivist compared at least one
 * field and every compared field matches. A record with no field ticked is not a judgement yet.
 */
export function compareVerdict(
  record: CompareRecordLike,
): { matches: boolean; note?: string; by?: string } | undefined {
  const fields = Object.entries(record.fields);
  if (fields.length === 0) {
    return undefined;
  }
  const differing = fields.filter(([, f]) => !f.matches).map(([k, f]) => (f.note ? `${k}: ${f.note}` : k));
  const note = [differing.length > 0 ? `differs: ${differing.join('; ')}` : '', record.note ?? '']
    .filter((s) => s !== '')
    .join(' - ');
  return {
    matches: differing.length === 0,
    ...(note === '' ? {} : { note }),
    ...(record.archivistName === undefined ? {} : { by: record.archivistName }),
  };
}
