/**
 * kanta-sim as the bench's server: a child process running the CLI (`node dist/server/main.js start`, as
 * `npm start` runs it, or tsx on the sources when there is no build), ready when GET /__sim/health
 * answers 200. A separate process, so that the bench's own memory (pre-built messages, load generator)
 * is not counted as the server's, and the server's event loop serves only the server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {
  organisationCredentials,
  professionalCredentials,
  type OrganisationCredentials,
} from '../server/index.js';
import { ensureDemoOrganisation } from '../server/pki/demo.js';
import { ensureTestPki } from '../server/pki/test-pki.js';
import { partiesFrom, type BuildParties } from './build-documents.js';

export type CliMode = 'dist' | 'tsx';

export interface CliServer {
  readonly child: ChildProcess;
  readonly kantaPort: number;
  readonly webUrl: string;
  /** Milliseconds from spawn to the first 200 from /__sim/health. */
  readonly readyMs: number;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** dist when a build exists (what `npx kanta-sim start` runs), else tsx. */
export function cliMode(root: string): CliMode {
  return existsSync(path.join(root, 'dist/server/main.js')) ? 'dist' : 'tsx';
}

/** A TCP port free at the time of asking. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts the CLI on `dataDir` and resolves once it is ready (or rejects after `timeoutMs`). */
export async function startCli(
  root: string,
  mode: CliMode,
  dataDir: string,
  timeoutMs = 60_000,
  extraArgs: readonly string[] = [],
  nodeArgs: readonly string[] = [],
): Promise<CliServer> {
  const [kantaPort, webPort] = [await freePort(), await freePort()];
  const args = [
    'start',
    '--data-dir',
    dataDir,
    '--port',
    String(kantaPort),
    '--web-port',
    String(webPort),
    '--quiet',
    ...extraArgs,
  ];
  const command =
    mode === 'dist'
      ? [...nodeArgs, path.join(root, 'dist/server/main.js'), ...args]
      : [...nodeArgs, '--import', 'tsx', path.join(root, 'server/main.ts'), ...args];
  const started = performance.now();
  const child = spawn(process.execPath, command, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  const webUrl = `http://127.0.0.1:${webPort}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  while (performance.now() - started < timeoutMs) {
    if (child.exitCode !== null) {
      throw new Error(`kanta-sim exited with ${child.exitCode} before ready: ${stderr}`);
    }
    const ok = await fetch(`${webUrl}/__sim/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) {
      const readyMs = Math.round(performance.now() - started);
      return {
        child,
        kantaPort,
        webUrl,
        readyMs,
        stop: async (signal = 'SIGTERM') => {
          if (child.exitCode === null && child.signalCode === null) {
            child.kill(signal);
          }
          await exited;
        },
      };
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  child.kill('SIGKILL');
  throw new Error(`kanta-sim was not ready within ${timeoutMs} ms: ${stderr}`);
}

/** The resident and peak resident memory of process `pid` in MB (Linux /proc), or undefined elsewhere. */
export function processMemoryMb(pid: number | undefined): { rssMb: number; peakRssMb: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string): number =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: Math.round(kb('VmRSS') / 1024), peakRssMb: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return undefined;
  }
}

/** A data directory prepared for a bench server: the test PKI, the demo parties and their credentials. */
export async function prepareDataDir(dataDir: string): Promise<{
  readonly caBundlePem: string;
  readonly org: OrganisationCredentials;
  readonly parties: BuildParties;
}> {
  const pki = await ensureTestPki(dataDir);
  const demo = await ensureDemoOrganisation(dataDir);
  const org = await organisationCredentials(demo.organiser);
  const pro = await professionalCredentials(demo.professional);
  return { caBundlePem: pki.caBundlePem, org, parties: partiesFrom(org, pro) };
}
