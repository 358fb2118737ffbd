/**
 * The bench's phases on a large archive: filling the stopped server's archive to the search size and
 * timing the archivist's queries, then the server started again on it (see run.ts for the order).
 */
import { fileURLToPath } from 'node:url';
import type { StoredDocument } from '../server/store/archive-store.js';
import type { SqliteDatabase } from '../server/store/sqlite-database.js';
import type { SqliteArchiveStore } from '../server/store/sqlite-archive-store.js';
import { processMemoryMb, startCli, type CliMode } from './cli-server.js';
import { runLoad } from './load.js';
import { timeReset, warmUp, type LoadClient } from './measure.js';
import type { BenchOptions } from './options.js';
import { fillArchive, timeQueries, type SearchResult } from './search.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

type ServerMemory = ReturnType<typeof processMemoryMb>;

/** What every phase of a bench run shares. */
export interface Bench {
  readonly options: BenchOptions;
  readonly tmp: string;
  readonly dataDir: string;
  readonly mode: CliMode;
  readonly caBundlePem: string;
  /** The server's memory at named moments. */
  readonly server: Record<string, ServerMemory | undefined>;
  /** The load client for a server listening on `kantaPort`. */
  client(kantaPort: number): LoadClient;
  log(line: string): void;
}

/**
 * Fills the (stopped) server's archive to the search size and times the archivist's queries on it, then
 * closes the database the fresh-archive phase opened.
 */
export async function measureSearch(
  bench: Bench,
  fresh: {
    readonly database: SqliteDatabase;
    readonly store: SqliteArchiveStore;
    readonly template: StoredDocument | undefined;
  },
): Promise<SearchResult> {
  const { database, store, template } = fresh;
  const searchCount = bench.options.count(100_000, 1000);
  const fill = await fillArchive(store, searchCount, {
    metadataJson: template?.metadataJson ?? '{}',
    serviceRequest: template?.serviceRequest ?? 'SP17',
  });
  const search: SearchResult = {
    documents: searchCount,
    registers: fill.registers,
    clients: fill.clients,
    insertMs: Math.round(fill.insertMs),
    insertPerSecond: Math.round((searchCount / fill.insertMs) * 1000),
    queries: await timeQueries(store, fill),
  };
  await database.close();
  bench.log(`search over ${searchCount}: ${JSON.stringify(search.queries)}`);
  return search;
}

/** The server on the large archive: start, archive more, then its memory and a reset of it all. */
export async function measureLargeArchive(bench: Bench, late: string[], searchCount: number) {
  const sim = await startCli(ROOT, bench.mode, bench.dataDir);
  const readyWithLargeArchiveMs = sim.readyMs;
  const client = bench.client(sim.kantaPort);
  await warmUp(client, late.slice(0, Math.min(20, late.length)));
  const lateRun = await runLoad({ ...client, messages: late, concurrency: 8 });
  bench.server['at search documents'] = processMemoryMb(sim.child.pid);
  bench.log(
    `with ${searchCount} documents: ready in ${readyWithLargeArchiveMs} ms, ${lateRun.documentsPerSecond} documents/s, server RSS ${JSON.stringify(bench.server['at search documents'])}`,
  );
  const resetLarge = await timeReset(sim.webUrl);
  bench.log(`reset of ${searchCount + late.length} documents: ${resetLarge.ms} ms (${resetLarge.via})`);
  await sim.stop();
  const withLargeArchive = {
    documents: searchCount,
    readyMs: readyWithLargeArchiveMs,
    documentsPerSecond: lateRun.documentsPerSecond,
    latencyMs: lateRun.latencyMs,
    answers: lateRun.answers,
  };
  return { withLargeArchive, resetLarge };
}
