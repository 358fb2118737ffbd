import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/store/open-database.js';
import { CHECKPOINT_EVERY, RESTART_FRAMES, WalCheckpointer } from '../../server/store/wal-checkpointer.js';

const PAGE = 4096;

describe('WAL checkpoints on a thread of their own', { timeout: 60_000 }, () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  function databaseFile(): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kanta-sim-wal-'));
    dirs.push(dir);
    return path.join(dir, 'archive.sqlite');
  }

  it('copies the log on its thread, not on the serving connection', async () => {
    const file = databaseFile();
    const writer = new Database(file);
    writer.exec('PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; CREATE TABLE t (v BLOB)');
    const insert = writer.prepare('INSERT INTO t (v) VALUES (?)');
    for (let i = 0; i < 50; i++) {
      insert.run(Buffer.alloc(8000, i));
    }
    // The fallback connection is closed: a checkpoint run here would throw, so an answer comes from the thread.
    const closed = new Database(file);
    closed.close();
    const checkpointer = new WalCheckpointer(file, closed, (fn) => fn());
    try {
      expect(await checkpointer.start()).toBe(1);
      const result = await checkpointer.checkpoint();
      expect(result.logFrames).toBeGreaterThan(50);
      expect(result.checkpointedFrames).toBe(result.logFrames);
    } finally {
      await checkpointer.close();
      writer.close();
    }
  });

  it('keeps the log bounded under a steady stream of commits, the serving connection never checkpointing', async () => {
    const file = databaseFile();
    const db = await openDatabase(file);
    expect(await db.get('PRAGMA wal_autocheckpoint')).toEqual({ wal_autocheckpoint: 0 });
    await db.exec('CREATE TABLE t (k INTEGER PRIMARY KEY, v BLOB)');
    const blob = Buffer.alloc(3 * PAGE, 7);
    let largest = 0;
    const commits = 5000;
    for (let k = 0; k < commits; k++) {
      await db.transaction(() => db.run('INSERT INTO t (k, v) VALUES (?, ?)', [k, blob]));
      // As between requests: the event loop turns, so the thread starts and its answers arrive.
      await new Promise((resolve) => setImmediate(resolve));
      if (k % CHECKPOINT_EVERY === 0) {
        largest = Math.max(largest, statSync(`${file}-wal`).size);
      }
    }
    // Every commit appends at least its blob's three pages: without checkpoints the log would hold them all.
    expect(commits * 3 * PAGE).toBeGreaterThan(3 * RESTART_FRAMES * PAGE);
    expect(largest).toBeLessThan(2 * RESTART_FRAMES * PAGE);
    expect(await db.get('SELECT COUNT(*) AS n FROM t')).toEqual({ n: commits });
    await db.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    const again = await openDatabase(file);
    expect(await again.get('SELECT COUNT(*) AS n FROM t')).toEqual({ n: commits });
    await again.close();
  });
});
