/**
 * CompareRecordStore on the shared SQLite connection (see open-database.ts).
 */
import type { CompareRecord, CompareRecordStore } from './compare-record-store.js';
import type { SqliteDatabase } from './sqlite-database.js';

interface CompareRow {
  document_id: string;
  register_oid: string;
  fields_json: string;
  note: string;
  archivist_id: string;
  archivist_name: string;
  updated_at: string;
}

export class SqliteCompareRecordStore implements CompareRecordStore {
  constructor(private readonly db: SqliteDatabase) {}

  async saveCompareRecord(r: CompareRecord): Promise<void> {
    await this.db.run(
      `INSERT INTO compare_records (document_id, register_oid, fields_json, note, archivist_id, archivist_name, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(document_id) DO UPDATE SET register_oid = excluded.register_oid, fields_json = excluded.fields_json,
         note = excluded.note, archivist_id = excluded.archivist_id, archivist_name = excluded.archivist_name,
         updated_at = excluded.updated_at`,
      [
        r.documentId,
        r.registerOid,
        JSON.stringify(r.fields),
        r.note,
        r.archivistId,
        r.archivistName,
        r.updatedAt,
      ],
    );
  }

  async getCompareRecord(documentId: string): Promise<CompareRecord | undefined> {
    const row = await this.db.get<CompareRow>(
      'SELECT document_id, register_oid, fields_json, note, archivist_id, archivist_name, updated_at FROM compare_records WHERE document_id = ?',
      [documentId],
    );
    return row
      ? {
          documentId: row.document_id,
          registerOid: row.register_oid,
          fields: JSON.parse(row.fields_json) as CompareRecord['fields'],
          note: row.note,
          archivistId: row.archivist_id,
          archivistName: row.archivist_name,
          updatedAt: row.updated_at,
        }
      : undefined;
  }
}
