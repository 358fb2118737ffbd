/**
 * ArchiveStore on SQLite: a file in the data directory (WAL, so readers never wait on the writer) or an
 * in-memory database for tests. Every check that decides whether a version may join its set runs inside
 * the same serialised write transaction as the insert, so two racing versions cannot both win; the unique
 * (set_id, version_number) index is the second guard.
 */
import { isKantaSimError } from '../errors.js';
import type {
  ArchiveStore,
  DocumentFilter,
  InsertOptions,
  InsertResult,
  InvalidateResult,
  InvalidationRecord,
  NewDocument,
  StoredDocument,
} from './archive-store.js';
import type { SqliteDatabase } from './sqlite-database.js';
import {
  INSERT_COLUMNS,
  SELECT_DOCUMENTS,
  toStored,
  whereClause,
  type DocumentRow,
} from './sqlite-document-rows.js';

export class SqliteArchiveStore implements ArchiveStore {
  /** Works on an opened, migrated database (see open-database.ts). */
  constructor(private readonly db: SqliteDatabase) {}

  async insertDocument<R = never>(
    doc: NewDocument,
    options: InsertOptions<R> = {},
  ): Promise<InsertResult<R>> {
    try {
      return await this.db.transaction(async (): Promise<InsertResult<R>> => {
        const existing = await this.getDocument(doc.id);
        if (existing) {
          return existing.sha256 === doc.sha256
            ? { kind: 'duplicate', existing }
            : { kind: 'conflict', existing };
        }
        if (options.checkSet) {
          const refusal = options.checkSet(await this.setVersions(doc.setId));
          if (refusal !== undefined) {
            return { kind: 'refused', refusal };
          }
        }
        await this.insertRow(doc, options.invalidate ? 'invalidated' : 'active');
        if (options.invalidate) {
          await this.recordInvalidation(options.invalidate);
        }
        return { kind: 'inserted' };
      });
    } catch (e) {
      if (isUniqueVersionViolation(e)) {
        return { kind: 'version-conflict' };
      }
      throw e;
    }
  }

  invalidateSet<R = never>(
    record: InvalidationRecord,
    check?: (versions: readonly StoredDocument[]) => R | undefined,
  ): Promise<InvalidateResult<R>> {
    return this.db.transaction(async (): Promise<InvalidateResult<R>> => {
      const versions = await this.setVersions(record.setId);
      if (versions.length === 0) {
        return { kind: 'unknown' };
      }
      const refusal = check?.(versions);
      if (refusal !== undefined) {
        return { kind: 'refused', refusal };
      }
      await this.recordInvalidation(record);
      return { kind: 'invalidated', record };
    });
  }

  async getDocument(id: string): Promise<StoredDocument | undefined> {
    const row = await this.db.get<DocumentRow>(`${SELECT_DOCUMENTS} WHERE d.id = ?`, [id]);
    return row ? toStored(row) : undefined;
  }

  async getDocumentBytes(id: string): Promise<Buffer | undefined> {
    const row = await this.db.get<{ cda: Buffer }>('SELECT cda FROM document_bytes WHERE id = ?', [id]);
    return row?.cda;
  }

  async listDocuments(filter: DocumentFilter): Promise<StoredDocument[]> {
    const { where, params } = whereClause(filter);
    const rows = await this.db.all<DocumentRow>(
      `${SELECT_DOCUMENTS} ${where} ORDER BY d.effective_time, d.archived_at, d.id LIMIT ? OFFSET ?`,
      [...params, filter.limit ?? 1000, filter.offset ?? 0],
    );
    return rows.map(toStored);
  }

  async countDocuments(filter: DocumentFilter): Promise<number> {
    const { where, params } = whereClause(filter);
    const row = await this.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM documents d ${where}`, params);
    return row?.n ?? 0;
  }

  reset(registerOid?: string): Promise<void> {
    return this.db.transaction(async () => {
      if (registerOid === undefined) {
        await this.emptyArchiveTables();
      } else {
        await this.db.run('DELETE FROM invalidations WHERE register_oid = ?', [registerOid]);
        await this.db.run(
          'DELETE FROM document_bytes WHERE id IN (SELECT id FROM documents WHERE register_oid = ?)',
          [registerOid],
        );
        await this.db.run('DELETE FROM documents WHERE register_oid = ?', [registerOid]);
      }
    });
  }

  /**
   * Empties the archive's tables by dropping and re-creating them from their own schema text. Why not
   * DELETE: document_bytes references documents, and with foreign keys on SQLite then deletes row by
   * row (checking the key and updating six indexes per row) instead of truncating, ~120 ms for 10,000
   * documents against ~20 ms this way (docs/performance.md). The schema is read back from sqlite_master,
   * so whatever later migrations added (columns, indexes, triggers) is re-created exactly; DDL is
   * transactional in SQLite, so a failure rolls back to the full archive. Child tables go first, so no
   * foreign key ever points at a dropped table.
   */
  private async emptyArchiveTables(): Promise<void> {
    const tables = ['invalidations', 'document_bytes', 'documents'];
    const marks = tables.map(() => '?').join(', ');
    const schema = await this.db.all<{ type: string; sql: string }>(
      `SELECT type, sql FROM sqlite_master WHERE tbl_name IN (${marks}) AND sql IS NOT NULL
       ORDER BY CASE type WHEN 'table' THEN 0 ELSE 1 END, CASE tbl_name WHEN 'documents' THEN 0 ELSE 1 END`,
      tables,
    );
    for (const table of tables) {
      await this.db.run(`DROP TABLE ${table}`);
    }
    for (const entry of schema) {
      await this.db.exec(entry.sql);
    }
  }

  async ping(): Promise<boolean> {
    try {
      await this.db.get('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  private async setVersions(setId: string): Promise<StoredDocument[]> {
    const rows = await this.db.all<DocumentRow>(
      `${SELECT_DOCUMENTS} WHERE d.set_id = ? ORDER BY d.version_number`,
      [setId],
    );
    return rows.map(toStored);
  }

  private async insertRow(doc: NewDocument, status: 'active' | 'invalidated'): Promise<void> {
    const values = {
      id: doc.id,
      set_id: doc.setId,
      version_number: doc.versionNumber,
      register_oid: doc.registerOid,
      sender_oid: doc.senderOid,
      hetu: doc.hetu,
      palvelutehtava: doc.palvelutehtava ?? null,
      document_type: doc.documentType ?? null,
      general_document_type: doc.generalDocumentType ?? null,
      document_group: doc.documentGroup ?? null,
      prosessivaihe: doc.prosessivaihe ?? null,
      case_id: doc.caseId ?? null,
      service_unit_oid: doc.serviceUnitOid ?? null,
      effective_time: doc.effectiveTime ?? null,
      service_request: doc.serviceRequest,
      replaces_id: doc.replacesId ?? null,
      status,
      message_id: doc.messageId,
      sha256: doc.sha256,
      archived_at: doc.archivedAt,
      metadata_json: doc.metadataJson,
    } satisfies Record<(typeof INSERT_COLUMNS)[number], string | number | null>;
    await this.db.run(
      `INSERT INTO documents (${INSERT_COLUMNS.join(', ')}) VALUES (${INSERT_COLUMNS.map(() => '?').join(', ')})`,
      INSERT_COLUMNS.map((c) => values[c]),
    );
    await this.db.run('INSERT INTO document_bytes (id, cda, message) VALUES (?, ?, ?)', [
      doc.id,
      doc.cdaBytes,
      doc.messageBytes,
    ]);
  }

  /** Marks every version of the set invalidated and records who did it (one record per set). */
  private async recordInvalidation(r: InvalidationRecord): Promise<void> {
    await this.db.run(`UPDATE documents SET status = 'invalidated' WHERE set_id = ?`, [r.setId]);
    await this.db.run(
      `INSERT INTO invalidations (set_id, register_oid, document_id, invalidated_at, via, by_kind, by_id, by_name,
         reason, nullifying_document_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        r.setId,
        r.registerOid,
        r.documentId,
        r.at,
        r.via,
        r.by.kind,
        r.by.id,
        r.by.name ?? null,
        r.reason ?? null,
        r.nullifyingDocumentId ?? null,
      ],
    );
  }
}

/** The unique (set_id, version_number) index fired: a racing version got there first. */
function isUniqueVersionViolation(e: unknown): boolean {
  const cause = isKantaSimError(e) ? (e.cause as { message?: unknown } | undefined) : undefined;
  const message = typeof cause?.message === 'string' ? cause.message : '';
  return message.includes('UNIQUE') && message.includes('documents.set_id');
}
