/**
 * The usage log (käyttöloki): who looked at which client's data, when and why. Append-only by interface
 * (no update or delete method) and by the database (triggers in migrations/archivist.ts).
 * sqlite-usage-log-store.ts implements it.
 */

export type UsageAction =
  'sign-in' | 'search' | 'view' | 'compare' | 'invalidate' | 'export-log' | 'deployment-test';

export interface NewUsageEntry {
  readonly at: string;
  readonly organisationOid: string;
  readonly archivistId: string;
  readonly archivistName: string;
  readonly action: UsageAction;
  readonly hetu?: string;
  readonly documentId?: string;
  readonly registerOid?: string;
  /**
   * The purpose of use stated for this entry's client (`code` or `code: free text`); for a search without
   * a client, the purpose stated with the search.
   */
  readonly reason?: string;
  /** What else identifies the event (the search filters, the invalidation reason). */
  readonly detail?: string;
}

export interface UsageEntry extends NewUsageEntry {
  /** Running number: the log's order. */
  readonly seq: number;
}

export interface UsageLogFilter {
  readonly organisationOid: string;
  readonly documentId?: string;
  readonly hetu?: string;
  readonly action?: UsageAction;
  readonly archivistId?: string;
  /** The purpose's code, whatever free text followed it. */
  readonly reasonCode?: string;
  /** ISO instants: entries at or after `from`, and before `to`. */
  readonly from?: string;
  readonly to?: string;
  readonly limit?: number;
}

export interface UsageLogStore {
  append(entry: NewUsageEntry): Promise<void>;
  /** Newest first. */
  list(filter: UsageLogFilter): Promise<UsageEntry[]>;
}
