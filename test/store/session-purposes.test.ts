/**
 * The session purposes table: an existing database upgrades in place (sessions kept, the session-wide
 * reason column gone), and a purpose lives only as long as its session.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../server/store/migrations.js';
import { SqliteArchivistStore } from '../../server/store/sqlite-archivist-store.js';
import { SqliteDatabase } from '../../server/store/sqlite-database.js';
import { migrationsBefore } from './migrations-before.js';

let db: SqliteDatabase;
afterEach(async () => {
  await db.close();
});

describe('archivist-002-session-purposes', () => {
  it('upgrades a database whose sessions had one reason: sessions stay, the column goes', async () => {
    db = await SqliteDatabase.open(':memory:');
    await migrate(db, migrationsBefore('archivist-002-session-purposes'));
    await db.run(
      "INSERT INTO archivists (id, organisation_oid, username, name, password_hash, registers_json, created_at) VALUES ('a', '1.2', 'a', 'A', 'x', '[\"1.2\"]', 'now')",
    );
    await db.run(
      "INSERT INTO archivist_sessions (token_hash, archivist_id, csrf_token, reason, created_at, expires_at) VALUES ('t', 'a', 'c', 'training', '2026-01-01', '2099-01-01')",
    );
    await migrate(db);
    const columns = (await db.all<{ name: string }>('PRAGMA table_info(archivist_sessions)')).map(
      (c) => c.name,
    );
    expect(columns).not.toContain('reason');
    const store = new SqliteArchivistStore(db);
    expect(await store.getSession('t', '2026-06-01')).toMatchObject({ archivistId: 'a' });
    await store.grantPurpose({
      tokenHash: 't',
      hetu: '010181-900C',
      reasonCode: 'training',
      grantedAt: 'now',
    });
    expect(await store.getPurpose('t', '010181-900C')).toMatchObject({ reasonCode: 'training' });
    await store.pruneSessions('2100-01-01');
    expect(await store.getPurpose('t', '010181-900C')).toBeUndefined();
  });
});
