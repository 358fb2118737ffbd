/**
 * kanta-sim start and run leave nothing behind: a signal stops start cleanly, a parent that goes away (as
 * npx does when killed: it passes no signal on) takes the server with it, and run stops the simulator
 * whatever CMD does, exiting with CMD's code.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  completion,
  isListening,
  kantaSim,
  KANTA_SIM_COMMAND,
  KANTA_SIM_ENV,
  REPO_ROOT,
  within,
} from '../support/cli.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kanta-sim-lifecycle-'));
  dirs.push(dir);
  return dir;
}

function shellQuote(word: string): string {
  return `'${word.replaceAll("'", "'\\''")}'`;
}

/** The node processes whose command line mentions `marker` (the test's own data directory). */
async function processesWith(marker: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) {
      continue;
    }
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const zombie = stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
    if (cmdline.startsWith(`${process.execPath}\0`) && cmdline.includes(marker) && !zombie) {
      pids.push(Number(entry));
    }
  }
  return pids;
}

/** Starts `kanta-sim start` under `sh -c` (sh stays: the command is not its last); resolves at the banner. */
async function startUnderShell(dataDir: string): Promise<{
  shell: ReturnType<typeof spawn>;
  ports: number[];
  done: ReturnType<typeof completion>;
}> {
  const command = [...KANTA_SIM_COMMAND, 'start', '--data-dir', dataDir, '--port', '0', '--web-port', '0'];
  const shell = spawn('sh', ['-c', `${command.map(shellQuote).join(' ')}; echo shell-done`], {
    cwd: REPO_ROOT,
    env: KANTA_SIM_ENV,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const done = completion(shell);
  let out = '';
  const ports = await new Promise<number[]>((resolve, reject) => {
    shell.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const found = [...out.matchAll(/https?:\/\/127\.0\.0\.1:(\d+)/g)].map((m) => Number(m[1]));
      if (out.includes('kanta-sim is ready') && found.length >= 2) {
        resolve([...new Set(found)]);
      }
    });
    void done.then((r) => reject(new Error(`start ended before it was ready: ${r.stderr}`)));
  });
  return { shell, ports, done };
}

describe('kanta-sim start', { timeout: 60_000 }, () => {
  it('stops cleanly on SIGTERM, freeing both ports', async () => {
    const dataDir = await tempDir();
    const { ports, done } = await startUnderShell(dataDir);
    expect(ports).toHaveLength(2);
    const [server] = await processesWith(dataDir);
    expect(server).toBeDefined();
    process.kill(server as number, 'SIGTERM');
    const result = await done;
    expect(result.stdout).toContain('shell-done');
    expect(result.stdout).toContain('stopping (SIGTERM)');
    for (const port of ports) {
      expect(await isListening(port)).toBe(false);
    }
  });

  it('stops within 2 s when the process that started it is killed, as npx is', async () => {
    const dataDir = await tempDir();
    const { shell, ports } = await startUnderShell(dataDir);
    for (const port of ports) {
      expect(await isListening(port)).toBe(true);
    }
    shell.kill('SIGKILL');
    await within(2000, async () => !(await Promise.all(ports.map(isListening))).some(Boolean), 'ports freed');
    await within(2000, async () => (await processesWith(dataDir)).length === 0, 'the server exited');
  });

  it('--outlive-parent keeps it running after its parent is gone, until a signal', async () => {
    const dataDir = await tempDir();
    const command = [...KANTA_SIM_COMMAND, 'start', '--data-dir', dataDir, '--port', '0', '--web-port', '0'];
    const shell = spawn('sh', ['-c', `${[...command, '--outlive-parent'].map(shellQuote).join(' ')} &`], {
      cwd: REPO_ROOT,
      stdio: 'ignore',
    });
    await completion(shell);
    await within(30_000, async () => (await processesWith(dataDir)).length === 1, 'the server started');
    await new Promise((r) => setTimeout(r, 1500));
    const [server] = await processesWith(dataDir);
    expect(server).toBeDefined();
    process.kill(server as number, 'SIGTERM');
    await within(5000, async () => (await processesWith(dataDir)).length === 0, 'the server exited');
  });
});

describe('kanta-sim run', { timeout: 60_000 }, () => {
  it('runs CMD against a ready simulator, passes its exit code 0, and leaves nothing running', async () => {
    const cwd = await tempDir();
    const result = await kantaSim(
      [
        'run',
        '--',
        'sh',
        '-c',
        'curl -fsS "$KANTA_SIM_WEB_URL/__sim/health" && echo "web=$KANTA_SIM_WEB_URL"',
      ],
      { cwd },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('"ready":true');
    const port = Number(/web=http:\/\/127\.0\.0\.1:(\d+)/.exec(result.stdout)?.[1]);
    expect(await isListening(port)).toBe(false);
    expect(await readdir(cwd)).toEqual([]); // a temporary data directory, removed again
  });

  it('archives the demo message with the credentials it hands to CMD', async () => {
    const result = await kantaSim([
      'run',
      '--quiet',
      '--',
      'sh',
      '-c',
      'curl -sS --cacert "$KANTA_SIM_CA_BUNDLE" --cert "$KANTA_SIM_CLIENT_CERT" --key "$KANTA_SIM_CLIENT_KEY" ' +
        '-H "Content-Type: text/xml; charset=utf-8" --data-binary @"$KANTA_SIM_DEMO_MESSAGE" "$KANTA_SIM_KANTA_URL"',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('typeCode="AA"');
  });

  it("exits with a failing CMD's code, and 127 for a CMD that does not exist", async () => {
    const failing = await kantaSim(['run', '--quiet', '--', 'sh', '-c', 'exit 7']);
    expect(failing.code).toBe(7);
    const missing = await kantaSim(['run', '--quiet', '--', 'no-such-command-kanta-sim']);
    expect(missing.code).toBe(127);
    expect(missing.stderr).toContain('command not found');
  });

  it('refuses a missing CMD with its usage and exit code 2', async () => {
    const result = await kantaSim(['run', '--data-dir', os.tmpdir()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage: kanta-sim run');
  });
});
