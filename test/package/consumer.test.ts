/**
 * The package as a consumer gets it: `npm pack`, the tarball installed into a fresh project (only from the
 * npm registry: better-sqlite3 is built from source there, as the README tells consumers), then `npx kanta-sim
 * start`, the demo document archived with curl, and `startKantaSim()` imported from the package. The
 * tarball ships what a consumer runs and nothing else, and no step prints an npm warning.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completion, isListening, REPO_ROOT, within } from '../support/cli.js';

const run = promisify(execFile);
let work = '';
let consumer = '';
let tarball = '';
let files: string[] = [];

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'kanta-sim-package-'));
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work], {
    cwd: REPO_ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
  const [packed] = JSON.parse(stdout.slice(stdout.indexOf('['))) as {
    filename: string;
    files: { path: string }[];
  }[];
  tarball = path.join(work, packed?.filename ?? '');
  files = (packed?.files ?? []).map((f) => f.path);
  consumer = path.join(work, 'consumer');
  await run('mkdir', ['-p', consumer]);
  writeFileSync(
    path.join(consumer, 'package.json'),
    JSON.stringify(
      {
        name: 'consumer',
        private: true,
        type: 'module',
        // npm 11 asks each project to approve install scripts: better-sqlite3 builds its native module (kanta-sim's
        // packed manifest has no install script of its own).
        allowScripts: { 'better-sqlite3': true },
      },
      null,
      2,
    ),
  );
  // What the README asks of a consumer: better-sqlite3 is built, never downloaded from outside the npm registry.
  writeFileSync(path.join(consumer, '.prebuild-installrc'), 'buildFromSource=true\n');
});

afterAll(() => {
  if (work) {
    rmSync(work, { recursive: true, force: true });
  }
});

describe('the packed package', () => {
  it('holds dist, the test cases, the scenarios, README and LICENSE: no test, bench or TypeScript source', async () => {
    expect(files).toContain('dist/server/main.js');
    expect(files).toContain('dist/server/index.d.ts');
    expect(files).toContain('README.md');
    expect(files).toContain('LICENSE');
    expect(files.some((f) => f.startsWith('fixtures/test-cases/'))).toBe(true);
    expect(files).toContain('fixtures/scenarios/classroom.json');
    const unwanted = files.filter(
      (f) =>
        /^(test|bench|scripts|server|archivist-ui|docs|certs)\//.test(f) ||
        (/\.tsx?$/.test(f) && !f.endsWith('.d.ts')) ||
        /\.test\.|\.map$|tsbuildinfo/.test(f),
    );
    expect(unwanted).toEqual([]);
    const { stdout } = await run('tar', ['-xOzf', tarball, 'package/package.json']);
    const scripts = (JSON.parse(stdout) as { scripts?: Record<string, string> }).scripts ?? {};
    expect(Object.keys(scripts).filter((s) => /^(pre|post)?(install|prepare)$/.test(s))).toEqual([]);
  });

  it('installs into a fresh project without an npm warning', async () => {
    const result = await run('npm', ['install', '--no-audit', '--no-fund', tarball], {
      cwd: consumer,
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(`${result.stdout}\n${result.stderr}`).not.toMatch(/npm warn/i);
    expect(readdirSync(path.join(consumer, 'node_modules/kanta-sim/dist/server'))).toContain('main.js');
  });

  it('npx kanta-sim start archives the demo document over mutual TLS, and stops with npx', async () => {
    const dataDir = path.join(consumer, 'sim-data');
    const npx = spawn(
      'npx',
      ['kanta-sim', 'start', '--data-dir', dataDir, '--port', '0', '--web-port', '0'],
      { cwd: consumer, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const done = completion(npx);
    const out = await new Promise<string>((resolve, reject) => {
      let text = '';
      npx.stdout.on('data', (d: Buffer) => {
        text += d.toString();
        if (text.includes('Stop with Ctrl+C.')) {
          resolve(text);
        }
      });
      void done.then((r) => reject(new Error(`npx kanta-sim start ended: ${r.stderr}`)));
    });
    const kantaUrl = /Kanta interface \(mutual TLS\)\s+(\S+)/.exec(out)?.[1] ?? '';
    const webPort = Number(/Web listener\s+http:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1]);
    const org = path.join(dataDir, 'orgs/1.2.246.10.12345678.10.0');
    const curl = await run('curl', [
      '-sS',
      '--cacert',
      path.join(dataDir, 'pki/ca-bundle.pem'),
      '--cert',
      path.join(org, 'client.pem'),
      '--key',
      path.join(org, 'client.key'),
      '-H',
      'Content-Type: text/xml; charset=utf-8',
      '--data-binary',
      `@${path.join(dataDir, 'demo/archive-client-plan-SP17.xml')}`,
      kantaUrl,
    ]);
    expect(curl.stdout).toContain('typeCode="AA"');
    npx.kill('SIGTERM');
    await within(2000, async () => !(await isListening(webPort)), 'the web port freed');
    const result = await done;
    expect(result.stderr).not.toMatch(/npm warn/i);
  });

  it('startKantaSim() runs from the installed package', async () => {
    writeFileSync(
      path.join(consumer, 'use-api.mjs'),
      [
        "import { startKantaSim } from 'kanta-sim';",
        'const sim = await startKantaSim();',
        'const health = await fetch(`${sim.webUrl}/__sim/health`).then((r) => r.json());',
        'await sim.stop();',
        'console.log(JSON.stringify({ ready: health.ready, kanta: sim.kantaUrl.startsWith("https://") }));',
      ].join('\n'),
    );
    const { stdout } = await run(process.execPath, ['use-api.mjs'], { cwd: consumer });
    expect(JSON.parse(stdout.trim())).toEqual({ ready: true, kanta: true });
  });
});
