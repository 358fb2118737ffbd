/**
 * Every command the documentation shows is a promise: each fenced sh block of README.md and docs/*.md, each
 * command of the README's CLI table and each command the start banner prints runs here, as a user would
 * run it, against a simulator started with `kanta-sim start` in a temporary directory. Placeholders are
 * filled and the example ports replaced by free ones (documented-commands.json); what cannot run in a test
 * is listed there with its reason. A block that starts its own simulator must leave its ports free.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../bench/cli-server.js';
import {
  completion,
  isListening,
  KANTA_SIM_COMMAND,
  KANTA_SIM_ENV,
  REPO_ROOT,
  within,
} from '../support/cli.js';

interface Exemption {
  readonly file?: string;
  readonly contains?: string;
  readonly table?: string;
  readonly reason: string;
}
interface Fill {
  readonly file: string;
  readonly replace: string;
  readonly with: string;
}
interface CommandsFile {
  readonly exempt: readonly Exemption[];
  readonly fill: readonly Fill[];
  readonly table: Readonly<Record<string, readonly string[]>>;
  readonly banner: readonly { readonly replace: string; readonly with: string }[];
}

const SPEC = JSON.parse(
  readFileSync(path.join(import.meta.dirname, 'documented-commands.json'), 'utf8'),
) as CommandsFile;

const DOC_FILES = [
  'README.md',
  ...readdirSync(path.join(REPO_ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`),
];

interface Block {
  readonly file: string;
  readonly text: string;
}

function shellBlocks(file: string): Block[] {
  const text = readFileSync(path.join(REPO_ROOT, file), 'utf8');
  return [...text.matchAll(/^```(?:sh|bash|shell)\n([\s\S]*?)^```/gm)].map((m) => ({
    file,
    text: m[1] ?? '',
  }));
}

/** The commands of the README's CLI table: the code spans of its first column (`org list` is kanta-sim's). */
function cliTableCommands(): string[] {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(
    readme.indexOf('## The CLI'),
    readme.indexOf('\n## ', readme.indexOf('## The CLI') + 1),
  );
  const commands: string[] = [];
  for (const row of section.split('\n').filter((l) => l.startsWith('| `'))) {
    const firstCell = row.replaceAll('\\|', '\u0000').split('|')[1] ?? '';
    for (const span of firstCell.matchAll(/`([^`]+)`/g)) {
      commands.push((span[1] ?? '').replaceAll('\u0000', '|'));
    }
  }
  return commands;
}

function exemptionFor(block: Block): Exemption | undefined {
  return SPEC.exempt.find((e) => e.file === block.file && e.contains && block.text.includes(e.contains));
}

function filled(block: Block): string {
  return SPEC.fill
    .filter((f) => f.file === block.file)
    .reduce((t, f) => t.replaceAll(f.replace, f.with), block.text);
}

function withPorts(text: string, kanta: number, web: number): string {
  return text
    .replaceAll(':8443', `:${kanta}`)
    .replaceAll(':8080', `:${web}`)
    .replace(/--port 8443\b/g, `--port ${kanta}`)
    .replace(/--web-port 8080\b/g, `--web-port ${web}`);
}

function startsOwnSimulator(text: string): boolean {
  return /kanta-sim (start|run)\b/.test(text);
}

let work = '';
let kantaPort = 0;
let webPort = 0;
let banner = '';
let simulator: ReturnType<typeof spawn> | undefined;

/** The environment of every command: kanta-sim on PATH (and for npx), the default ports pointing at `ports`. */
function environment(ports: { kanta: number; web: number }): NodeJS.ProcessEnv {
  return {
    ...KANTA_SIM_ENV,
    PATH: `${path.join(work, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
    KANTA_SIM_PORT: String(ports.kanta),
    KANTA_SIM_WEB_PORT: String(ports.web),
  };
}

/** Runs a shell script in the work directory; resolves when bash exits (not when every descendant has). */
async function runScript(
  script: string,
  ports: { kanta: number; web: number },
): Promise<{ code: number | null; output: string }> {
  const strict = /^set -e/m.test(script) ? '' : 'set -eo pipefail\n';
  const child = spawn('bash', ['-c', strict + script], {
    cwd: work,
    env: environment(ports),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (c) => resolve(c));
  });
  return { code, output };
}

/** Runs one documented script and asserts it succeeded, leaving no simulator of its own behind. */
async function expectRuns(script: string): Promise<string> {
  const own = startsOwnSimulator(script);
  const ports = own ? { kanta: await freePort(), web: await freePort() } : { kanta: kantaPort, web: webPort };
  const result = await runScript(withPorts(script, ports.kanta, ports.web), ports);
  expect(result.code, `${script}\n--- output:\n${result.output}`).toBe(0);
  if (own) {
    await within(
      2000,
      async () => !(await isListening(ports.kanta)) && !(await isListening(ports.web)),
      'ports freed',
    );
  }
  return result.output;
}

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'kanta-sim-docs-'));
  // A consumer-like directory: `npx kanta-sim` and `kanta-sim` run this checkout, as in a clone after npm install.
  writeFileSync(path.join(work, 'package.json'), '{ "name": "docs-check", "private": true }\n');
  mkdirSync(path.join(work, 'node_modules/.bin'), { recursive: true });
  const bin = path.join(work, 'node_modules/.bin/kanta-sim');
  writeFileSync(bin, `#!/bin/sh\nexec ${KANTA_SIM_COMMAND.map((w) => `'${w}'`).join(' ')} "$@"\n`);
  chmodSync(bin, 0o755);
  kantaPort = await freePort();
  webPort = await freePort();
  const [node, ...args] = KANTA_SIM_COMMAND;
  simulator = spawn(
    node,
    [
      ...args,
      'start',
      '--data-dir',
      path.join(work, '.kanta-sim'),
      '--port',
      `${kantaPort}`,
      '--web-port',
      `${webPort}`,
    ],
    { cwd: work, env: KANTA_SIM_ENV, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const done = completion(simulator);
  banner = await new Promise<string>((resolve, reject) => {
    let out = '';
    simulator?.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Stop with Ctrl+C.')) {
        resolve(out);
      }
    });
    void done.then((r) => reject(new Error(`kanta-sim start ended: ${r.stderr}`)));
  });
}, 120_000);

afterAll(async () => {
  if (simulator?.pid) {
    const done = completion(simulator);
    simulator.kill('SIGTERM');
    await done;
  }
  rmSync(work, { recursive: true, force: true });
});

describe('the documented commands', { timeout: 180_000 }, () => {
  for (const file of DOC_FILES) {
    shellBlocks(file).forEach((block, n) => {
      const exemption = exemptionFor(block);
      const title = `${file} block ${n + 1}: ${block.text.split('\n').find((l) => l && !l.startsWith('#'))}`;
      if (exemption) {
        it(`${title} is exempt with a reason`, () => expect(exemption.reason.length).toBeGreaterThan(20));
      } else {
        it(title, async () => {
          await expectRuns(filled(block));
        });
      }
    });
  }

  for (const command of cliTableCommands()) {
    const exempt = SPEC.exempt.find((e) => e.table === command);
    it(`the CLI table's ${command}`, async () => {
      if (exempt) {
        expect(exempt.reason.length).toBeGreaterThan(20);
        return;
      }
      const concrete = SPEC.table[command];
      expect(concrete, `documented-commands.json has no concrete form of "${command}"`).toBeDefined();
      await expectRuns((concrete ?? []).join('\n'));
    });
  }

  it('the start banner: the curl line archives the demo document, and the org add line registers', async () => {
    const lines = banner.replaceAll('\\\n', ' ').split('\n');
    const curl = lines.find((l) => l.trim().startsWith('curl '))?.trim();
    const orgAdd = lines
      .map((l) => l.slice(l.indexOf('npx kanta-sim')))
      .find((l) => l.startsWith('npx kanta-sim'));
    expect(curl).toBeDefined();
    expect(orgAdd).toBeDefined();
    const fill = (t: string): string => SPEC.banner.reduce((s, f) => s.replaceAll(f.replace, f.with), t);
    expect(await expectRuns(fill(curl ?? ''))).toContain('typeCode="AA"');
    expect(await expectRuns(fill(orgAdd ?? ''))).toContain('Registered organisation Bannerikunta');
  });

  it('documented-commands.json names nothing that no longer exists', () => {
    const blocks = DOC_FILES.flatMap(shellBlocks);
    const table = cliTableCommands();
    for (const e of SPEC.exempt) {
      const used = e.table ? table.includes(e.table) : blocks.some((b) => exemptionFor(b) === e);
      expect(used, `stale exemption ${JSON.stringify(e)}`).toBe(true);
    }
    for (const f of SPEC.fill) {
      expect(
        blocks.some((b) => b.file === f.file && b.text.includes(f.replace)),
        `stale fill ${JSON.stringify(f)}`,
      ).toBe(true);
    }
    for (const key of Object.keys(SPEC.table)) {
      expect(table, `table entry "${key}" is not in the README's CLI table`).toContain(key);
    }
  });
});
