import type { Migration } from './migration.js';

/**
 * Document lifecycle: versions of one setId (a UNIQUE index is the second guard against two racing new
 * versions, after the serialised check-and-insert transaction), the replaced version's id, and one
 * invalidation record per set (who, when, why, from where).
 */
export const LIFECYCLE_MIGRATIONS: readonly Migration[] = [
  {
    name: 'lifecycle-001-versions-and-invalidations',
    sql: `ALTER TABLE documents ADD COLUMN replaces_id TEXT;
     CREATE UNIQUE INDEX documents_set_version_unique ON documents(set_id, version_number);
     CREATE INDEX documents_hetu_group ON documents(hetu, document_group);
     CREATE TABLE invalidations (
       set_id TEXT PRIMARY KEY,
       register_oid TEXT NOT NULL,
       document_id TEXT NOT NULL,
       invalidated_at TEXT NOT NULL,
       via TEXT NOT NULL,
       by_kind TEXT NOT NULL,
       by_id TEXT NOT NULL,
       by_name TEXT,
       reason TEXT,
       nullifying_document_id TEXT
     );
     CREATE INDEX invalidations_register ON invalidations(register_oid);`,
  },
];
