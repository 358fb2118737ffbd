/**
 * The load generator: POSTs messages to /sha over mutual TLS from `concurrency` keep-alive connections and
 * records each request's latency and acknowledgement type. It runs on the bench's main thread: the server
 * is another process (cli-server.ts), so the bench's CPU during a run is the client's own.
 */
import https from 'node:https';
import type { ThreadCpu } from './cpu.js';

export interface LoadJob {
  readonly kantaUrl: string;
  readonly caPem: string;
  readonly certPem: string;
  readonly keyPem: string;
  readonly messages: readonly string[];
  readonly concurrency: number;
}

export interface LoadResult {
  readonly count: number;
  readonly concurrency: number;
  readonly elapsedMs: number;
  readonly documentsPerSecond: number;
  readonly latencyMs: {
    readonly p50: number;
    readonly p95: number;
    readonly p99: number;
    readonly max: number;
  };
  /** Answers by acknowledgement typeCode (or HTTP status when none). */
  readonly answers: Readonly<Record<string, number>>;
  /** The first answer that was not AA, shortened (empty when all were AA). */
  readonly firstRefusal: string;
  /** Indexes of the messages answered AA. */
  readonly acknowledged: readonly number[];
  /** Filled in by the bench around the run (bench/cpu.ts). */
  readonly cpu?: LoadCpu;
}

/** CPU per document during a load run, and what the rate would be if CPU were the only bound. */
export interface LoadCpu {
  readonly serverMsPerDocument?: number;
  /** serverMsPerDocument by thread (Linux only). */
  readonly serverThreads?: ThreadCpu;
  readonly clientMsPerDocument: number;
  /** Share of the machine's time the hypervisor gave to other guests during the run. */
  readonly stealPercent?: number;
  /** Share of the machine's time other processes used during the run (cpu.ts othersPercent): not idle. */
  readonly othersPercent?: number;
  /** cores x 1000 / (server + client CPU ms per document): the rate on this machine with no neighbours. */
  readonly documentsPerSecondIfCpuBound?: number;
}

/** Runs one load level. */
export async function runLoad(job: LoadJob): Promise<LoadResult> {
  const agent = new https.Agent({
    keepAlive: true,
    maxSockets: job.concurrency,
    ca: job.caPem,
    cert: job.certPem,
    key: job.keyPem,
  });
  const latencies: number[] = [];
  const answers: Record<string, number> = {};
  const acknowledged: number[] = [];
  let firstRefusal = '';
  let next = 0;
  const started = performance.now();
  const client = async (): Promise<void> => {
    while (next < job.messages.length) {
      const i = next++;
      const t = performance.now();
      const { status, typeCode, body } = await post(agent, job.kantaUrl, job.messages[i]!);
      latencies.push(performance.now() - t);
      const type = typeCode ?? `HTTP ${status}`;
      answers[type] = (answers[type] ?? 0) + 1;
      if (type === 'AA') {
        acknowledged.push(i);
      } else if (!firstRefusal) {
        firstRefusal = body.slice(0, 3000);
      }
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, client));
  const elapsedMs = performance.now() - started;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number): number =>
    round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return {
    count: job.messages.length,
    concurrency: job.concurrency,
    elapsedMs: round(elapsedMs),
    documentsPerSecond: round((job.messages.length / elapsedMs) * 1000),
    latencyMs: { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: round(latencies.at(-1) ?? 0) },
    answers,
    firstRefusal,
    acknowledged,
  };
}

export interface Answer {
  readonly status: number;
  /** The acknowledgement's typeCode, when the body carries one. */
  readonly typeCode?: string;
  readonly body: string;
}

/** POSTs a message to /sha; rejects only on a transport error (e.g. the server was killed). */
export function post(agent: https.Agent, kantaUrl: string, body: string): Promise<Answer> {
  const url = new URL(kantaUrl);
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent,
        headers: { 'content-type': 'text/xml; charset=utf-8' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            typeCode: /typeCode="(A[AER])"/.exec(text)?.[1],
            body: text,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
