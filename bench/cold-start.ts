/**
 * Cold start to ready: a child process running the CLI (`node dist/server/main.js start`, or tsx on the
 * sources when there is no build) is timed from spawn until GET /__sim/health answers 200.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

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
  ];
  const command =
    mode === 'dist'
      ? [path.join(root, 'dist/server/main.js'), ...args]
      : ['--import', 'tsx', path.join(root, 'server/main.ts'), ...args];
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

export interface ColdStartResult {
  readonly mode: CliMode;
  /** First run on an empty data directory: generates the test PKI and the demo organisation. */
  readonly firstRunMs: number;
  /** Later runs on the same data directory (each a fresh process). */
  readonly existingDataDirMs: readonly number[];
  readonly existingDataDirMedianMs: number;
}

/** Times a first start on `dataDir` and `repeats` restarts on it. */
export async function measureColdStart(root: string, dataDir: string, repeats = 3): Promise<ColdStartResult> {
  const mode = cliMode(root);
  const first = await startCli(root, mode, dataDir);
  await first.stop();
  const again: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const s = await startCli(root, mode, dataDir);
    again.push(s.readyMs);
    await s.stop();
  }
  const sorted = [...again].sort((a, b) => a - b);
  return {
    mode,
    firstRunMs: first.readyMs,
    existingDataDirMs: again,
    existingDataDirMedianMs: sorted[Math.floor(sorted.length / 2)] ?? 0,
  };
}
