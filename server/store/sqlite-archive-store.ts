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
  SELECT_DOCUMENTS,
  placeholders,
  selectSetVersions,
  toStored,
  whereClause,
  type DocumentRow,
} from './sqlite-document-rows.js';
import { GroupInsert } from './sqlite-group-insert.js';

export class SqliteArchiveStore implements ArchiveStore {
  private readonly inserts: GroupInsert;

  /** Works on an opened, migrated database (see open-database.ts). */
  constructor(private readonly db: SqliteDatabase) {
    this.inserts = new GroupInsert(db, (record) => this.recordInvalidation(record), isUniqueVersionViolation);
  }

  insertDocument<R = never>(doc: NewDocument, options: InsertOptions<R> = {}): Promise<InsertResult<R>> {
    return this.inserts.submit(doc, options);
  }

  invalidateSet<R = never>(
    record: InvalidationRecord,
    check?: (versions: readonly StoredDocument[]) => R | undefined,
  ): Promise<InvalidateResult<R>> {
    return this.db.transaction(async (): Promise<InvalidateResult<R>> => {
      const versions = (await selectSetVersions(this.db, [record.setId])).get(record.setId) ?? [];
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
    // Kept statement: every archived document's register-access check lists the client's relationships.
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
    const schema = await this.db.all<{ type: string; sql: string }>(
      `SELECT type, sql FROM sqlite_master WHERE tbl_name IN (${placeholders(tables.length)}) AND sql IS NOT NULL
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
