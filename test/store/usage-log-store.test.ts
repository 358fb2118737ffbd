import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/store/open-database.js';
import type { SqliteDatabase } from '../../server/store/sqlite-database.js';
import { SqliteUsageLogStore } from '../../server/store/sqlite-usage-log-store.js';

describe('the usage log table', () => {
  let db: SqliteDatabase;
  beforeEach(async () => {
    db = await openDatabase(':memory:');
  });
  afterEach(async () => {
    await db.close();
  });

  it('appends and lists newest first, per organisation', async () => {
    const log = new SqliteUsageLogStore(db);
    const entry = { organisationOid: '1.2.3', archivistId: 'a', archivistName: 'A', action: 'view' as const };
    await log.append({ ...entry, at: '2026-01-01T10:00:00Z', documentId: 'd1' });
    await log.append({ ...entry, at: '2026-01-01T11:00:00Z', documentId: 'd2' });
    await log.append({ ...entry, organisationOid: '9.9', at: '2026-01-01T12:00:00Z', documentId: 'd3' });
    expect((await log.list({ organisationOid: '1.2.3' })).map((e) => e.documentId)).toEqual(['d2', 'd1']);
  });

  it.each(['UPDATE usage_log SET reason = ? WHERE seq = 1', 'DELETE FROM usage_log WHERE seq = ?'])(
    'refuses %s in the database itself',
    async (sql) => {
      const log = new SqliteUsageLogStore(db);
      await log.append({
        at: 'x',
        organisationOid: '1',
        archivistId: 'a',
        archivistName: 'A',
        action: 'search',
      });
      await expect(db.run(sql, sql.startsWith('UPDATE') ? ['forged'] : [1])).rejects.toMatchObject({
        code: 'STORE_FAILED',
        message: expect.stringContaining('append-only'),
      });
      expect(await log.list({ organisationOid: '1' })).toHaveLength(1);
    },
  );
});
