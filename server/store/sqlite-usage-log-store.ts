/**
 * UsageLogStore on the shared SQLite connection (see open-database.ts): inserts and reads only, as the
 * log is append-only.
 */
import type { SqliteDatabase } from './sqlite-database.js';
import type {
  NewUsageEntry,
  UsageAction,
  UsageEntry,
  UsageLogFilter,
  UsageLogStore,
} from './usage-log-store.js';

interface UsageRow {
  seq: number;
  at: string;
  organisation_oid: string;
  archivist_id: string;
  archivist_name: string;
  action: UsageAction;
  hetu: string | null;
  document_id: string | null;
  register_oid: string | null;
  reason: string | null;
  detail: string | null;
}

export class SqliteUsageLogStore implements UsageLogStore {
  constructor(private readonly db: SqliteDatabase) {}

  async append(e: NewUsageEntry): Promise<void> {
    await this.db.run(
      `INSERT INTO usage_log (at, organisation_oid, archivist_id, archivist_name, action, hetu, document_id, register_oid, reason, detail)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        e.at,
        e.organisationOid,
        e.archivistId,
        e.archivistName,
        e.action,
        e.hetu ?? null,
        e.documentId ?? null,
        e.registerOid ?? null,
        e.reason ?? null,
        e.detail ?? null,
      ],
    );
  }

  async list(filter: UsageLogFilter): Promise<UsageEntry[]> {
    const parts = ['organisation_oid = ?'];
    const params: (string | number)[] = [filter.organisationOid];
    for (const [value, condition] of [
      [filter.documentId, 'document_id = ?'],
      [filter.hetu, 'hetu = ?'],
      [filter.action, 'action = ?'],
      [filter.archivistId, 'archivist_id = ?'],
      [filter.from, 'at >= ?'],
      [filter.to, 'at < ?'],
    ] as const) {
      if (value !== undefined) {
        parts.push(condition);
        params.push(value);
      }
    }
    if (filter.reasonCode !== undefined) {
      // Stored as `code` or `code: free text`; substr, not LIKE, so that no character of a code is a wildcard.
      parts.push('(reason = ? OR substr(reason, 1, ?) = ?)');
      params.push(filter.reasonCode, filter.reasonCode.length + 2, `${filter.reasonCode}: `);
    }
    const rows = await this.db.all<UsageRow>(
      `SELECT seq, at, organisation_oid, archivist_id, archivist_name, action, hetu, document_id, register_oid, reason, detail
       FROM usage_log WHERE ${parts.join(' AND ')} ORDER BY seq DESC LIMIT ?`,
      [...params, filter.limit ?? 10_000],
    );
    return rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      organisationOid: r.organisation_oid,
      archivistId: r.archivist_id,
      archivistName: r.archivist_name,
      action: r.action,
      hetu: r.hetu ?? undefined,
      documentId: r.document_id ?? undefined,
      registerOid: r.register_oid ?? undefined,
      reason: r.reason ?? undefined,
      detail: r.detail ?? undefined,
    }));
  }
}
