import type { Migration } from './migration.js';

/**
 * The deployment-test rehearsal: organisations' onboarding records, the registry of handed-out test
 * identities, rehearsals and what happened during them (refusals seen, client-system checks ticked).
 */
export const REHEARSAL_MIGRATIONS: readonly Migration[] = [
  {
    name: 'rehearsal-001-create',
    sql: `CREATE TABLE onboarding_records (
       organisation_oid TEXT PRIMARY KEY,
       record_json TEXT NOT NULL,
       updated_at TEXT NOT NULL
     );
     CREATE TABLE test_identity_assignments (
       id INTEGER PRIMARY KEY AUTOINCREMENT,
       hetu TEXT NOT NULL,
       service_task TEXT NOT NULL,
       customer_oid TEXT NOT NULL,
       assignment_json TEXT NOT NULL,
       assigned_at TEXT NOT NULL
     );
     CREATE INDEX test_identity_hetu ON test_identity_assignments(hetu, service_task);
     CREATE INDEX test_identity_customer ON test_identity_assignments(customer_oid);
     CREATE TABLE rehearsals (
       id TEXT PRIMARY KEY,
       organisation_oid TEXT NOT NULL,
       case_name TEXT NOT NULL,
       hetu TEXT NOT NULL,
       status TEXT NOT NULL,
       started_at TEXT NOT NULL,
       finished_at TEXT,
       rehearsal_json TEXT NOT NULL
     );
     CREATE INDEX rehearsals_org_case ON rehearsals(organisation_oid, case_name, started_at);
     CREATE TABLE rehearsal_events (
       id INTEGER PRIMARY KEY AUTOINCREMENT,
       rehearsal_id TEXT NOT NULL REFERENCES rehearsals(id) ON DELETE CASCADE,
       at TEXT NOT NULL,
       kind TEXT NOT NULL,
       event_json TEXT NOT NULL
     );
     CREATE INDEX rehearsal_events_rehearsal ON rehearsal_events(rehearsal_id, id);`,
  },
];
