/**
 * Schema changes for speed and size (issues 7 and 17). Each says why; see docs/performance.md.
 */
import type { Migration } from './migration.js';

export const PERFORMANCE_MIGRATIONS: readonly Migration[] = [
  {
    // The archivist searches by service task and document type across every register it may read;
    // without this index SQLite scans all documents and sorts them (~20 ms at 10,000 documents, growing
    // linearly). With it, the rows come in effective_time order and a LIMIT stops early (bench/search.ts).
    name: 'performance-001-documents-task-type',
    sql: `CREATE INDEX documents_task_type ON documents(palvelutehtava, document_type, effective_time);`,
  },
  {
    // documents_set_version_unique (lifecycle-001) indexes the same columns in the same order, so every
    // lookup by set used it already; the second index only cost one more page written per commit.
    name: 'performance-002-drop-duplicate-set-index',
    sql: `DROP INDEX documents_set;`,
  },
  {
    // The whole request message was stored beside the CDA and never read: the CDA is what the archive
    // keeps and answers with, and the exchange journal (control API) records each exchange. The copy was
    // two thirds of a document's bytes (~22 KB of ~35 KB for a single-signature plan) and of the pages
    // each commit writes to the log and each checkpoint copies again. SQLite rewrites the table once.
    name: 'performance-003-drop-message-copy',
    sql: `ALTER TABLE document_bytes DROP COLUMN message;`,
  },
];
