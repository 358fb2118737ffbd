/**
 * The store proves it can write before anything reports ready, names the file and the cause when it
 * cannot (SQLITE_CANTOPEN says neither), and health reports "read-only" when writes start failing later.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isKantaSimError, type ErrorCode } from '../../server/errors.js';
import { startKantaSim, type KantaSimInstance } from '../../server/index.js';
import { openDatabase } from '../../server/store/open-database.js';
import { SqliteDatabase } from '../../server/store/sqlite-database.js';
import { WRITE_PROBE_TABLE } from '../../server/store/database-health.js';

async function refusal(run: () => Promise<unknown>, code: ErrorCode): Promise<string> {
  let caught: unknown;
  try {
    await run();
  } catch (e) {
    caught = e;
  }
  expect(isKantaSimError(caught), String(caught)).toBe(true);
  expect((caught as { code: string }).code).toBe(code);
  const message = (caught as Error).message;
  expect(message.split('\n')).toHaveLength(1);
  return message;
}

describe('opening the database', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'kanta-sim-db-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('SQLITE_CANTOPEN names the file and why: a directory where the file should be', async () => {
    const file = path.join(dir, 'is-a-dir.sqlite');
    mkdirSync(file);
    const message = await refusal(() => openDatabase(file), 'STORE_UNUSABLE');
    expect(message).toContain(file);
    expect(message).toContain('is a directory');
  });

  it('SQLITE_CANTOPEN names the missing directory', async () => {
    const file = path.join(dir, 'missing', 'archive.sqlite');
    const message = await refusal(() => openDatabase(file), 'STORE_UNUSABLE');
    expect(message).toContain(file);
    expect(message).toContain(`${path.join(dir, 'missing')} does not exist`);
  });

  it('a database another process holds locked is refused as locked (after the busy timeout)', async () => {
    const file = path.join(dir, 'locked.sqlite');
    await (await openDatabase(file)).close();
    const holder = await SqliteDatabase.open(file);
    await holder.exec('PRAGMA journal_mode = WAL; BEGIN EXCLUSIVE');
    try {
      const message = await refusal(() => openDatabase(file), 'STORE_UNUSABLE');
      expect(message).toContain(file);
      expect(message).toContain('is locked');
    } finally {
      await holder.exec('ROLLBACK');
      await holder.close();
    }
  }, 20_000);

  it('a usable database opens with one committed probe row', async () => {
    const db = await openDatabase(path.join(dir, 'ok.sqlite'));
    expect(await db.all(`SELECT id FROM ${WRITE_PROBE_TABLE}`)).toEqual([{ id: 1 }]);
    await db.close();
  });
});

describe('health when writes start failing later', () => {
  let sim: KantaSimInstance;
  beforeAll(async () => {
    sim = await startKantaSim();
  });
  afterAll(async () => {
    await sim.stop();
  });

  // SQLite's own read-only state on the live connection: every write fails with SQLITE_READONLY, as on a
  // file whose mount turned read-only, while reads go on.
  const queryOnly = (on: boolean): Promise<void> =>
    (sim.running.store as unknown as { db: SqliteDatabase }).db.exec(`PRAGMA query_only = ${on ? 1 : 0}`);

  it('reports database "read-only", not ready (503), and ready again once writes work', async () => {
    const ok = await fetch(`${sim.webUrl}/__sim/health`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: 'ready', database: true });
    await queryOnly(true);
    try {
      const res = await fetch(`${sim.webUrl}/__sim/health`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: 'unavailable', ready: false, database: 'read-only' });
    } finally {
      await queryOnly(false);
    }
    expect(await sim.control.health()).toMatchObject({ ready: true, database: true });
  });
});
