/**
 * The kanta-sim command as a user runs it, from this checkout's sources (node --import tsx server/main.ts),
 * so the CLI tests need no build. `KANTA_SIM_COMMAND` is the same as a shell word list.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const MAIN_TS = path.join(REPO_ROOT, 'server/main.ts');
/**
 * tsx by its resolved location and the repository's tsconfig (JSX settings), so the command runs from any
 * working directory; run it with KANTA_SIM_ENV.
 */
export const KANTA_SIM_COMMAND = [process.execPath, '--import', import.meta.resolve('tsx'), MAIN_TS] as const;

export const KANTA_SIM_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  TSX_TSCONFIG_PATH: path.join(REPO_ROOT, 'tsconfig.json'),
};

export interface CommandResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Collects a child's output and resolves when it exits. */
export function completion(child: ChildProcess): Promise<CommandResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Runs `kanta-sim ARGS...` to its end. */
export function kantaSim(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CommandResult> {
  const [node, ...nodeArgs] = KANTA_SIM_COMMAND;
  const child = spawn(node, [...nodeArgs, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: options.env ?? KANTA_SIM_ENV,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return completion(child);
}

/** Whether something accepts TCP connections on 127.0.0.1:port. */
export function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Polls until `check` holds or `ms` pass; resolves with the milliseconds it took, or rejects. */
export async function within(ms: number, check: () => Promise<boolean>, what: string): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (await check()) {
      return Date.now() - start;
    }
    if (Date.now() - start > ms) {
      throw new Error(`${what} did not happen within ${ms} ms`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Whether a process id is still alive (and not a zombie waiting to be reaped). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
