/**
 * Ready means ready (issue 13): a database that opens is not yet one that can store a document. A file on a
 * read-only mount, an immutable file, or a WAL database left by a crash in a directory it cannot write all
 * open and answer reads, then refuse every write. So start-up and health prove writing with a real
 * committed write, and a failure to open names the file and the cause in one line.
 */
import { KantaSimError } from '../errors.js';
import type { SqliteDatabase } from './sqlite-database.js';

/*
 * A committed write is the only proof: a rolled-back one may never leave the page cache, so it would pass
 * on a read-only file. One row, overwritten each time; snapshots skip the table (sqlite-snapshot-store.ts).
 */
export const WRITE_PROBE_TABLE = 'kanta_sim_write_probe';

/** What health reports for the database: true (reads and writes), 'read-only', or false (unusable). */
export type DatabaseState = true | false | 'read-only';

/** Commits one small write; rejects with the store's error when the database cannot write. */
export async function probeWrite(db: SqliteDatabase, now: Date = new Date()): Promise<void> {
  await db.transaction(async () => {
    await db.run(
      `CREATE TABLE IF NOT EXISTS ${WRITE_PROBE_TABLE} (id INTEGER PRIMARY KEY CHECK (id = 1), at TEXT NOT NULL)`,
    );
    await db.run(`INSERT OR REPLACE INTO ${WRITE_PROBE_TABLE} (id, at) VALUES (1, ?)`, [now.toISOString()]);
  });
}

/** Reads, then writes: the database's state for GET /__sim/health. */
export async function databaseState(db: SqliteDatabase): Promise<DatabaseState> {
  try {
    await db.get('SELECT 1');
  } catch {
    return false;
  }
  try {
    await probeWrite(db);
    return true;
  } catch (e) {
    return causeOf(e) === 'read-only' ? 'read-only' : false;
  }
}

/** Why SQLite (or the file system under it) refused, in the words an operator acts on. */
export type StoreCause =
  'read-only' | 'locked' | 'not a database' | 'disk full' | 'cannot open' | 'I/O error';

const CAUSE_BY_CODE: Record<string, StoreCause> = {
  SQLITE_READONLY: 'read-only',
  SQLITE_PERM: 'read-only',
  SQLITE_BUSY: 'locked',
  SQLITE_LOCKED: 'locked',
  SQLITE_NOTADB: 'not a database',
  SQLITE_CORRUPT: 'not a database',
  SQLITE_FULL: 'disk full',
  SQLITE_CANTOPEN: 'cannot open',
  SQLITE_IOERR: 'I/O error',
  EROFS: 'read-only',
  EACCES: 'read-only',
  EPERM: 'read-only',
  ENOSPC: 'disk full',
};

/**
 * SQLite's primary result code of an extended one (SQLITE_IOERR of SQLITE_IOERR_WRITE, SQLITE_READONLY of
 * SQLITE_READONLY_DBMOVED): the binding reports extended codes, and the cause is the primary one's.
 */
function primaryCode(code: unknown): string | undefined {
  if (typeof code !== 'string') {
    return undefined;
  }
  return /^SQLITE_[A-Z]+/.exec(code)?.[0] ?? code;
}

/** The cause of a store or file-system error, from its code (or its cause's), if it is one we know. */
export function causeOf(e: unknown): StoreCause | undefined {
  for (let err: unknown = e, depth = 0; err !== undefined && depth < 4; depth++) {
    const code = primaryCode((err as { code?: unknown } | null)?.code);
    if (code !== undefined && code in CAUSE_BY_CODE) {
      return CAUSE_BY_CODE[code];
    }
    err = (err as { cause?: unknown } | null)?.cause;
  }
  return undefined;
}

const HINTS: Record<StoreCause, string> = {
  'read-only':
    'the file or its directory cannot be written (a -wal/-shm pair left by a crash also needs a writable directory)',
  locked: 'another process holds it; stop the other kanta-sim or tool using this data directory',
  'not a database':
    'the file header is not SQLite (corrupted, or another kind of file); move it away to start afresh',
  'disk full': 'free some space on the disk',
  'cannot open': 'the path is missing, a directory, or not accessible',
  'I/O error': 'the disk reported an error',
};

/**
 * A store error at start-up as one line naming the file and the cause, e.g.
 * `database /d/archive.sqlite is read-only: the file or its directory cannot be written (...)`.
 */
export function storeUnusable(file: string, e: unknown, fact?: string): KantaSimError {
  const cause = causeOf(e) ?? 'cannot open';
  const detail = firstLine((e as Error | undefined)?.message ?? String(e))
    .replace(/^database error: /, '')
    .replace(/^cannot open database .*?: (?=SQLITE_)/, '');
  const what =
    cause === 'cannot open' ? 'cannot be opened' : cause === 'locked' ? 'is locked' : `is ${cause}`;
  return new KantaSimError(
    'STORE_UNUSABLE',
    `database ${file} ${what}: ${fact ?? HINTS[cause]} (${detail})`,
    {
      cause: e,
      details: { file, cause },
    },
  );
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? '';
}
