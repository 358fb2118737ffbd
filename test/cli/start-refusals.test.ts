/**
 * Ready means ready (issue 13): `kanta-sim start` on a data directory or database it cannot use exits
 * non-zero with one line naming the path and the cause, never a stack trace and never "ready". The storage
 * is made read-only for real (root ignores permission bits): a read-only bind mount, or an immutable file.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorCode } from '../../server/errors.js';
import { startKantaSim } from '../../server/index.js';
import { runStart, type ExitedProcess } from '../support/cli-start.js';
import {
  IMMUTABLE_FILES,
  READ_ONLY_MOUNT,
  readOnlyMountArgs,
  setImmutable,
} from '../support/read-only-fs.js';

const SQLITE = createRequire(import.meta.url).resolve('better-sqlite3');

/** Writes to the archive database in WAL mode and dies with SIGKILL: the -wal and -shm files stay behind. */
function crashWithWal(file: string): void {
  const script = `
    const Database = require(${JSON.stringify(SQLITE)});
    const db = new Database(${JSON.stringify(file)});
    db.exec("PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS crash_probe(x); INSERT INTO crash_probe VALUES (1);");
    process.kill(process.pid, 'SIGKILL');`;
  try {
    execFileSync(process.execPath, ['-e', script], { stdio: 'ignore' });
  } catch (e) {
    if ((e as { signal?: string }).signal !== 'SIGKILL') {
      throw e;
    }
  }
  expect(existsSync(`${file}-wal`) && existsSync(`${file}-shm`)).toBe(true);
}

/** The process ended with a non-zero code and exactly one line on stderr, naming `code` and `words`. */
function expectOneLineRefusal(r: ExitedProcess, code: ErrorCode, words: readonly string[]): string {
  expect(r.code).not.toBe(0);
  expect(r.stdout).not.toContain('is ready');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  const line = lines[0] ?? '';
  expect(ERROR_CODES).toHaveProperty(code);
  expect(line).toContain(`${code}:`);
  for (const w of words) {
    expect(line).toContain(w);
  }
  expect(line).not.toMatch(/\bat .*\.[tj]s:\d+/);
  return line;
}

describe('kanta-sim start refuses storage it cannot use', { timeout: 40_000 }, () => {
  let root: string;
  let prepared: string;
  let n = 0;
  const fresh = (): string => {
    const dir = path.join(root, `data-${++n}`);
    cpSync(prepared, dir, { recursive: true });
    return dir;
  };
  const start = async (dataDir: string, wrap?: (argv: string[]) => string[]): Promise<ExitedProcess> => {
    // Shorter than the test's timeout, so that a start that does not refuse is killed, not left running.
    const r = await runStart(['--data-dir', dataDir, '--port', '0', '--web-port', '0', '--quiet'], {
      wrap,
      timeoutMs: 20_000,
    });
    if ('banner' in r) {
      await r.stop();
      throw new Error(`started although it should not have:\n${r.banner}`);
    }
    return r;
  };

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'kanta-sim-start-'));
    prepared = path.join(root, 'prepared');
    // PKI, demo organisation and a migrated file database, as a first start leaves them.
    await (await startKantaSim({ dataDir: prepared, memory: false })).stop();
    crashWithWal(path.join(prepared, 'archive.sqlite'));
  });
  afterAll(() => {
    for (let i = 1; IMMUTABLE_FILES && i <= n; i++) {
      try {
        setImmutable(path.join(root, `data-${i}`, 'archive.sqlite'), false);
      } catch {
        // not there, or never made immutable
      }
    }
    rmSync(root, { recursive: true, force: true });
  });

  it.skipIf(!READ_ONLY_MOUNT)(
    'a read-only data directory holding a crashed database (-wal/-shm) and no demo/: one line, exit 1',
    async () => {
      const dir = fresh();
      rmSync(path.join(dir, 'demo'), { recursive: true, force: true });
      const r = await start(dir, (argv) => readOnlyMountArgs(dir, argv));
      expectOneLineRefusal(r, 'DATA_DIR_INVALID', [dir, 'read-only']);
    },
  );

  it.skipIf(!IMMUTABLE_FILES)(
    'an archive database that cannot be written (immutable file): one line, exit 1',
    async () => {
      const dir = fresh();
      const file = path.join(dir, 'archive.sqlite');
      setImmutable(file, true);
      try {
        const r = await start(dir);
        expectOneLineRefusal(r, 'STORE_UNUSABLE', [file, 'read-only']);
      } finally {
        setImmutable(file, false);
      }
    },
  );

  it('a corrupted database header: one line naming the file, "not a database"', async () => {
    const dir = fresh();
    const file = path.join(dir, 'archive.sqlite');
    for (const f of [file, `${file}-wal`, `${file}-shm`]) {
      rmSync(f, { force: true });
    }
    writeFileSync(file, Buffer.alloc(8192, 'this is not an SQLite header '));
    const r = await start(dir);
    expectOneLineRefusal(r, 'STORE_UNUSABLE', [file, 'not a database']);
  });
});
