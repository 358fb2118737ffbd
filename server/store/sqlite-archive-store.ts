/**
 * ArchiveStore on SQLite: a file in the data directory (WAL, so readers never wait on the writer) or an
 * in-memory database for tests.
 */
import type {
  ArchiveStore,
  DocumentFilter,
  InsertResult,
  NewDocument,
  StoredDocument,
} from './archive-store.js';
import type { SqliteDatabase, SqlValue } from './sqlite-database.js';

interface DocumentRow {
  id: string;
  set_id: string;
  version_number: number;
  register_oid: string;
  sender_oid: string;
  hetu: string;
  palvelutehtava: string | null;
  document_type: string | null;
  general_document_type: string | null;
  document_group: string | null;
  prosessivaihe: string | null;
  case_id: string | null;
  service_unit_oid: string | null;
  effective_time: string | null;
  service_request: string;
  status: 'active' | 'invalidated';
  message_id: string;
  sha256: string;
  archived_at: string;
  metadata_json: string;
}

const COLUMNS =
  'id, set_id, version_number, register_oid, sender_oid, hetu, palvelutehtava, document_type, general_document_type, ' +
  'document_group, prosessivaihe, case_id, service_unit_oid, effective_time, service_request, status, message_id, ' +
  'sha256, archived_at, metadata_json';

export class SqliteArchiveStore implements ArchiveStore {
  /** Works on an opened, migrated database (see open-database.ts). */
  constructor(private readonly db: SqliteDatabase) {}

  insertDocument(doc: NewDocument): Promise<InsertResult> {
    return this.db.transaction(async () => {
      const existing = await this.getDocument(doc.id);
      if (existing) {
        return existing.sha256 === doc.sha256
          ? { kind: 'duplicate' as const, existing }
          : { kind: 'conflict' as const, existing };
      }
      await this.db.run(
        `INSERT INTO documents (${COLUMNS}) VALUES (${COLUMNS.split(',')
          .map(() => '?')
          .join(',')})`,
        [
          doc.id,
          doc.setId,
          doc.versionNumber,
          doc.registerOid,
          doc.senderOid,
          doc.hetu,
          doc.palvelutehtava ?? null,
          doc.documentType ?? null,
          doc.generalDocumentType ?? null,
          doc.documentGroup ?? null,
          doc.prosessivaihe ?? null,
          doc.caseId ?? null,
          doc.serviceUnitOid ?? null,
          doc.effectiveTime ?? null,
          doc.serviceRequest,
          'active',
          doc.messageId,
          doc.sha256,
          doc.archivedAt,
          doc.metadataJson,
        ],
      );
      await this.db.run('INSERT INTO document_bytes (id, cda, message) VALUES (?, ?, ?)', [
        doc.id,
        doc.cdaBytes,
        doc.messageBytes,
      ]);
      return { kind: 'inserted' as const };
    });
  }

  async getDocument(id: string): Promise<StoredDocument | undefined> {
    const row = await this.db.get<DocumentRow>(`SELECT ${COLUMNS} FROM documents WHERE id = ?`, [id]);
    return row ? toStored(row) : undefined;
  }

  async getDocumentBytes(id: string): Promise<Buffer | undefined> {
    const row = await this.db.get<{ cda: Buffer }>('SELECT cda FROM document_bytes WHERE id = ?', [id]);
    return row?.cda;
  }

  async listDocuments(filter: DocumentFilter): Promise<StoredDocument[]> {
    const { where, params } = whereClause(filter);
    const rows = await this.db.all<DocumentRow>(
      `SELECT ${COLUMNS} FROM documents ${where} ORDER BY effective_time, archived_at, id LIMIT ? OFFSET ?`,
      [...params, filter.limit ?? 1000, filter.offset ?? 0],
    );
    return rows.map(toStored);
  }

  async countDocuments(filter: DocumentFilter): Promise<number> {
    const { where, params } = whereClause(filter);
    const row = await this.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM documents ${where}`, params);
    return row?.n ?? 0;
  }

  reset(registerOid?: string): Promise<void> {
    return this.db.transaction(async () => {
      if (registerOid === undefined) {
        await this.db.run('DELETE FROM document_bytes');
        await this.db.run('DELETE FROM documents');
      } else {
        await this.db.run(
          'DELETE FROM document_bytes WHERE id IN (SELECT id FROM documents WHERE register_oid = ?)',
          [registerOid],
        );
        await this.db.run('DELETE FROM documents WHERE register_oid = ?', [registerOid]);
      }
    });
  }

  async ping(): Promise<boolean> {
    try {
      await this.db.get('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }
}

function whereClause(filter: DocumentFilter): { where: string; params: SqlValue[] } {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  if (filter.registerOids) {
    parts.push(`register_oid IN (${filter.registerOids.map(() => '?').join(',') || 'NULL'})`);
    params.push(...filter.registerOids);
  }
  const equal: [keyof DocumentFilter, string][] = [
    ['hetu', 'hetu'],
    ['setId', 'set_id'],
    ['status', 'status'],
    ['palvelutehtava', 'palvelutehtava'],
    ['documentType', 'document_type'],
    ['prosessivaihe', 'prosessivaihe'],
    ['caseId', 'case_id'],
  ];
  for (const [key, column] of equal) {
    const value = filter[key];
    if (typeof value === 'string') {
      parts.push(`${column} = ?`);
      params.push(value);
    }
  }
  if (filter.from) {
    parts.push('effective_time >= ?');
    params.push(filter.from);
  }
  if (filter.to) {
    parts.push('effective_time <= ?');
    params.push(filter.to);
  }
  return { where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

function toStored(row: DocumentRow): StoredDocument {
  const opt = (v: string | null): string | undefined => v ?? undefined;
  return {
    id: row.id,
    setId: row.set_id,
    versionNumber: row.version_number,
    registerOid: row.register_oid,
    senderOid: row.sender_oid,
    hetu: row.hetu,
    palvelutehtava: opt(row.palvelutehtava),
    documentType: opt(row.document_type),
    generalDocumentType: opt(row.general_document_type),
    documentGroup: opt(row.document_group),
    prosessivaihe: opt(row.prosessivaihe),
    caseId: opt(row.case_id),
    serviceUnitOid: opt(row.service_unit_oid),
    effectiveTime: opt(row.effective_time),
    serviceRequest: row.service_request,
    status: row.status,
    messageId: row.message_id,
    sha256: row.sha256,
    archivedAt: row.archived_at,
    metadataJson: row.metadata_json,
  };
}
