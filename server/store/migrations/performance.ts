/**
 * Indexes for the archivist's cross-register queries (issue 7). The archivist searches by service task and
 * document type across every register it may read; without this index SQLite scans all documents and
 * sorts them (~20 ms at 10,000 documents, growing linearly). With it, the rows come in effective_time
 * order and a LIMIT stops early (measured in bench/search.ts, docs/performance.md).
 */
import type { Migration } from './migration.js';

export const PERFORMANCE_MIGRATIONS: readonly Migration[] = [
  {
    name: 'performance-001-documents-task-type',
    sql: `CREATE INDEX documents_task_type ON documents(palvelutehtava, document_type, effective_time);`,
  },
];
