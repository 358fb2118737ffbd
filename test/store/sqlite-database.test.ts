import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isKantaSimError } from '../../server/errors.js';
import { SqliteDatabase } from '../../server/store/sqlite-database.js';

describe('SqliteDatabase', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  async function open(): Promise<{ db: SqliteDatabase; file: string }> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kanta-sim-sqlite-'));
    dirs.push(dir);
    const file = path.join(dir, 'db.sqlite');
    const db = await SqliteDatabase.open(file);
    await db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v BLOB)');
    return { db, file };
  }

  it('runs and reads with a kept statement as often as asked, with fresh parameters each time', async () => {
    const { db } = await open();
    for (let i = 0; i < 5; i++) {
      expect(await db.run('INSERT INTO t (k, v) VALUES (?, ?)', [`k${i}`, Buffer.from([i])])).toEqual({
        changes: 1,
      });
    }
    const rows = await db.all<{ k: string; v: Buffer }>('SELECT k, v FROM t WHERE k IN (?, ?) ORDER BY k', [
      'k1',
      'k3',
    ]);
    expect(rows.map((r) => [r.k, [...r.v]])).toEqual([
      ['k1', [1]],
      ['k3', [3]],
    ]);
    expect(await db.all('SELECT k FROM t WHERE k IN (?, ?) ORDER BY k', ['k0', 'nope'])).toEqual([
      { k: 'k0' },
    ]);
    await db.close();
  });

  it('rolls back kept-statement writes with their transaction', async () => {
    const { db } = await open();
    await expect(
      db.transaction(async () => {
        await db.run('INSERT INTO t (k) VALUES (?)', ['gone']);
        await db.run('INSERT INTO t (k) VALUES (?)', ['gone']);
      }),
    ).rejects.toSatisfy((e: unknown) => isKantaSimError(e) && e.code === 'STORE_FAILED');
    expect(await db.all('SELECT k FROM t', [])).toEqual([]);
    await db.close();
  });

  it('reports a statement that does not prepare as STORE_FAILED, each time, without keeping it', async () => {
    const { db } = await open();
    for (let i = 0; i < 2; i++) {
      const error = await db.all('SELECT nope FROM t', []).catch((e: unknown) => e);
      expect(isKantaSimError(error) && error.code).toBe('STORE_FAILED');
    }
    await db.close();
  });

  it('closes with statements kept, and the file reopens with what was committed', async () => {
    const { db, file } = await open();
    await db.run('INSERT INTO t (k) VALUES (?)', ['kept']);
    await db.all('SELECT k FROM t', []);
    await db.close();
    const again = await SqliteDatabase.open(file);
    expect(await again.all('SELECT k FROM t')).toEqual([{ k: 'kept' }]);
    await again.close();
  });

  it('keeps a bounded number of statements and still answers after evicting', async () => {
    const { db } = await open();
    for (let i = 0; i < 300; i++) {
      expect(await db.all(`SELECT ${i} AS n FROM t WHERE k = ?`, ['x'])).toEqual([]);
    }
    await db.run('INSERT INTO t (k) VALUES (?)', ['x']);
    expect(await db.all('SELECT 7 AS n FROM t WHERE k = ?', ['x'])).toEqual([{ n: 7 }]);
    await db.close();
  });

  it('runs a statement that returns no rows through get() and all(), answering none', async () => {
    const { db } = await open();
    expect(await db.all('INSERT INTO t (k) VALUES (?)', ['a'])).toEqual([]);
    expect(await db.get('INSERT INTO t (k) VALUES (?)', ['b'])).toBeUndefined();
    expect(await db.all('SELECT k FROM t ORDER BY k')).toEqual([{ k: 'a' }, { k: 'b' }]);
    await db.close();
  });
});
