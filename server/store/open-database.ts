/**
 * Opens the one database connection of a running kanta-sim, migrated to the latest schema. Every store
 * (archive, usage log, ...) is built on this connection, so that one transaction can span them.
 */
import { migrate } from './migrations.js';
import { SqliteDatabase } from './sqlite-database.js';

/** A file in the data directory (WAL: readers never wait on the writer), or ':memory:' for tests. */
export async function openDatabase(file: string): Promise<SqliteDatabase> {
  const db = await SqliteDatabase.open(file);
  if (file !== ':memory:') {
    await db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000');
  }
  await migrate(db);
  return db;
}
