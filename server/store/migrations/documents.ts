import type { Migration } from './migration.js';

/** The archived documents: searchable metadata in one table, the original bytes in another. */
export const DOCUMENT_MIGRATIONS: readonly Migration[] = [
  {
    name: 'documents-001-create',
    sql: `CREATE TABLE documents (
       id TEXT PRIMARY KEY,
       set_id TEXT NOT NULL,
       version_number INTEGER NOT NULL,
       register_oid TEXT NOT NULL,
       sender_oid TEXT NOT NULL,
       hetu TEXT NOT NULL,
       palvelutehtava TEXT,
       document_type TEXT,
       general_document_type TEXT,
       document_group TEXT,
       prosessivaihe TEXT,
       case_id TEXT,
       service_unit_oid TEXT,
       effective_time TEXT,
       service_request TEXT NOT NULL,
       status TEXT NOT NULL DEFAULT 'active',
       message_id TEXT NOT NULL,
       sha256 TEXT NOT NULL,
       archived_at TEXT NOT NULL,
       metadata_json TEXT NOT NULL
     );
     CREATE TABLE document_bytes (
       id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
       cda BLOB NOT NULL,
       message BLOB NOT NULL
     );
     CREATE INDEX documents_register_hetu ON documents(register_oid, hetu, effective_time);
     CREATE INDEX documents_set ON documents(set_id, version_number);
     CREATE INDEX documents_register_archived ON documents(register_oid, archived_at);`,
  },
];
