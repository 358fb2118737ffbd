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
import { buildMessages } from './build-documents.js';
import { cliMode, prepareDataDir, processMemoryMb, startCli } from './cli-server.js';
import { measureColdStart, type ColdStartResult } from './cold-start.js';
import { machineTicks, processCpuMs, stealPercent } from './cpu.js';
import { runLoad, type LoadCpu, type LoadJob, type LoadResult } from './load.js';
import { measureRsaVerifyRate, measureXmlsec1, type XmlsecResult } from './reference-limit.js';
import { fillArchive, timeQueries, type SearchResult } from './search.js';
import { evaluateTargets, printReport } from './report.js';
import { parseBenchOptions } from './options.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MB = 1024 * 1024;
/** Messages set aside for warming the server up, and for how long it is warmed (see warmUp). */
const WARM_UP = 40;
const WARM_UP_MS = 2000;

type ServerMemory = ReturnType<typeof processMemoryMb>;

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2), process.env);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'kanta-sim-bench-'));
  const dataDir = path.join(tmp, 'data');
  const mode = cliMode(ROOT);
  const server: Record<string, ServerMemory | undefined> = {};
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
    const levels = [1, 8, 32];
    const perLevel = options.count(300, 20);
    const bulkCount = options.count(2000, 50);
    const lateCount = options.count(200, 20);
    const started = performance.now();
    const built = await buildMessages(
      parties,
      String(Date.now() % 1_000_000_000),
      WARM_UP + perLevel * levels.length + bulkCount + lateCount,
    );
    const messageBytes = Buffer.byteLength(built[0]?.messageXml ?? '');
    log(`built ${built.length} signed messages in ${Math.round(performance.now() - started)} ms`);
    const take = (from: number, n: number): string[] => built.slice(from, from + n).map((m) => m.messageXml);
    const late = take(built.length - lateCount, lateCount);

    let sim = await startCli(ROOT, mode, dataDir);
    const client = (kantaPort: number): Omit<LoadJob, 'messages' | 'concurrency'> => ({
      kantaUrl: `https://127.0.0.1:${kantaPort}/sha`,
      caPem: caBundlePem,
      certPem: org.clientCertPem,
      keyPem: org.clientKeyPem,
    });
    await warmUp(client(sim.kantaPort), take(0, WARM_UP));
    server['warmed up'] = processMemoryMb(sim.child.pid);
    const resetTestCase = await timeTestCaseResets(client(sim.kantaPort), sim.webUrl, take(0, WARM_UP));
    log(`reset after a test case of ${WARM_UP} documents: median ${resetTestCase.medianMs} ms`);
    const load: LoadResult[] = [];
    for (const [i, concurrency] of levels.entries()) {
      const messages = take(WARM_UP + i * perLevel, perLevel);
      const result = await measuredLoad({ ...client(sim.kantaPort), messages, concurrency }, sim.child.pid);
      log(
        `concurrency ${concurrency}: ${result.documentsPerSecond} documents/s, p99 ${result.latencyMs.p99} ms, ${JSON.stringify(result.answers)}, cpu ${JSON.stringify(result.cpu)}`,
      );
      if (result.firstRefusal) {
        log(`first refusal: ${result.firstRefusal.replace(/\s+/g, ' ').slice(0, 1500)}`);
      }
      load.push({ ...result, acknowledged: [] });
    }
    const bulkFrom = WARM_UP + perLevel * levels.length;
    const bulkRun = await measuredLoad(
      { ...client(sim.kantaPort), messages: take(bulkFrom, bulkCount), concurrency: 8 },
      sim.child.pid,
    );
    const bulk = {
      documents: bulkCount,
      concurrency: 8,
      elapsedMs: bulkRun.elapsedMs,
      documentsPerSecond: bulkRun.documentsPerSecond,
      answers: bulkRun.answers,
      cpu: bulkRun.cpu,
      projected100kMinutes: round(100_000 / bulkRun.documentsPerSecond / 60),
      projected2MillionHours: round(2_000_000 / bulkRun.documentsPerSecond / 3600),
    };
    log(
      `bulk ${bulkCount}: ${bulk.documentsPerSecond} documents/s -> 100,000 in ${bulk.projected100kMinutes} min, 2 million in ${bulk.projected2MillionHours} h`,
    );
    server['after load'] = processMemoryMb(sim.child.pid);

    const database = await openDatabase(path.join(dataDir, 'archive.sqlite'));
    const store = new SqliteArchiveStore(database);
    const template = await store.getDocument(built[WARM_UP + perLevel]?.id ?? '');
    const stored = await store.countDocuments({});
    const resetSmall = await timeReset(sim.webUrl);
    log(`reset of ${stored} documents: ${resetSmall.ms} ms (${resetSmall.via})`);
    await sim.stop();

    let xmlsec: XmlsecResult | undefined;
    const sample = built.slice(WARM_UP + perLevel, WARM_UP + 2 * perLevel).map((m) => m.cdaXml);
    if (!options.skipXmlsec) {
      xmlsec = measureXmlsec1(sample, caBundlePem, path.join(tmp, 'xmlsec'), 2);
      log(
        `xmlsec1 batch: ${xmlsec.documentsPerSecond} documents/s (${xmlsec.verified}/${xmlsec.documents} verified)`,
      );
    }
    const rsaVerifyPerSecond = measureRsaVerifyRate();
    built.length = 0;

    const searchCount = options.count(100_000, 1000);
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
    log(`search over ${searchCount}: ${JSON.stringify(search.queries)}`);

    // The server on the large archive: start, archive more, then its memory and a reset of it all.
    sim = await startCli(ROOT, mode, dataDir);
    const readyWithLargeArchiveMs = sim.readyMs;
    await warmUp(client(sim.kantaPort), late.slice(0, Math.min(20, late.length)));
    const lateRun = await runLoad({ ...client(sim.kantaPort), messages: late, concurrency: 8 });
    server['at search documents'] = processMemoryMb(sim.child.pid);
    log(
      `with ${searchCount} documents: ready in ${readyWithLargeArchiveMs} ms, ${lateRun.documentsPerSecond} documents/s, server RSS ${JSON.stringify(server['at search documents'])}`,
    );
    const resetLarge = await timeReset(sim.webUrl);
    log(`reset of ${searchCount + lateCount} documents: ${resetLarge.ms} ms (${resetLarge.via})`);
    await sim.stop();

    let coldStart: ColdStartResult | undefined;
    if (!options.skipColdStart) {
      coldStart = await measureColdStart(ROOT, path.join(tmp, 'cold'));
      log(
        `cold start (${coldStart.mode}): first run ${coldStart.firstRunMs} ms, existing data dir ${coldStart.existingDataDirMedianMs} ms`,
      );
    }
    const concurrency8 = load.find((l) => l.concurrency === 8);
    const results = {
      date: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? '',
        memoryMb: Math.round(os.totalmem() / MB),
        node: process.version,
        loadAverageAtStart: os.loadavg(),
        note: 'client (bench process) and server (child process) share the machine',
      },
      scale: options.scale,
      server: { mode, readerThreads: 'default (cores - 1)' },
      documentBytes: { message: messageBytes, cda: Buffer.byteLength(sample[0] ?? '') },
      load,
      bulk,
      withLargeArchive: {
        documents: searchCount,
        readyMs: readyWithLargeArchiveMs,
        documentsPerSecond: lateRun.documentsPerSecond,
        latencyMs: lateRun.latencyMs,
        answers: lateRun.answers,
      },
      reset: {
        testCase: resetTestCase,
        small: { documents: stored, ...resetSmall },
        large: { documents: searchCount + lateCount, ...resetLarge },
      },
      search,
      coldStart,
      reference: {
        xmlsec1: xmlsec,
        rsa2048VerifyPerSecond: rsaVerifyPerSecond,
        ratioToXmlsec1AtConcurrency8:
          xmlsec && concurrency8
            ? round(concurrency8.documentsPerSecond / xmlsec.documentsPerSecond)
            : undefined,
      },
      memory: {
        server,
        benchProcessPeakRssMb: Math.round((process.resourceUsage().maxRSS * 1024) / MB),
      },
    };
    const withTargets = { ...results, targets: evaluateTargets(results) };
    const dir = path.join(ROOT, 'bench/results');
    mkdirSync(dir, { recursive: true });
    const json = `${JSON.stringify(withTargets, null, 2)}\n`;
    writeFileSync(path.join(dir, `${results.date.slice(0, 10)}.json`), json);
    writeFileSync(path.join(dir, 'latest.json'), json);
    printReport(withTargets);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Sends `messages` (again and again: a resubmission is read and verified like a first one) for at least
 * WARM_UP_MS, so that the server's reader threads have loaded and its code is compiled before anything
 * is measured, as in a test suite that has been running for a while.
 */
async function warmUp(client: Omit<LoadJob, 'messages' | 'concurrency'>, messages: string[]): Promise<void> {
  const started = performance.now();
  while (performance.now() - started < WARM_UP_MS) {
    await runLoad({ ...client, messages, concurrency: 4 });
  }
}

/**
 * One load level with its CPU account: the server's CPU milliseconds per document (all its threads), the
 * client's (this process: the load generator's TLS and HTTP), the hypervisor's steal during the level,
 * and the rate both would reach if they had every core of the machine to themselves.
 */
async function measuredLoad(
  job: LoadJob,
  serverPid: number | undefined,
): Promise<LoadResult & { cpu: LoadCpu }> {
  const ticks = machineTicks();
  const server = processCpuMs(serverPid);
  const bench = process.cpuUsage();
  const result = await runLoad(job);
  const benchUsage = process.cpuUsage(bench);
  const serverAfter = processCpuMs(serverPid);
  const serverMs = server === undefined || serverAfter === undefined ? undefined : serverAfter - server;
  const clientMs = (benchUsage.user + benchUsage.system) / 1000;
  const perDocument = (ms: number | undefined): number | undefined =>
    ms === undefined ? undefined : round(ms / result.count);
  const serverPerDocument = perDocument(serverMs);
  const clientPerDocument = perDocument(clientMs) ?? 0;
  return {
    ...result,
    cpu: {
      serverMsPerDocument: serverPerDocument,
      clientMsPerDocument: clientPerDocument,
      stealPercent: stealPercent(ticks, machineTicks()),
      documentsPerSecondIfCpuBound:
        serverPerDocument === undefined
          ? undefined
          : round((os.availableParallelism() * 1000) / (serverPerDocument + clientPerDocument)),
    },
  };
}

/**
 * The reset a test suite does between test cases: archive a test case's documents, reset, five times;
 * the median and every time.
 */
async function timeTestCaseResets(
  client: Omit<LoadJob, 'messages' | 'concurrency'>,
  webUrl: string,
  messages: string[],
): Promise<{ documents: number; medianMs: number; ms: number[] }> {
  const ms: number[] = [];
  for (let i = 0; i < 5; i++) {
    await runLoad({ ...client, messages, concurrency: 4 });
    ms.push((await timeReset(webUrl)).ms);
  }
  const sorted = [...ms].sort((a, b) => a - b);
  return { documents: messages.length, medianMs: sorted[2] ?? 0, ms };
}

/** POST /__sim/reset on the server's web listener, over a warm connection. */
async function timeReset(webUrl: string): Promise<{ ms: number; via: string }> {
  // A test suite resets over a warm client; the process's first fetch() alone costs tens of ms (undici
  // loads lazily, a new connection), which is not the reset's time.
  await fetch(`${webUrl}/__sim/health`).catch(() => undefined);
  const t = performance.now();
  const res = await fetch(`${webUrl}/__sim/reset`, { method: 'POST' });
  if (res.status >= 300) {
    throw new Error(`POST /__sim/reset answered ${res.status}: ${await res.text()}`);
  }
  return { ms: round(performance.now() - t), via: 'POST /__sim/reset' };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
