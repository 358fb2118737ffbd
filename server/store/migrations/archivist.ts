import type { Migration } from './migration.js';

/**
 * The archivist interface: archivists and their registers, server-side sessions, the usage log
 * (käyttöloki) and the compare records of the deployment test.
 *
 * The usage log is evidence required by law (who looked at which client's data), so the database itself
 * refuses to change or remove a row: triggers abort every UPDATE and DELETE, whatever code path tries.
 */
export const ARCHIVIST_MIGRATIONS: readonly Migration[] = [
  {
    name: 'archivist-001-create',
    sql: `CREATE TABLE archivists (
       id TEXT PRIMARY KEY,
       organisation_oid TEXT NOT NULL,
       username TEXT NOT NULL UNIQUE,
       name TEXT NOT NULL,
       password_hash TEXT NOT NULL,
       registers_json TEXT NOT NULL,
       demo INTEGER NOT NULL DEFAULT 0,
       created_at TEXT NOT NULL
     );
     CREATE TABLE archivist_sessions (
       token_hash TEXT PRIMARY KEY,
       archivist_id TEXT NOT NULL REFERENCES archivists(id) ON DELETE CASCADE,
       csrf_token TEXT NOT NULL,
       reason TEXT,
       created_at TEXT NOT NULL,
       expires_at TEXT NOT NULL
     );
     CREATE TABLE usage_log (
       seq INTEGER PRIMARY KEY AUTOINCREMENT,
       at TEXT NOT NULL,
       organisation_oid TEXT NOT NULL,
       archivist_id TEXT NOT NULL,
       archivist_name TEXT NOT NULL,
       action TEXT NOT NULL,
       hetu TEXT,
       document_id TEXT,
       register_oid TEXT,
       reason TEXT,
       detail TEXT
     );
     CREATE INDEX usage_log_org ON usage_log(organisation_oid, seq);
     CREATE TRIGGER usage_log_no_update BEFORE UPDATE ON usage_log
       BEGIN SELECT RAISE(ABORT, 'the usage log is append-only'); END;
     CREATE TRIGGER usage_log_no_delete BEFORE DELETE ON usage_log
       BEGIN SELECT RAISE(ABORT, 'the usage log is append-only'); END;
     CREATE TABLE compare_records (
       document_id TEXT PRIMARY KEY,
       register_oid TEXT NOT NULL,
       fields_json TEXT NOT NULL,
       note TEXT NOT NULL DEFAULT '',
       archivist_id TEXT NOT NULL,
       archivist_name TEXT NOT NULL,
       updated_at TEXT NOT NULL
     );`,
  },
  {
    // The purpose of use (käyttötarkoitus) is stated per client, not per session: a purpose stated for one
    // client must never be written into the log entries of another. The session-wide column goes.
    name: 'archivist-002-session-purposes',
    sql: `CREATE TABLE archivist_session_purposes (
       token_hash TEXT NOT NULL REFERENCES archivist_sessions(token_hash) ON DELETE CASCADE,
       hetu TEXT NOT NULL,
       reason_code TEXT NOT NULL,
       reason_text TEXT,
       granted_at TEXT NOT NULL,
       PRIMARY KEY (token_hash, hetu)
     );
     ALTER TABLE archivist_sessions DROP COLUMN reason;`,
  },
];
