import type { Migration } from './migration.js';

/**
 * The classroom's exercise answers: the latest answer of each archivist to each exercise. No foreign key
 * to archivists: a trainee account may be removed and made again by a class reset, and the trainer's view
 * keeps the name the answer was given under until the reset clears the answers too.
 */
export const EXERCISE_MIGRATIONS: readonly Migration[] = [
  {
    name: 'exercises-001-create',
    sql: `CREATE TABLE exercise_answers (
       archivist_id TEXT NOT NULL,
       archivist_name TEXT NOT NULL,
       exercise_id TEXT NOT NULL,
       answer TEXT NOT NULL,
       correct INTEGER NOT NULL,
       attempts INTEGER NOT NULL,
       answered_at TEXT NOT NULL,
       PRIMARY KEY (archivist_id, exercise_id)
     );`,
  },
];
