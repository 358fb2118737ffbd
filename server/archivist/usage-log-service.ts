/**
 * Who looked at which client's data, when and why: the purposes of use an archivist states per client in a
 * session, the usage-log entries that carry them, and the organisation's log as a page or a CSV file.
 * An entry about a client takes the purpose stated for that client in that session, or none; never the
 * purpose of another client. It sees plain values, never HTTP.
 */
import type { ArchivistStore } from '../store/archivist-store.js';
import type { NewUsageEntry, UsageEntry, UsageLogStore } from '../store/usage-log-store.js';
import { isAccessReason, purposeEntry, type Purpose } from './purposes.js';
import type { Session } from './sessions.js';
import { usageLogCsv, usageQueryDetail, type UsageCsvLabels, type UsageLogQuery } from './usage-log.js';

export interface UsageLogServiceDeps {
  readonly usage: UsageLogStore;
  readonly archivists: ArchivistStore;
  readonly clock: () => Date;
}

/** What an event adds to the log; who, when and the organisation come from the session. */
export type UsageEvent = Pick<NewUsageEntry, 'action' | 'hetu' | 'documentId' | 'registerOid' | 'detail'>;

/** How many entries the page shows at most; the export has them all. */
export const USAGE_PAGE_LIMIT = 1000;

export class UsageLogService {
  constructor(private readonly deps: UsageLogServiceDeps) {}

  /** Records the purpose the archivist stated for a client; later entries about that client carry it. */
  async grant(session: Session, hetu: string, purpose: Purpose): Promise<void> {
    await this.deps.archivists.grantPurpose({
      tokenHash: session.tokenHash,
      hetu,
      reasonCode: purpose.code,
      reasonText: purpose.text,
      grantedAt: this.deps.clock().toISOString(),
    });
  }

  /** The purpose stated for this client in this session, if any. */
  async purposeFor(session: Session, hetu: string): Promise<Purpose | undefined> {
    const record = await this.deps.archivists.getPurpose(session.tokenHash, hetu);
    if (!record || !isAccessReason(record.reasonCode)) {
      return undefined;
    }
    return { code: record.reasonCode, text: record.reasonText };
  }

  /**
   * Appends an entry. A search states its own purpose; any other entry about a client takes the purpose
   * stated for that client; sign-in and the log export concern no client and carry none.
   */
  async record(session: Session, event: UsageEvent, stated?: Purpose): Promise<void> {
    const purpose =
      stated ?? (event.hetu === undefined ? undefined : await this.purposeFor(session, event.hetu));
    await this.deps.usage.append({
      ...event,
      at: this.deps.clock().toISOString(),
      organisationOid: session.archivist.organisationOid,
      archivistId: session.archivist.id,
      archivistName: session.archivist.name,
      reason: purpose && purposeEntry(purpose),
    });
  }

  /** The archivist's own organisation's log, newest first, narrowed by the query. */
  entries(session: Session, query: UsageLogQuery = {}, limit = USAGE_PAGE_LIMIT): Promise<UsageEntry[]> {
    return this.deps.usage.list({ ...query, organisationOid: session.archivist.organisationOid, limit });
  }

  /** The organisation's log narrowed by the query, as CSV in the reader's words; the export is logged. */
  async csv(session: Session, query: UsageLogQuery, labels: UsageCsvLabels): Promise<string> {
    const detail = usageQueryDetail(query);
    await this.record(session, { action: 'export-log', detail: detail || undefined });
    const all = await this.deps.usage.list({ ...query, organisationOid: session.archivist.organisationOid });
    return usageLogCsv(all, labels);
  }

  /** The archivists of the archivist's organisation, for the log's archivist filter. */
  async colleagues(session: Session): Promise<{ readonly id: string; readonly name: string }[]> {
    const all = await this.deps.archivists.listArchivists(session.archivist.organisationOid);
    return all.map((a) => ({ id: a.id, name: a.name }));
  }
}
