/**
 * The composition root's archivist step: the archivist interface's stores on the shared database, its
 * service, the live feed and the demo archivists. launch mounts the routes at /archivist.
 */
import type { CodeLists } from '../codes/code-lists.js';
import type { Logger } from '../logger.js';
import type { ArchiveStore } from '../store/archive-store.js';
import type { ArchivistStore } from '../store/archivist-store.js';
import { SqliteArchivistStore } from '../store/sqlite-archivist-store.js';
import type { CompareRecord, CompareRecordStore } from '../store/compare-record-store.js';
import { SqliteCompareRecordStore } from '../store/sqlite-compare-record-store.js';
import type { SqliteDatabase } from '../store/sqlite-database.js';
import { SqliteUsageLogStore } from '../store/sqlite-usage-log-store.js';
import type { UsageLogStore } from '../store/usage-log-store.js';
import { ArchivistService } from '../archivist/archivist-service.js';
import {
  addArchivist,
  ensureDemoArchivists,
  type AddArchivistInput,
  type Archivist,
  type OrganisationNames,
} from '../archivist/archivists.js';
import { getCompareRecord } from '../archivist/compare.js';
import { archiveInvalidation } from '../archivist/invalidation.js';
import { LiveFeed } from '../archivist/live-feed.js';
import { UsageLogService } from '../archivist/usage-log-service.js';

export interface ArchivistCompositionDeps {
  readonly db: SqliteDatabase;
  readonly archive: ArchiveStore;
  readonly codes: CodeLists;
  readonly organisations: OrganisationNames;
  readonly clock: () => Date;
  readonly logger: Logger;
}

export interface ArchivistParts {
  readonly service: ArchivistService;
  /** Feed it every Kanta exchange (RunningKantaSim.onExchange). */
  readonly feed: LiveFeed;
  readonly store: ArchivistStore;
  /** The compare records ("matches the client system"), which the rehearsal reads too. */
  readonly compare: CompareRecordStore;
  readonly usage: UsageLogStore;
  /** The usage log and the purposes of use stated per client. */
  readonly usageLog: UsageLogService;
  /** What the routes need (server/app/archivist/archivist-router.ts). */
  readonly routes: {
    readonly service: ArchivistService;
    readonly usageLog: UsageLogService;
    readonly feed: LiveFeed;
    readonly codes: CodeLists;
    readonly organisations: OrganisationNames;
    readonly logger: Logger;
  };
  /** Adds an archivist in process (tests, seeds); the CLI does the same on a data directory. */
  addArchivist(input: AddArchivistInput): Promise<{ archivist: Archivist; password: string }>;
  /** The compare record saved with a document (for the deployment-test report). */
  getCompareRecord(documentId: string): Promise<CompareRecord | undefined>;
}

export async function composeArchivist(deps: ArchivistCompositionDeps): Promise<ArchivistParts> {
  const store = new SqliteArchivistStore(deps.db);
  const usage = new SqliteUsageLogStore(deps.db);
  const compare = new SqliteCompareRecordStore(deps.db);
  await ensureDemoArchivists(store, deps.organisations, deps.clock());
  const usageLog = new UsageLogService({ usage, archivists: store, clock: deps.clock });
  const service = new ArchivistService({
    archive: deps.archive,
    archivists: store,
    compare,
    usageLog,
    codes: deps.codes,
    organisations: deps.organisations,
    clock: deps.clock,
    invalidate: archiveInvalidation(deps.archive),
  });
  const feed = new LiveFeed(deps.archive, (err) =>
    deps.logger.error('live feed could not read a document', err),
  );
  return {
    service,
    feed,
    store,
    compare,
    usage,
    usageLog,
    routes: {
      service,
      usageLog,
      feed,
      codes: deps.codes,
      organisations: deps.organisations,
      logger: deps.logger,
    },
    addArchivist: (input) => addArchivist(store, deps.organisations, input, deps.clock()),
    getCompareRecord: (documentId) => getCompareRecord(compare, documentId),
  };
}
