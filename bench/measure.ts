/**
 * The bench's timing tools: warming the server up, one load level with its CPU account, and the archive
 * resets a test suite does. Each talks to a running kanta-sim; run.ts decides what to measure when.
 */
import os from 'node:os';
import {
  machineTicks,
  othersPercent,
  processCpuMs,
  stealPercent,
  threadCpuMs,
  threadCpuShares,
} from './cpu.js';
import { runLoad, type LoadCpu, type LoadJob, type LoadResult } from './load.js';

/** How long the server is warmed up before anything is measured (see warmUp). */
const WARM_UP_MS = 2000;

/** A load client without its messages and concurrency: where to send and with which credentials. */
export type LoadClient = Omit<LoadJob, 'messages' | 'concurrency'>;

/**
 * Sends `messages` (again and again: a resubmission is read and verified like a first one) for at least
 * WARM_UP_MS, so that the server's reader threads have loaded and its reading code is compiled before
 * anything is measured, as in a test suite that has been running for a while. Resubmissions never reach
 * the store's insert path: run.ts archives fresh documents after this.
 */
export async function warmUp(client: LoadClient, messages: string[]): Promise<void> {
  const started = performance.now();
  while (performance.now() - started < WARM_UP_MS) {
    await runLoad({ ...client, messages, concurrency: 4 });
  }
}

/**
 * Archives each set of fresh documents in turn at concurrency 8; answers each set's counts by type. Why:
 * resubmissions (warmUp) never reach the store's insert path, and the rest of V8's compiling took the
 * first ~3,000 fresh documents (the server's other threads' CPU per document fell from ~1 ms to ~0.25 ms,
 * docs/performance.md), so without this the first levels measured a server still warming up.
 */
export async function warmUpFresh(
  client: LoadClient,
  sets: readonly string[][],
): Promise<Record<string, number>[]> {
  const answers: Record<string, number>[] = [];
  for (const messages of sets) {
    answers.push((await runLoad({ ...client, messages, concurrency: 8 })).answers);
  }
  return answers;
}

/**
 * One load level with its CPU account: the server's CPU milliseconds per document (all its threads), the
 * client's (this process: the load generator's TLS and HTTP), the hypervisor's steal during the level,
 * and the rate both would reach if they had every core of the machine to themselves.
 */
export async function measuredLoad(
  job: LoadJob,
  serverPid: number | undefined,
): Promise<LoadResult & { cpu: LoadCpu }> {
  const ticks = machineTicks();
  const server = processCpuMs(serverPid);
  const threads = threadCpuMs(serverPid);
  const bench = process.cpuUsage();
  const result = await runLoad(job);
  const benchUsage = process.cpuUsage(bench);
  const serverAfter = processCpuMs(serverPid);
  const threadsAfter = threadCpuMs(serverPid);
  const ticksAfter = machineTicks();
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
      ...(threadsAfter.size > 0
        ? { serverThreads: threadCpuShares(serverPid, threads, threadsAfter, result.count) }
        : {}),
      clientMsPerDocument: clientPerDocument,
      stealPercent: stealPercent(ticks, ticksAfter),
      othersPercent: othersPercent(ticks, ticksAfter, (serverMs ?? 0) + clientMs),
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
export async function timeTestCaseResets(
  client: LoadClient,
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
export async function timeReset(webUrl: string): Promise<{ ms: number; via: string }> {
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

/** Two decimals, for figures people read. */
export function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Other processes' share of the machine above which a load run does not count as idle. */
export const IDLE_OTHERS_PERCENT = 5;

/** The most of the machine other processes used during a load run; says so when that was not idle. */
export function othersDuringLoad(
  runs: readonly { readonly cpu?: LoadResult['cpu'] }[],
  log: (line: string) => void,
): number {
  const most = Math.max(0, ...runs.map((l) => l.cpu?.othersPercent ?? 0));
  if (most > IDLE_OTHERS_PERCENT) {
    log(
      `NOT IDLE: other processes used up to ${most}% of the machine during the load runs; their rates are low. Run the bench again when nothing else runs.`,
    );
  }
  return most;
}

/** The machine the figures were measured on; `othersMax` from othersDuringLoad. */
export function describeMachine(othersMax: number) {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? '',
    memoryMb: Math.round(os.totalmem() / (1024 * 1024)),
    node: process.version,
    loadAverageAtStart: os.loadavg(),
    /** Whether nothing else used more than IDLE_OTHERS_PERCENT of the machine during the load runs. */
    idle: othersMax <= IDLE_OTHERS_PERCENT,
    othersPercentMax: othersMax,
    note: 'client (bench process) and server (child process) share the machine',
  };
}
