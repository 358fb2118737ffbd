/**
 * Opens the one database connection of a running kanta-sim, migrated to the latest schema. Every store
 * (archive, usage log, ...) is built on this connection, so that one transaction can span them.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { probeWrite, storeUnusable } from './database-health.js';
import { migrate } from './migrations.js';
import { SqliteDatabase } from './sqlite-database.js';

/**
 * A file in the data directory (WAL: readers never wait on the writer), or ':memory:' for tests. Resolves
 * only once a write has been committed (database-health.ts); otherwise rejects with STORE_UNUSABLE naming
 * the file and the cause (read-only, locked, not a database, cannot open).
 */
export async function openDatabase(file: string): Promise<SqliteDatabase> {
  let db: SqliteDatabase;
  try {
    db = await SqliteDatabase.open(file);
  } catch (e) {
    throw storeUnusable(file, e, await whyNotOpened(file));
  }
  try {
    if (file !== ':memory:') {
      await db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000');
      await db.checkpointOffThread(file);
    }
    await migrate(db);
    await probeWrite(db);
  } catch (e) {
    await db.close().catch(() => undefined);
    throw storeUnusable(file, e);
  }
  return db;
}

/** SQLITE_CANTOPEN says nothing of why: the file system usually can. */
async function whyNotOpened(file: string): Promise<string | undefined> {
  const facts = await Promise.all(
    [stat(file), stat(path.dirname(file))].map((p) => p.catch(() => undefined)),
  );
  if (facts[0]?.isDirectory()) {
    return 'the path is a directory, not a database file';
  }
  if (facts[1] === undefined) {
    return `its directory ${path.dirname(file)} does not exist or cannot be read`;
  }
  if (!facts[1].isDirectory()) {
    return `${path.dirname(file)} is not a directory`;
  }
  return undefined;
}
