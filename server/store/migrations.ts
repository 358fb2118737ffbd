/**
 * Schema migrations by name. Each feature owns its migrations in store/migrations/<feature>.ts and lists
 * them here; a migration is applied once, recorded in schema_migrations, and never changes after release,
 * so an existing data directory upgrades in place whatever order features arrived in.
 */
import type { SqliteDatabase } from './sqlite-database.js';
import type { Migration } from './migrations/migration.js';
import { DOCUMENT_MIGRATIONS } from './migrations/documents.js';
import { LIFECYCLE_MIGRATIONS } from './migrations/lifecycle.js';
import { ARCHIVIST_MIGRATIONS } from './migrations/archivist.js';
import { REHEARSAL_MIGRATIONS } from './migrations/rehearsal.js';
import { PERFORMANCE_MIGRATIONS } from './migrations/performance.js';
import { CLASSROOM_MIGRATIONS } from './migrations/classroom.js';
import { EXERCISE_MIGRATIONS } from './migrations/exercises.js';

export type { Migration };

/** Every migration, in the order a fresh database applies them. */
export const MIGRATIONS: readonly Migration[] = [
  ...DOCUMENT_MIGRATIONS,
  ...ARCHIVIST_MIGRATIONS,
  ...LIFECYCLE_MIGRATIONS,
  ...REHEARSAL_MIGRATIONS,
  ...PERFORMANCE_MIGRATIONS,
  ...CLASSROOM_MIGRATIONS,
  ...EXERCISE_MIGRATIONS,
];

/** Applies the migrations not yet recorded, each in its own transaction. */
export async function migrate(
  db: SqliteDatabase,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<void> {
  await db.exec('PRAGMA foreign_keys = ON');
  await db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)',
  );
  const done = new Set(
    (await db.all<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name),
  );
  for (const m of migrations) {
    if (done.has(m.name)) {
      continue;
    }
    await db.transaction(async () => {
      await db.exec(m.sql);
      await db.run('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)', [
        m.name,
        new Date().toISOString(),
      ]);
    });
  }
}
