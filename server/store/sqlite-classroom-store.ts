/**
 * ClassroomStore on the shared SQLite connection (see open-database.ts). The usage log rows it deletes are
 * let through by the classroom migration's trigger only because their organisation is in
 * classroom_organisations; a row of any other organisation still aborts the transaction.
 */
import type {
  ClassroomLang,
  ClassroomOrganisationRecord,
  ClassroomRecord,
  ClassroomStore,
  SandboxClearing,
} from './classroom-store.js';
import type { SqliteDatabase } from './sqlite-database.js';

interface ClassroomRow {
  scenario: string;
  lang: ClassroomLang;
  trainees: number;
  created_at: string;
  reset_at: string | null;
}

interface OrganisationRow {
  organisation_oid: string;
  trainee: number;
  name: string;
  archivist_id: string;
  username: string;
  password: string;
  seeded_at: string | null;
}

export class SqliteClassroomStore implements ClassroomStore {
  constructor(private readonly db: SqliteDatabase) {}

  async getClassroom(): Promise<ClassroomRecord | undefined> {
    const row = await this.db.get<ClassroomRow>('SELECT * FROM classroom WHERE id = 1');
    return row
      ? {
          scenario: row.scenario,
          lang: row.lang,
          trainees: row.trainees,
          createdAt: row.created_at,
          ...(row.reset_at === null ? {} : { resetAt: row.reset_at }),
        }
      : undefined;
  }

  async saveClassroom(r: ClassroomRecord): Promise<void> {
    await this.db.run(
      `INSERT INTO classroom (id, scenario, lang, trainees, created_at, reset_at) VALUES (1, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET scenario = excluded.scenario, lang = excluded.lang,
         trainees = excluded.trainees, created_at = excluded.created_at, reset_at = excluded.reset_at`,
      [r.scenario, r.lang, r.trainees, r.createdAt, r.resetAt ?? null],
    );
  }

  async listOrganisations(): Promise<ClassroomOrganisationRecord[]> {
    const rows = await this.db.all<OrganisationRow>('SELECT * FROM classroom_organisations ORDER BY trainee');
    return rows.map((r) => ({
      organisationOid: r.organisation_oid,
      trainee: r.trainee,
      name: r.name,
      archivistId: r.archivist_id,
      username: r.username,
      password: r.password,
      ...(r.seeded_at === null ? {} : { seededAt: r.seeded_at }),
    }));
  }

  async addOrganisation(r: ClassroomOrganisationRecord): Promise<void> {
    await this.db.run(
      `INSERT INTO classroom_organisations (organisation_oid, trainee, name, archivist_id, username, password, seeded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [r.organisationOid, r.trainee, r.name, r.archivistId, r.username, r.password, r.seededAt ?? null],
    );
  }

  async setSeeded(organisationOid: string, at: string | undefined): Promise<void> {
    await this.db.run('UPDATE classroom_organisations SET seeded_at = ? WHERE organisation_oid = ?', [
      at ?? null,
      organisationOid,
    ]);
  }

  async setArchivistRegisters(archivistId: string, registerOids: readonly string[]): Promise<void> {
    await this.db.run('UPDATE archivists SET registers_json = ? WHERE id = ?', [
      JSON.stringify(registerOids),
      archivistId,
    ]);
  }

  clearSandbox(c: SandboxClearing): Promise<void> {
    return this.db.transaction(async () => {
      await this.db.run('DELETE FROM usage_log WHERE organisation_oid = ?', [c.organisationOid]);
      for (const other of c.alsoLogsOf) {
        await this.db.run('DELETE FROM usage_log WHERE organisation_oid = ? AND register_oid = ?', [
          other,
          c.organisationOid,
        ]);
      }
      await this.db.run('DELETE FROM compare_records WHERE register_oid = ?', [c.organisationOid]);
      for (const id of c.signOut) {
        await this.db.run('DELETE FROM archivist_sessions WHERE archivist_id = ?', [id]);
      }
    });
  }

  async signedIn(archivistIds: readonly string[], now: string): Promise<Set<string>> {
    if (archivistIds.length === 0) {
      return new Set();
    }
    const rows = await this.db.all<{ archivist_id: string }>(
      `SELECT DISTINCT archivist_id FROM archivist_sessions
       WHERE expires_at > ? AND archivist_id IN (${archivistIds.map(() => '?').join(', ')})`,
      [now, ...archivistIds],
    );
    return new Set(rows.map((r) => r.archivist_id));
  }

  async usageCounts(organisationOids: readonly string[]): Promise<Map<string, number>> {
    if (organisationOids.length === 0) {
      return new Map();
    }
    const rows = await this.db.all<{ organisation_oid: string; n: number }>(
      `SELECT organisation_oid, COUNT(*) AS n FROM usage_log
       WHERE organisation_oid IN (${organisationOids.map(() => '?').join(', ')}) GROUP BY organisation_oid`,
      [...organisationOids],
    );
    return new Map(rows.map((r) => [r.organisation_oid, r.n]));
  }
}
