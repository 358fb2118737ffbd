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
import { cliMode, prepareDataDir, processMemoryMb, startCli } from './cli-server.js';
import { measureColdStart, type ColdStartResult } from './cold-start.js';
import type { LoadResult } from './load.js';
import {
  describeMachine,
  measuredLoad,
  othersDuringLoad,
  round,
  timeReset,
  timeTestCaseResets,
  warmUp,
  warmUpFresh,
} from './measure.js';
import { fasterReference, measureReference, measureRsaVerifyRate, ratioTo } from './reference-limit.js';
import { evaluateTargets, printReport } from './report.js';
import { measureClassroom } from './classroom.js';
import { parseBenchOptions } from './options.js';
import { measureLargeArchive, measureSearch, type Bench } from './large-archive.js';
import { measureSingleRounds, SINGLE_ROUNDS } from './single-rounds.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MB = 1024 * 1024;
/** Messages set aside for warming the server up. */
const WARM_UP = 40;
/** Concurrency levels of the load runs. */
const LEVELS = [1, 8, 32];
/** Where the two-signature messages of the late run begin: after the warm-up and the load levels. */
const lateStart = (counts: Counts): number => WARM_UP + counts.perLevel * LEVELS.length;
/** Where the single-signature messages of the bulk run begin: after the single-signature rounds. */
const bulkStart = (counts: Counts): number => counts.perLevel * SINGLE_ROUNDS;

/** How many messages each phase sends, scaled. */
interface Counts {
  readonly perLevel: number;
  readonly bulk: number;
  readonly late: number;
  /** Fresh documents of each kind archived before anything is measured (see measureFreshArchive). */
  readonly warmFresh: number;
}

/**
 * The messages of a run: two-signature documents (a professional's and the system signature) for the
 * warm-up, the load levels, the late run and the fresh warm-up, in that order; single-signature documents
 * (the system signature only) for the rounds of the single-signature level, the bulk run of old documents
 * and the fresh warm-up.
 */
interface Built {
  readonly two: BuiltMessage[];
  readonly single: BuiltMessage[];
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
      // 1,000 per level: with 300, a level lasted about a second and its p99 was the third-slowest request,
      // one GC pause or group commit from moving by half; the server's JIT was still warming up, too.
      perLevel: options.count(1000, 20),
      bulk: options.count(2000, 50),
      late: options.count(200, 20),
      warmFresh: options.count(1000, 20),
    };
    const started = performance.now();
    const tag = String(Date.now() % 1_000_000_000);
    const built: Built = {
      two: await buildMessages(parties, `${tag}2`, lateStart(counts) + counts.late + counts.warmFresh, 2),
      single: await buildMessages(parties, `${tag}1`, bulkStart(counts) + counts.bulk + counts.warmFresh, 1),
    };
    log(
      `built ${built.two.length} two-signature and ${built.single.length} single-signature messages in ${Math.round(performance.now() - started)} ms`,
    );
    await writeResults(await measureAll(bench, counts, built));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Every phase in order: load on a fresh archive, references, search on a large one, cold start. */
async function measureAll(bench: Bench, counts: Counts, built: Built) {
  const messageBytes = Buffer.byteLength(built.two[0]?.messageXml ?? '');
  const lateFrom = lateStart(counts);
  const late = built.two.slice(lateFrom, lateFrom + counts.late).map((m) => m.messageXml);
  // The two-signature reference verifies exactly the CDAs the concurrency-8 level sends, before and
  // after the load; the single-signature one is measured around each of its rounds (single-rounds.ts).
  const twoSignatureCdas = built.two
    .slice(WARM_UP + counts.perLevel, WARM_UP + 2 * counts.perLevel)
    .map((m) => m.cdaXml);
  const before = measureReference(twoSignatureCdas, bench, 'two-signature, before the load');
  const fresh = await measureFreshArchive(bench, counts, built);
  const twoSignatureReference = fasterReference(
    before,
    measureReference(twoSignatureCdas, bench, 'two-signature, after the load'),
  );
  const rsaVerifyPerSecond = measureRsaVerifyRate();
  built.two.length = 0;
  built.single.length = 0;
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
  const othersMax = othersDuringLoad([...fresh.load, ...fresh.single.loads, fresh.bulk], bench.log);
  return {
    date: new Date().toISOString(),
    machine: describeMachine(othersMax),
    scale: bench.options.scale,
    server: {
      mode: bench.mode,
      readerThreads: process.env.KANTA_SIM_READER_THREADS ?? 'default (cores - 1)',
    },
    documentBytes: {
      message: messageBytes,
      cda: Buffer.byteLength(twoSignatureCdas[0] ?? ''),
      singleSignatureCda: fresh.singleSignatureCdaBytes,
    },
    load: fresh.load,
    singleSignatureAtConcurrency8: fresh.single.level,
    singleSignatureRounds: fresh.single.rounds,
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
      xmlsec1:
        fresh.single.xmlsec1 && twoSignatureReference
          ? { singleSignature: fresh.single.xmlsec1, twoSignatures: twoSignatureReference }
          : undefined,
      rsa2048VerifyPerSecond: rsaVerifyPerSecond,
      ratioAtConcurrency8: {
        singleSignature: fresh.single.ratio,
        twoSignatures: ratioTo(concurrency8, twoSignatureReference),
      },
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
async function measureFreshArchive(bench: Bench, counts: Counts, built: Built) {
  const take = (from: number, n: number, from_ = built.two): string[] =>
    from_.slice(from, from + n).map((m) => m.messageXml);
  const { log, server } = bench;
  const sim = await startCli(ROOT, bench.mode, bench.dataDir);
  const client = bench.client(sim.kantaPort);
  await warmUp(client, take(0, WARM_UP));
  // The test-case resets below empty the archive of these again.
  const warmed = await warmUpFresh(client, [
    take(lateStart(counts) + counts.late, counts.warmFresh),
    take(bulkStart(counts) + counts.bulk, counts.warmFresh, built.single),
  ]);
  log(`warm-up: ${counts.warmFresh} fresh documents of each kind, ${JSON.stringify(warmed)}`);
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
  const rounds = Array.from({ length: SINGLE_ROUNDS }, (_, i) =>
    built.single.slice(i * counts.perLevel, (i + 1) * counts.perLevel),
  );
  const single = await measureSingleRounds(rounds, {
    load: (messages) => measuredLoad({ ...client, messages, concurrency: 8 }, sim.child.pid),
    reference: (cdas, label) => measureReference(cdas, bench, label),
    log,
  });
  const bulkRun = await measuredLoad(
    { ...client, messages: take(bulkStart(counts), counts.bulk, built.single), concurrency: 8 },
    sim.child.pid,
  );
  const bulk = {
    signatures: 1,
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
  const template = await store.getDocument(built.two[WARM_UP + counts.perLevel]?.id ?? '');
  const stored = await store.countDocuments({});
  const resetSmall = await timeReset(sim.webUrl);
  log(`reset of ${stored} documents: ${resetSmall.ms} ms (${resetSmall.via})`);
  await sim.stop();
  return {
    load,
    single,
    singleSignatureCdaBytes: Buffer.byteLength(built.single[0]?.cdaXml ?? ''),
    bulk,
    resetTestCase,
    stored,
    resetSmall,
    template,
    database,
    store,
  };
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
