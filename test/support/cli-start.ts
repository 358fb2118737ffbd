/**
 * Test support: `kanta-sim start` as a real process (tsx, no build), for tests of what only the process
 * shows: the banner, the exit code and the one-line refusal on stderr.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const MAIN = resolve(ROOT, 'server/main.ts');

export interface StartedProcess {
  readonly child: ChildProcess;
  /** The start-up banner (stdout up to "Stop with Ctrl+C."). */
  readonly banner: string;
  stop(): Promise<void>;
}

export interface ExitedProcess {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `kanta-sim start ARGS`; resolves with the banner once it is ready, or with the exit when it stops
 * first (a refused start). `env` is laid over a copy of this process's environment.
 */
export function runStart(
  args: readonly string[],
  options: {
    readonly env?: Record<string, string>;
    readonly timeoutMs?: number;
    /** Wraps the command line, e.g. to run it in a mount namespace (read-only-fs.ts). */
    readonly wrap?: (argv: string[]) => string[];
  } = {},
): Promise<StartedProcess | ExitedProcess> {
  const { env = {}, timeoutMs = 45_000, wrap = (argv: string[]) => argv } = options;
  const [command, ...rest] = wrap([process.execPath, '--import', 'tsx', MAIN, 'start', ...args]);
  const child = spawn(command as string, rest, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`kanta-sim start did not become ready nor exit: ${stdout}\n${stderr}`));
    }, timeoutMs);
    const onData = (): void => {
      if (stdout.includes('Stop with Ctrl+C.')) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolveStart({
          child,
          banner: stdout,
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      resolveStart({ code, stdout, stderr });
    });
  });
}

/** Narrows a runStart result to a running process, failing with what the process said otherwise. */
export function mustRun(r: StartedProcess | ExitedProcess): StartedProcess {
  if (!('banner' in r)) {
    throw new Error(`kanta-sim start exited ${String(r.code)}: ${r.stderr}${r.stdout}`);
  }
  return r;
}
