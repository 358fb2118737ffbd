/**
 * Every command's usage text promises exit code 2 for a usage error (send: 4). Run as a real process,
 * because the exit code is decided by main.ts for errors the commands throw.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MAIN = path.resolve(ROOT, 'server/main.ts');
const dataDir = mkdtempSync(path.join(tmpdir(), 'kanta-sim-usage-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function run(args: readonly string[]): { code: number | null; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args, '--data-dir', dataDir], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stderr: r.stderr };
}

describe('usage errors exit 2 and say what is wrong, without a stack', () => {
  it.each([
    [['start', '--port', 'abc'], '--port'],
    [['start', '--bogus'], "'--bogus'"],
    [['start', '--reader-threads', 'many'], '--reader-threads'],
    [['journal', '--bogus'], "'--bogus'"],
    [['validate', '--bogus'], "'--bogus'"],
    [['sign', '--bogus'], "'--bogus'"],
    [['archivist', 'add'], 'needs --org and --name'],
    [['org', '--bogus'], "'--bogus'"],
  ])('kanta-sim %j', (args, named) => {
    const { code, stderr } = run(args);
    expect(stderr).toContain(named);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(code).toBe(2);
  });

  it('send keeps its own usage code, 4', () => {
    expect(run(['send', '--bogus']).code).toBe(4);
  });

  it('a refusal of what was asked still exits 1: a config file that cannot be read', () => {
    const { code, stderr } = run(['start', '--config', path.join(dataDir, 'missing.json')]);
    expect(stderr).toContain('missing.json');
    expect(code).toBe(1);
  });
});
