/**
 * `npm run bench`: measures kanta-sim on this machine and writes the figures to bench/results/<date>.json
 * and bench/results/latest.json. See docs/performance.md for what is measured and how to read it.
 *
 * Scale every count with BENCH_SCALE=0.1 (or --scale 0.1) for a quick run; --skip-cold-start and
 * --skip-xmlsec leave those parts out.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startKantaSim } from '../server/index.js';
import { buildMessages, type BuildParties } from './build-documents.js';
import { measureColdStart, type ColdStartResult } from './cold-start.js';
import { runLoad, type LoadResult } from './load.js';
import { measureRsaVerifyRate, measureXmlsec1, type XmlsecResult } from './reference-limit.js';
import { fillArchive, timeQueries, type SearchResult } from './search.js';
import { evaluateTargets, printReport } from './report.js';
import { parseBenchOptions } from './options.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MB = 1024 * 1024;

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2), process.env);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'kanta-sim-bench-'));
  const rss: Record<string, number> = {};
  const note = (what: string): void => {
    rss[what] = Math.round(process.memoryUsage().rss / MB);
  };
  const log = (line: string): void => {
    process.stderr.write(`bench: ${line}\n`);
  };
  log(
    `scale ${options.scale}; load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; data in ${tmp}`,
  );
  try {
    const sim = await startKantaSim({ dataDir: path.join(tmp, 'data'), memory: false });
    note('started');
    const org = sim.demo.organiser;
    const pro = sim.demo.professional;
    const parties: BuildParties = {
      organiser: {
        oid: org.oid,
        name: org.name,
        unit: org.units[0] ?? { oid: org.oid, name: org.name },
        signingKeyPem: org.signingKeyPem,
        signingCertPem: org.signingCertPem,
      },
      professional: {
        regno: pro.regno,
        given: pro.given,
        family: pro.family,
        keyPem: pro.keyPem,
        certPem: pro.certPem,
      },
    };
    const levels = [1, 8, 32];
    const perLevel = options.count(300, 20);
    const bulkCount = options.count(2000, 50);
    const started = performance.now();
    const built = await buildMessages(
      parties,
      String(Date.now() % 1_000_000_000),
      20 + perLevel * levels.length + bulkCount,
    );
    const messageBytes = Buffer.byteLength(built[0]?.messageXml ?? '');
    log(`built ${built.length} signed messages in ${Math.round(performance.now() - started)} ms`);
    note('built');
    const client = {
      kantaUrl: sim.kantaUrl,
      caPem: sim.caBundlePem,
      certPem: org.clientCertPem,
      keyPem: org.clientKeyPem,
    };
    const take = (from: number, n: number): string[] => built.slice(from, from + n).map((m) => m.messageXml);
    await runLoad({ ...client, messages: take(0, 20), concurrency: 4 });
    const load: LoadResult[] = [];
    for (const [i, concurrency] of levels.entries()) {
      const result = await runLoad({ ...client, messages: take(20 + i * perLevel, perLevel), concurrency });
      log(
        `concurrency ${concurrency}: ${result.documentsPerSecond} documents/s, p99 ${result.latencyMs.p99} ms, ${JSON.stringify(result.answers)}`,
      );
      if (result.firstRefusal) {
        log(`first refusal: ${result.firstRefusal.replace(/\s+/g, ' ').slice(0, 1500)}`);
      }
      load.push({ ...result, acknowledged: [] });
    }
    const bulkFrom = 20 + perLevel * levels.length;
    const bulkRun = await runLoad({ ...client, messages: take(bulkFrom, bulkCount), concurrency: 8 });
    const bulk = {
      documents: bulkCount,
      concurrency: 8,
      elapsedMs: bulkRun.elapsedMs,
      documentsPerSecond: bulkRun.documentsPerSecond,
      answers: bulkRun.answers,
      projected100kMinutes: round(100_000 / bulkRun.documentsPerSecond / 60),
      projected2MillionHours: round(2_000_000 / bulkRun.documentsPerSecond / 3600),
    };
    log(
      `bulk ${bulkCount}: ${bulk.documentsPerSecond} documents/s -> 100,000 in ${bulk.projected100kMinutes} min, 2 million in ${bulk.projected2MillionHours} h`,
    );
    note('after load');

    const firstId = built[20 + perLevel]?.id ?? '';
    const template = await sim.running.store.getDocument(firstId);
    const stored = await sim.running.store.countDocuments({});
    const resetSmall = await timeReset(sim.webUrl, () => sim.running.store.reset());
    log(`reset of ${stored} documents: ${resetSmall.ms} ms (${resetSmall.via})`);

    let xmlsec: XmlsecResult | undefined;
    const sample = built.slice(20 + perLevel, 20 + 2 * perLevel).map((m) => m.cdaXml);
    if (!options.skipXmlsec) {
      xmlsec = measureXmlsec1(sample, sim.caBundlePem, path.join(tmp, 'xmlsec'), 2);
      log(
        `xmlsec1 batch: ${xmlsec.documentsPerSecond} documents/s (${xmlsec.verified}/${xmlsec.documents} verified)`,
      );
    }
    const rsaVerifyPerSecond = measureRsaVerifyRate();
    built.length = 0;

    const searchCount = options.count(100_000, 1000);
    const fill = await fillArchive(sim.running.store, searchCount, {
      metadataJson: template?.metadataJson ?? '{}',
      serviceRequest: template?.serviceRequest ?? 'SP17',
    });
    const search: SearchResult = {
      documents: searchCount,
      registers: fill.registers,
      clients: fill.clients,
      insertMs: Math.round(fill.insertMs),
      insertPerSecond: Math.round((searchCount / fill.insertMs) * 1000),
      queries: await timeQueries(sim.running.store, fill),
    };
    log(`search over ${searchCount}: ${JSON.stringify(search.queries)}`);
    note('at search documents');
    const resetLarge = await timeReset(sim.webUrl, () => sim.running.store.reset());
    log(`reset of ${searchCount} documents: ${resetLarge.ms} ms (${resetLarge.via})`);
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
        note: 'shared machine: other processes ran at the same time, figures are pessimistic',
      },
      scale: options.scale,
      documentBytes: { message: messageBytes, cda: Buffer.byteLength(sample[0] ?? '') },
      load,
      bulk,
      reset: {
        small: { documents: stored, ...resetSmall },
        large: { documents: searchCount, ...resetLarge },
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
      memory: { rssMb: rss, peakRssMb: Math.round((process.resourceUsage().maxRSS * 1024) / MB) },
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

/** POST /__sim/reset when the web listener offers it, else ArchiveStore.reset() directly. */
async function timeReset(webUrl: string, direct: () => Promise<void>): Promise<{ ms: number; via: string }> {
  // A test suite resets over a warm client; the process's first fetch() alone costs tens of ms (undici
  // loads lazily, a new connection), which is not the reset's time.
  await fetch(`${webUrl}/__sim/health`).catch(() => undefined);
  const t = performance.now();
  const res = await fetch(`${webUrl}/__sim/reset`, { method: 'POST' }).catch(() => undefined);
  if (res && res.status < 300) {
    return { ms: round(performance.now() - t), via: 'POST /__sim/reset' };
  }
  const t2 = performance.now();
  await direct();
  return { ms: round(performance.now() - t2), via: 'ArchiveStore.reset() (no /__sim/reset endpoint yet)' };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
