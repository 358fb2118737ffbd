/**
 * Builds the archivist interface's parts on the shared database: stores, the service, the live feed and
 * the demo archivists. kanta-sim.ts calls this once at start and mounts the routes at /archivist.
 */
import type { CodeLists } from '../codes/code-lists.js';
import type { Logger } from '../logger.js';
import type { ArchiveStore } from '../store/archive-store.js';
import { SqliteArchivistStore } from '../store/archivist-sqlite-store.js';
import type { CompareRecord } from '../store/archivist-store.js';
import type { SqliteDatabase } from '../store/sqlite-database.js';
import { SqliteUsageLogStore, type UsageLogStore } from '../store/usage-log-store.js';
import { ArchivistService } from './archivist-service.js';
import {
  addArchivist,
  ensureDemoArchivists,
  type AddArchivistInput,
  type Archivist,
  type OrganisationNames,
} from './archivists.js';
import { getCompareRecord } from './compare.js';
import { archiveInvalidation } from './invalidation.js';
import { LiveFeed } from './live-feed.js';

export interface ArchivistAssemblyDeps {
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
  readonly store: SqliteArchivistStore;
  readonly usage: UsageLogStore;
  /** What the routes need (server/app/archivist/archivist-router.ts). */
  readonly routes: {
    readonly service: ArchivistService;
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

export async function assembleArchivist(deps: ArchivistAssemblyDeps): Promise<ArchivistParts> {
  const store = new SqliteArchivistStore(deps.db);
  const usage = new SqliteUsageLogStore(deps.db);
  await ensureDemoArchivists(store, deps.organisations, deps.clock());
  const service = new ArchivistService({
    archive: deps.archive,
    archivists: store,
    compare: store,
    usage,
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
    usage,
    routes: { service, feed, codes: deps.codes, organisations: deps.organisations, logger: deps.logger },
    addArchivist: (input) => addArchivist(store, deps.organisations, input, deps.clock()),
    getCompareRecord: (documentId) => getCompareRecord(store, documentId),
  };
}
