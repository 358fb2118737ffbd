/**
 * The classroom's store: a sandbox's usage log rows may be cleared (the database lets DELETE through only
 * for organisations the classroom made), while every other organisation's log stays append-only, even in
 * the same transaction; UPDATE stays refused for sandbox rows too.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/store/open-database.js';
import { SqliteClassroomStore } from '../../server/store/sqlite-classroom-store.js';
import type { SqliteDatabase } from '../../server/store/sqlite-database.js';
import { SqliteUsageLogStore } from '../../server/store/sqlite-usage-log-store.js';

const SANDBOX = '1.2.246.10.9876501.10.0';
const TRAINER = '1.2.246.10.9876500.10.0';
const REAL = '1.2.246.10.1234567.10.0';

describe('the classroom store', () => {
  let db: SqliteDatabase;
  let store: SqliteClassroomStore;
  let log: SqliteUsageLogStore;
  const entry = (organisationOid: string, registerOid?: string) =>
    log.append({
      at: '2026-12-05T10:00:00Z',
      organisationOid,
      archivistId: 'a',
      archivistName: 'A',
      action: 'search',
      ...(registerOid ? { registerOid } : {}),
    });
  const account = (organisationOid: string, trainee: number) =>
    store.addOrganisation({
      organisationOid,
      trainee,
      name: `Org ${trainee}`,
      archivistId: `arch-${trainee}`,
      username: `u${trainee}`,
      password: 'kivi-1234-joki',
    });

  beforeEach(async () => {
    db = await openDatabase(':memory:');
    store = new SqliteClassroomStore(db);
    log = new SqliteUsageLogStore(db);
    await account(TRAINER, 0);
    await account(SANDBOX, 1);
  });
  afterEach(async () => {
    await db.close();
  });

  it("clears a sandbox's usage log rows and the trainer's rows about that sandbox, and nothing else", async () => {
    await entry(SANDBOX);
    await entry(TRAINER, SANDBOX);
    await entry(TRAINER, '1.2.246.10.9876502.10.0');
    await entry(REAL);
    await store.clearSandbox({ organisationOid: SANDBOX, signOut: [], alsoLogsOf: [TRAINER] });
    expect(await log.list({ organisationOid: SANDBOX })).toHaveLength(0);
    expect(await log.list({ organisationOid: TRAINER })).toHaveLength(1);
    expect(await log.list({ organisationOid: REAL })).toHaveLength(1);
  });

  it('still refuses to delete a row of an organisation the classroom did not make', async () => {
    await entry(REAL);
    await expect(db.run('DELETE FROM usage_log WHERE organisation_oid = ?', [REAL])).rejects.toMatchObject({
      code: 'STORE_FAILED',
      message: expect.stringContaining('append-only'),
    });
    // a sweeping delete that includes a real row is refused whole
    await entry(SANDBOX);
    await expect(db.run('DELETE FROM usage_log')).rejects.toMatchObject({ code: 'STORE_FAILED' });
    expect(await log.list({ organisationOid: SANDBOX })).toHaveLength(1);
    expect(await log.list({ organisationOid: REAL })).toHaveLength(1);
  });

  it('refuses to change a sandbox row', async () => {
    await entry(SANDBOX);
    await expect(db.run("UPDATE usage_log SET reason = 'forged'")).rejects.toMatchObject({
      code: 'STORE_FAILED',
      message: expect.stringContaining('append-only'),
    });
  });

  it('keeps one class with its size, scenario and language', async () => {
    expect(await store.getClassroom()).toBeUndefined();
    await store.saveClassroom({ scenario: 's', lang: 'sv', trainees: 2, createdAt: '2026-12-05T10:00:00Z' });
    await store.saveClassroom({ scenario: 's', lang: 'sv', trainees: 3, createdAt: '2026-12-05T10:00:00Z' });
    expect(await store.getClassroom()).toEqual({
      scenario: 's',
      lang: 'sv',
      trainees: 3,
      createdAt: '2026-12-05T10:00:00Z',
    });
    expect((await store.listOrganisations()).map((o) => o.trainee)).toEqual([0, 1]);
  });
});
