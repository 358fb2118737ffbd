import type { Migration } from './migration.js';

/**
 * The classroom: one class per data directory (its scenario, language and size) and the organisations it
 * made, the trainer's and one per trainee sandbox, with their archivist accounts and the readable passwords
 * printed on the sign-in cards (training data only, SHA-SPEC [S]).
 *
 * The usage log stays append-only for every real register: the archivist migration's DELETE trigger is
 * replaced by one that still aborts, unless the row belongs to an organisation this classroom made. Only a
 * classroom reset deletes such rows (a trainee's sandbox goes back to the scenario); UPDATE stays refused
 * for every row.
 */
export const CLASSROOM_MIGRATIONS: readonly Migration[] = [
  {
    name: 'classroom-001-create',
    sql: `CREATE TABLE classroom (
       id INTEGER PRIMARY KEY CHECK (id = 1),
       scenario TEXT NOT NULL,
       lang TEXT NOT NULL,
       trainees INTEGER NOT NULL,
       created_at TEXT NOT NULL,
       reset_at TEXT
     );
     CREATE TABLE classroom_organisations (
       organisation_oid TEXT PRIMARY KEY,
       trainee INTEGER NOT NULL UNIQUE,
       name TEXT NOT NULL,
       archivist_id TEXT NOT NULL,
       username TEXT NOT NULL,
       password TEXT NOT NULL,
       seeded_at TEXT
     );
     DROP TRIGGER usage_log_no_delete;
     CREATE TRIGGER usage_log_no_delete BEFORE DELETE ON usage_log
       WHEN OLD.organisation_oid NOT IN (SELECT organisation_oid FROM classroom_organisations)
       BEGIN SELECT RAISE(ABORT, 'the usage log is append-only'); END;`,
  },
];
