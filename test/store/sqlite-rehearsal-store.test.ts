/** The rehearsals table keeps a closed rehearsal's status, verdict, closer and time, and finds it by status. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/store/open-database.js';
import type { Rehearsal } from '../../server/store/rehearsal-store.js';
import type { SqliteDatabase } from '../../server/store/sqlite-database.js';
import { SqliteRehearsalStore } from '../../server/store/sqlite-rehearsal-store.js';

const running: Rehearsal = {
  id: 'r1',
  organisationOid: '1.2.246.10.1.10.0',
  caseName: 'lapsiperheiden-palvelut',
  hetu: '010181-900C',
  status: 'running',
  startedAt: '2026-03-10T09:00:00Z',
  requireClientSystemCheck: true,
};

describe('the rehearsals table', () => {
  let db: SqliteDatabase;
  beforeEach(async () => {
    db = await openDatabase(':memory:');
  });
  afterEach(async () => {
    await db.close();
  });

  it('keeps a finished and a cancelled rehearsal as closed, with who closed them', async () => {
    const store = new SqliteRehearsalStore(db);
    await store.insertRehearsal(running);
    await store.insertRehearsal({ ...running, id: 'r2', startedAt: '2026-03-10T09:30:00Z' });
    const finished: Rehearsal = {
      ...running,
      status: 'finished',
      finishedAt: '2026-03-10T11:00:00Z',
      finishedBy: 'Arja',
      finalResult: 'passed',
    };
    await store.updateRehearsal(finished);
    await store.updateRehearsal({
      ...running,
      id: 'r2',
      startedAt: '2026-03-10T09:30:00Z',
      status: 'cancelled',
      finishedAt: '2026-03-10T10:00:00Z',
      finishedBy: 'Pekka',
    });
    expect(await store.getRehearsal('r1')).toEqual(finished);
    expect((await store.listRehearsals({ status: 'cancelled' })).map((r) => [r.id, r.finishedBy])).toEqual([
      ['r2', 'Pekka'],
    ]);
    expect(await store.listRehearsals({ status: 'running' })).toEqual([]);
    const row = await db.get<{ status: string; finished_at: string }>(
      'SELECT status, finished_at FROM rehearsals WHERE id = ?',
      ['r2'],
    );
    expect(row).toEqual({ status: 'cancelled', finished_at: '2026-03-10T10:00:00Z' });
  });
});
