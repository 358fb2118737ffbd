/**
 * Storage of the compare records of the deployment test: for each document, whether Kanta's metadata
 * matches what the client system shows, as an archivist ticked it (sqlite-compare-record-store.ts
 * implements it). The rehearsal reads these for its "matches the client system" checks.
 */

/** One field of a compare record: whether Kanta's value matches the client system's, with a note. */
export interface CompareField {
  readonly matches: boolean;
  readonly note?: string;
}

export interface CompareRecord {
  readonly documentId: string;
  readonly registerOid: string;
  /** By field key (see server/archivist/metadata-fields.ts). */
  readonly fields: Readonly<Record<string, CompareField>>;
  readonly note: string;
  readonly archivistId: string;
  readonly archivistName: string;
  readonly updatedAt: string;
}

export interface CompareRecordStore {
  /** Saves (replacing any earlier record of the same document). */
  saveCompareRecord(record: CompareRecord): Promise<void>;
  getCompareRecord(documentId: string): Promise<CompareRecord | undefined>;
}
