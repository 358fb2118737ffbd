/**
 * `npm run bench`: measures kanta-sim on this machine and writes the figures to bench/results/<date>.json
 * and bench/results/latest.json. See docs/performance.md for what is measured and how to read it.
 *
 * kanta-sim runs as its own process (`npm start`'s build, see cli-server.ts); this process builds the
 * signed messages, runs the load generator (in a worker thread) and times the archive's store queries.
 *
 * Scale every count with BENCH_SCALE=0.1 (or --scale 0.1) for a quick run; --skip-cold-start and
 * --skip-xmlsec leave those parts out.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../server/store/open-database.js';
import { SqliteArchiveStore } from '../server/store/sqlite-archive-store.js';
import { buildMessages, type BuiltMessage } from './build-documents.js';
import { cliMode, prepareDataDir, processMemoryMb, startCli, type CliMode } from './cli-server.js';
import { measureColdStart, type ColdStartResult } from './cold-start.js';
import { runLoad, type LoadResult } from './load.js';
import { measuredLoad, round, timeReset, timeTestCaseResets, warmUp, type LoadClient } from './measure.js';
import { measureRsaVerifyRate, measureXmlsec1, type XmlsecResult } from './reference-limit.js';
import { fillArchive, timeQueries, type SearchResult } from './search.js';
import { evaluateTargets, printReport } from './report.js';
import { measureClassroom } from './classroom.js';
import { parseBenchOptions, type BenchOptions } from './options.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MB = 1024 * 1024;
/** Messages set aside for warming the server up. */
const WARM_UP = 40;
/** Concurrency levels of the load runs. */
const LEVELS = [1, 8, 32];

type ServerMemory = ReturnType<typeof processMemoryMb>;

/** What every phase of a bench run shares. */
interface Bench {
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

/** How many messages each phase sends, scaled. */
interface Counts {
  readonly perLevel: number;
  readonly bulk: number;
  readonly late: number;
}

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2), process.env);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'kanta-sim-bench-'));
  const dataDir = path.join(tmp, 'data');
  const mode = cliMode(ROOT);
  const log = (line: string): void => {
    process.stderr.write(`bench: ${line}\n`);
  };
  log(
    `scale ${options.scale}; server: ${mode}; load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; data in ${tmp}`,
  );
  try {
    // The data directory is prepared here (PKI, demo parties); the server process finds it ready.
    const { caBundlePem, org, parties } = await prepareDataDir(dataDir);
    const bench: Bench = {
      options,
      tmp,
      dataDir,
      mode,
      caBundlePem,
      server: {},
      client: (kantaPort) => ({
        kantaUrl: `https://127.0.0.1:${kantaPort}/sha`,
        caPem: caBundlePem,
        certPem: org.clientCertPem,
        keyPem: org.clientKeyPem,
      }),
      log,
    };
    const counts: Counts = {
      perLevel: options.count(300, 20),
      bulk: options.count(2000, 50),
      late: options.count(200, 20),
    };
    const started = performance.now();
    const built = await buildMessages(
      parties,
      String(Date.now() % 1_000_000_000),
      WARM_UP + counts.perLevel * LEVELS.length + counts.bulk + counts.late,
    );
    log(`built ${built.length} signed messages in ${Math.round(performance.now() - started)} ms`);
    await writeResults(await measureAll(bench, counts, built));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Every phase in order: load on a fresh archive, references, search on a large one, cold start. */
async function measureAll(bench: Bench, counts: Counts, built: BuiltMessage[]) {
  const messageBytes = Buffer.byteLength(built[0]?.messageXml ?? '');
  const late = built.slice(built.length - counts.late).map((m) => m.messageXml);
  const fresh = await measureFreshArchive(bench, counts, built);
  const sample = built.slice(WARM_UP + counts.perLevel, WARM_UP + 2 * counts.perLevel).map((m) => m.cdaXml);
  const xmlsec = bench.options.skipXmlsec ? undefined : measureReference(bench, sample);
  const rsaVerifyPerSecond = measureRsaVerifyRate();
  built.length = 0;
  const search = await measureSearch(bench, fresh);
  const large = await measureLargeArchive(bench, late, search.documents);
  let coldStart: ColdStartResult | undefined;
  if (!bench.options.skipColdStart) {
    coldStart = await measureColdStart(ROOT, path.join(bench.tmp, 'cold'));
    bench.log(
      `cold start (${coldStart.mode}): first run ${coldStart.firstRunMs} ms, existing data dir ${coldStart.existingDataDirMedianMs} ms`,
    );
  }
  const classroom = await measureClassroom(ROOT, bench.mode, bench.tmp, bench.log);
  const concurrency8 = fresh.load.find((l) => l.concurrency === 8);
  return {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? '',
      memoryMb: Math.round(os.totalmem() / MB),
      node: process.version,
      loadAverageAtStart: os.loadavg(),
      note: 'client (bench process) and server (child process) share the machine',
    },
    scale: bench.options.scale,
    server: { mode: bench.mode, readerThreads: 'default (cores - 1)' },
    documentBytes: { message: messageBytes, cda: Buffer.byteLength(sample[0] ?? '') },
    load: fresh.load,
    bulk: fresh.bulk,
    withLargeArchive: large.withLargeArchive,
    reset: {
      testCase: fresh.resetTestCase,
      small: { documents: fresh.stored, ...fresh.resetSmall },
      large: { documents: search.documents + counts.late, ...large.resetLarge },
    },
    search,
    coldStart,
    classroom,
    reference: {
      xmlsec1: xmlsec,
      rsa2048VerifyPerSecond: rsaVerifyPerSecond,
      ratioToXmlsec1AtConcurrency8:
        xmlsec && concurrency8
          ? round(concurrency8.documentsPerSecond / xmlsec.documentsPerSecond)
          : undefined,
    },
    memory: {
      server: bench.server,
      benchProcessPeakRssMb: Math.round((process.resourceUsage().maxRSS * 1024) / MB),
    },
  };
}

/** The figures with their targets to bench/results/<date>.json and latest.json, and the report printed. */
async function writeResults(results: Awaited<ReturnType<typeof measureAll>>): Promise<void> {
  const withTargets = { ...results, targets: evaluateTargets(results) };
  const dir = path.join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const json = `${JSON.stringify(withTargets, null, 2)}\n`;
  writeFileSync(path.join(dir, `${results.date.slice(0, 10)}.json`), json);
  writeFileSync(path.join(dir, 'latest.json'), json);
  printReport(withTargets);
}

/**
 * The first server, on a fresh archive: warm-up, test-case resets, each load level, the bulk run, then a
 * reset of what was archived. The archive is left in the data directory for the search phase.
 */
async function measureFreshArchive(bench: Bench, counts: Counts, built: BuiltMessage[]) {
  const take = (from: number, n: number): string[] => built.slice(from, from + n).map((m) => m.messageXml);
  const { log, server } = bench;
  const sim = await startCli(ROOT, bench.mode, bench.dataDir);
  const client = bench.client(sim.kantaPort);
  await warmUp(client, take(0, WARM_UP));
  server['warmed up'] = processMemoryMb(sim.child.pid);
  const resetTestCase = await timeTestCaseResets(client, sim.webUrl, take(0, WARM_UP));
  log(`reset after a test case of ${WARM_UP} documents: median ${resetTestCase.medianMs} ms`);
  const load: LoadResult[] = [];
  for (const [i, concurrency] of LEVELS.entries()) {
    const messages = take(WARM_UP + i * counts.perLevel, counts.perLevel);
    const result = await measuredLoad({ ...client, messages, concurrency }, sim.child.pid);
    log(
      `concurrency ${concurrency}: ${result.documentsPerSecond} documents/s, p99 ${result.latencyMs.p99} ms, ${JSON.stringify(result.answers)}, cpu ${JSON.stringify(result.cpu)}`,
    );
    if (result.firstRefusal) {
      log(`first refusal: ${result.firstRefusal.replace(/\s+/g, ' ').slice(0, 1500)}`);
    }
    load.push({ ...result, acknowledged: [] });
  }
  const bulkFrom = WARM_UP + counts.perLevel * LEVELS.length;
  const bulkRun = await measuredLoad(
    { ...client, messages: take(bulkFrom, counts.bulk), concurrency: 8 },
    sim.child.pid,
  );
  const bulk = {
    documents: counts.bulk,
    concurrency: 8,
    elapsedMs: bulkRun.elapsedMs,
    documentsPerSecond: bulkRun.documentsPerSecond,
    answers: bulkRun.answers,
    cpu: bulkRun.cpu,
    projected100kMinutes: round(100_000 / bulkRun.documentsPerSecond / 60),
    projected2MillionHours: round(2_000_000 / bulkRun.documentsPerSecond / 3600),
  };
  log(
    `bulk ${counts.bulk}: ${bulk.documentsPerSecond} documents/s -> 100,000 in ${bulk.projected100kMinutes} min, 2 million in ${bulk.projected2MillionHours} h`,
  );
  server['after load'] = processMemoryMb(sim.child.pid);
  const database = await openDatabase(path.join(bench.dataDir, 'archive.sqlite'));
  const store = new SqliteArchiveStore(database);
  const template = await store.getDocument(built[WARM_UP + counts.perLevel]?.id ?? '');
  const stored = await store.countDocuments({});
  const resetSmall = await timeReset(sim.webUrl);
  log(`reset of ${stored} documents: ${resetSmall.ms} ms (${resetSmall.via})`);
  await sim.stop();
  return { load, bulk, resetTestCase, stored, resetSmall, template, database, store };
}

/** xmlsec1 verifying the same documents in batches: the reference the archive's rate is compared with. */
function measureReference(bench: Bench, sample: string[]): XmlsecResult {
  const xmlsec = measureXmlsec1(sample, bench.caBundlePem, path.join(bench.tmp, 'xmlsec'), 2);
  bench.log(
    `xmlsec1 batch: ${xmlsec.documentsPerSecond} documents/s (${xmlsec.verified}/${xmlsec.documents} verified)`,
  );
  return xmlsec;
}

/**
 * Fills the (stopped) server's archive to the search size and times the archivist's queries on it, then
 * closes the database the fresh-archive phase opened.
 */
async function measureSearch(
  bench: Bench,
  fresh: Pick<Awaited<ReturnType<typeof measureFreshArchive>>, 'database' | 'store' | 'template'>,
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
async function measureLargeArchive(bench: Bench, late: string[], searchCount: number) {
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

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
