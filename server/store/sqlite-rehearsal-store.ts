/**
 * RehearsalStore on the shared SQLite connection (see open-database.ts). Records are kept as JSON beside
 * the columns they are looked up by: the rehearsal's shapes change more often than its lookups.
 */
import type {
  AssignmentDecision,
  IdentityAssignment,
  OnboardingRecord,
  Rehearsal,
  RehearsalEvent,
  RehearsalFilter,
  RehearsalStore,
} from './rehearsal-store.js';
import type { SqliteDatabase, SqlValue } from './sqlite-database.js';

export class SqliteRehearsalStore implements RehearsalStore {
  /** Works on an opened, migrated database (see open-database.ts). */
  constructor(private readonly db: SqliteDatabase) {}

  async getOnboarding(organisationOid: string): Promise<OnboardingRecord | undefined> {
    const row = await this.db.get<{ record_json: string }>(
      'SELECT record_json FROM onboarding_records WHERE organisation_oid = ?',
      [organisationOid],
    );
    return row === undefined ? undefined : (JSON.parse(row.record_json) as OnboardingRecord);
  }

  async putOnboarding(record: OnboardingRecord): Promise<void> {
    await this.db.transaction(() =>
      this.db.run(
        `INSERT INTO onboarding_records (organisation_oid, record_json, updated_at) VALUES (?, ?, ?)
         ON CONFLICT(organisation_oid) DO UPDATE SET record_json = excluded.record_json, updated_at = excluded.updated_at`,
        [record.organisationOid, JSON.stringify(record), record.updatedAt],
      ),
    );
  }

  async listOnboarding(): Promise<OnboardingRecord[]> {
    const rows = await this.db.all<{ record_json: string }>(
      'SELECT record_json FROM onboarding_records ORDER BY organisation_oid',
    );
    return rows.map((r) => JSON.parse(r.record_json) as OnboardingRecord);
  }

  assignIdentity(
    hetu: string,
    serviceTask: string,
    decide: (existing: readonly IdentityAssignment[]) => AssignmentDecision,
  ): Promise<AssignmentDecision> {
    return this.db.transaction(async () => {
      const rows = await this.db.all<{ assignment_json: string }>(
        'SELECT assignment_json FROM test_identity_assignments WHERE hetu = ? AND service_task = ? ORDER BY id',
        [hetu, serviceTask],
      );
      const decision = decide(rows.map((r) => JSON.parse(r.assignment_json) as IdentityAssignment));
      if (decision.kind === 'insert') {
        const a = decision.assignment;
        await this.db.run(
          `INSERT INTO test_identity_assignments (hetu, service_task, customer_oid, assignment_json, assigned_at)
           VALUES (?, ?, ?, ?, ?)`,
          [a.hetu, a.serviceTask, a.customerOid, JSON.stringify(a), a.assignedAt],
        );
      }
      return decision;
    });
  }

  async listIdentityAssignments(filter: {
    hetu?: string;
    customerOid?: string;
  }): Promise<IdentityAssignment[]> {
    const where: string[] = [];
    const params: SqlValue[] = [];
    if (filter.hetu !== undefined) {
      where.push('hetu = ?');
      params.push(filter.hetu);
    }
    if (filter.customerOid !== undefined) {
      where.push('customer_oid = ?');
      params.push(filter.customerOid);
    }
    const rows = await this.db.all<{ assignment_json: string }>(
      `SELECT assignment_json FROM test_identity_assignments ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id`,
      params,
    );
    return rows.map((r) => JSON.parse(r.assignment_json) as IdentityAssignment);
  }

  async insertRehearsal(r: Rehearsal): Promise<void> {
    await this.db.transaction(() =>
      this.db.run(
        `INSERT INTO rehearsals (id, organisation_oid, case_name, hetu, status, started_at, finished_at, rehearsal_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          r.id,
          r.organisationOid,
          r.caseName,
          r.hetu,
          r.status,
          r.startedAt,
          r.finishedAt ?? null,
          JSON.stringify(r),
        ],
      ),
    );
  }

  async updateRehearsal(r: Rehearsal): Promise<void> {
    await this.db.transaction(() =>
      this.db.run('UPDATE rehearsals SET status = ?, finished_at = ?, rehearsal_json = ? WHERE id = ?', [
        r.status,
        r.finishedAt ?? null,
        JSON.stringify(r),
        r.id,
      ]),
    );
  }

  async getRehearsal(id: string): Promise<Rehearsal | undefined> {
    const row = await this.db.get<{ rehearsal_json: string }>(
      'SELECT rehearsal_json FROM rehearsals WHERE id = ?',
      [id],
    );
    return row === undefined ? undefined : (JSON.parse(row.rehearsal_json) as Rehearsal);
  }

  async listRehearsals(filter: RehearsalFilter): Promise<Rehearsal[]> {
    const where: string[] = [];
    const params: SqlValue[] = [];
    for (const [column, value] of [
      ['organisation_oid', filter.organisationOid],
      ['case_name', filter.caseName],
      ['status', filter.status],
    ] as const) {
      if (value !== undefined) {
        where.push(`${column} = ?`);
        params.push(value);
      }
    }
    const rows = await this.db.all<{ rehearsal_json: string }>(
      `SELECT rehearsal_json FROM rehearsals ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY started_at DESC, id DESC`,
      params,
    );
    return rows.map((r) => JSON.parse(r.rehearsal_json) as Rehearsal);
  }

  async addEvent(rehearsalId: string, event: RehearsalEvent): Promise<void> {
    await this.db.transaction(() =>
      this.db.run('INSERT INTO rehearsal_events (rehearsal_id, at, kind, event_json) VALUES (?, ?, ?, ?)', [
        rehearsalId,
        event.at,
        event.kind,
        JSON.stringify(event),
      ]),
    );
  }

  async listEvents(rehearsalId: string): Promise<RehearsalEvent[]> {
    const rows = await this.db.all<{ event_json: string }>(
      'SELECT event_json FROM rehearsal_events WHERE rehearsal_id = ? ORDER BY id',
      [rehearsalId],
    );
    return rows.map((r) => JSON.parse(r.event_json) as RehearsalEvent);
  }
}
