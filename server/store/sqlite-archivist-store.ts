/**
 * ArchivistStore on the shared SQLite connection (see open-database.ts).
 */
import type { ArchivistRecord, ArchivistStore, PurposeRecord, SessionRecord } from './archivist-store.js';
import type { SqliteDatabase } from './sqlite-database.js';

interface ArchivistRow {
  id: string;
  organisation_oid: string;
  username: string;
  name: string;
  password_hash: string;
  registers_json: string;
  demo: number;
  created_at: string;
}

interface PurposeRow {
  token_hash: string;
  hetu: string;
  reason_code: string;
  reason_text: string | null;
  granted_at: string;
}

interface SessionRow {
  token_hash: string;
  archivist_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

const ARCHIVIST_COLUMNS =
  'id, organisation_oid, username, name, password_hash, registers_json, demo, created_at';

export class SqliteArchivistStore implements ArchivistStore {
  constructor(private readonly db: SqliteDatabase) {}

  insertArchivist(r: ArchivistRecord): Promise<boolean> {
    return this.db.transaction(async () => {
      if (await this.findArchivistByUsername(r.username)) {
        return false;
      }
      await this.db.run(`INSERT INTO archivists (${ARCHIVIST_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, [
        r.id,
        r.organisationOid,
        r.username,
        r.name,
        r.passwordHash,
        JSON.stringify(r.registerOids),
        r.demo ? 1 : 0,
        r.createdAt,
      ]);
      return true;
    });
  }

  async getArchivist(id: string): Promise<ArchivistRecord | undefined> {
    const row = await this.db.get<ArchivistRow>(`SELECT ${ARCHIVIST_COLUMNS} FROM archivists WHERE id = ?`, [
      id,
    ]);
    return row ? toArchivist(row) : undefined;
  }

  async findArchivistByUsername(username: string): Promise<ArchivistRecord | undefined> {
    const row = await this.db.get<ArchivistRow>(
      `SELECT ${ARCHIVIST_COLUMNS} FROM archivists WHERE username = ?`,
      [username],
    );
    return row ? toArchivist(row) : undefined;
  }

  async listArchivists(organisationOid?: string): Promise<ArchivistRecord[]> {
    const rows =
      organisationOid === undefined
        ? await this.db.all<ArchivistRow>(`SELECT ${ARCHIVIST_COLUMNS} FROM archivists ORDER BY username`)
        : await this.db.all<ArchivistRow>(
            `SELECT ${ARCHIVIST_COLUMNS} FROM archivists WHERE organisation_oid = ? ORDER BY username`,
            [organisationOid],
          );
    return rows.map(toArchivist);
  }

  async insertSession(s: SessionRecord): Promise<void> {
    await this.db.run(
      'INSERT INTO archivist_sessions (token_hash, archivist_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
      [s.tokenHash, s.archivistId, s.csrfToken, s.createdAt, s.expiresAt],
    );
  }

  async getSession(tokenHash: string, now: string): Promise<SessionRecord | undefined> {
    const row = await this.db.get<SessionRow>(
      'SELECT token_hash, archivist_id, csrf_token, created_at, expires_at FROM archivist_sessions WHERE token_hash = ? AND expires_at > ?',
      [tokenHash, now],
    );
    return row
      ? {
          tokenHash: row.token_hash,
          archivistId: row.archivist_id,
          csrfToken: row.csrf_token,
          createdAt: row.created_at,
          expiresAt: row.expires_at,
        }
      : undefined;
  }

  async grantPurpose(p: PurposeRecord): Promise<void> {
    await this.db.run(
      `INSERT INTO archivist_session_purposes (token_hash, hetu, reason_code, reason_text, granted_at)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (token_hash, hetu) DO UPDATE SET
         reason_code = excluded.reason_code, reason_text = excluded.reason_text, granted_at = excluded.granted_at`,
      [p.tokenHash, p.hetu, p.reasonCode, p.reasonText ?? null, p.grantedAt],
    );
  }

  async getPurpose(tokenHash: string, hetu: string): Promise<PurposeRecord | undefined> {
    const row = await this.db.get<PurposeRow>(
      'SELECT token_hash, hetu, reason_code, reason_text, granted_at FROM archivist_session_purposes WHERE token_hash = ? AND hetu = ?',
      [tokenHash, hetu],
    );
    return row
      ? {
          tokenHash: row.token_hash,
          hetu: row.hetu,
          reasonCode: row.reason_code,
          reasonText: row.reason_text ?? undefined,
          grantedAt: row.granted_at,
        }
      : undefined;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.run('DELETE FROM archivist_sessions WHERE token_hash = ?', [tokenHash]);
  }

  async pruneSessions(now: string): Promise<void> {
    await this.db.run('DELETE FROM archivist_sessions WHERE expires_at <= ?', [now]);
  }
}

function toArchivist(row: ArchivistRow): ArchivistRecord {
  return {
    id: row.id,
    organisationOid: row.organisation_oid,
    username: row.username,
    name: row.name,
    passwordHash: row.password_hash,
    registerOids: JSON.parse(row.registers_json) as string[],
    demo: row.demo === 1,
    createdAt: row.created_at,
  };
}
