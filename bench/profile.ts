/**
 * `npm run bench:profile`: where the server's CPU goes while it archives at concurrency 8. Starts the
 * built server (as `npm start` runs it) with `node --cpu-prof`, which writes one profile per thread (the
 * main thread and each document reader thread); sends BENCH_PROFILE_DOCS documents (default 1000) after a
 * warm-up (two-signature documents; BENCH_PROFILE_SIGNATURES=1 for single-signature ones); and sums each
 * thread's samples taken during the measured window by where the time went. The warm-up is the bench's:
 * 2 s of resubmissions, then BENCH_PROFILE_WARM fresh documents (default 2000), because V8 keeps
 * compiling over the first few thousand (measure.ts warmUpFresh) and a profile should show the server
 * the bench measures.
 * The .cpuprofile files stay in bench/results/profile/ for Chrome DevTools or speedscope.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildMessages } from './build-documents.js';
import { cliMode, prepareDataDir, startCli } from './cli-server.js';
import { threadCpuMs, threadCpuShares } from './cpu.js';
import { categorise, type CpuProfile } from './profile-categories.js';
import { runLoad } from './load.js';
import { warmUp, warmUpFresh } from './measure.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

async function main(): Promise<void> {
  const count = Number(process.env.BENCH_PROFILE_DOCS ?? 1000);
  const signatures = process.env.BENCH_PROFILE_SIGNATURES === '1' ? 1 : 2;
  const warmFresh = Number(process.env.BENCH_PROFILE_WARM ?? 2000);
  const out = path.join(ROOT, 'bench/results/profile');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'kanta-sim-profile-'));
  try {
    const dataDir = path.join(tmp, 'data');
    const { caBundlePem, org, parties } = await prepareDataDir(dataDir);
    const built = await buildMessages(
      parties,
      String(Date.now() % 1_000_000_000),
      count + 40 + warmFresh,
      signatures,
    );
    const messages = built.map((m) => m.messageXml);
    const server = await startCli(
      ROOT,
      cliMode(ROOT),
      dataDir,
      60_000,
      [],
      ['--cpu-prof', '--cpu-prof-dir', out],
    );
    const client = {
      kantaUrl: `https://127.0.0.1:${server.kantaPort}/sha`,
      caPem: caBundlePem,
      certPem: org.clientCertPem,
      keyPem: org.clientKeyPem,
    };
    await warmUp(client, messages.slice(0, 40));
    await warmUpFresh(client, [messages.slice(40, 40 + warmFresh)]);
    // Profile timestamps and hrtime are both CLOCK_MONOTONIC microseconds on Linux.
    const from = Number(process.hrtime.bigint() / 1000n);
    const pid = server.child.pid;
    const cpuBefore = threadCpuMs(pid);
    const load = await runLoad({ ...client, messages: messages.slice(40 + warmFresh), concurrency: 8 });
    const cpu = threadCpuShares(pid, cpuBefore, threadCpuMs(pid), count);
    const to = Number(process.hrtime.bigint() / 1000n);
    await server.stop();
    const threads = readdirSync(out)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((file) => {
        const profile = JSON.parse(readFileSync(path.join(out, file), 'utf8')) as CpuProfile;
        return { file, ...categorise(profile, from, to) };
      })
      .filter((t) => t.busyMs > 0)
      .sort((a, b) => b.busyMs - a.busyMs);
    const summary = {
      date: new Date().toISOString(),
      documents: count,
      signatures,
      warmFresh,
      window: { fromMicros: from, toMicros: to },
      load,
      cpu,
      threads,
    };
    writeFileSync(path.join(out, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    const lines = [
      `${count} ${signatures === 1 ? 'single' : 'two'}-signature documents at concurrency 8: ${load.documentsPerSecond} documents/s, p99 ${load.latencyMs.p99} ms`,
      `CPU per document from /proc (not sampled; profiling slows every thread): main thread ${cpu.mainMs} ms, reader thread ${cpu.readerMs} ms, other threads (V8 GC helpers, WAL checkpoints, libuv pool) ${cpu.otherMs} ms`,
    ];
    for (const t of threads) {
      lines.push('', `${t.thread} (${t.file}): busy ${(t.busyMs / count).toFixed(2)} ms per document`);
      for (const [what, ms] of t.categories) {
        lines.push(
          `  ${(ms / count).toFixed(3).padStart(7)} ms  ${((ms / t.busyMs) * 100).toFixed(1).padStart(5)} %  ${what}`,
        );
      }
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:profile: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
