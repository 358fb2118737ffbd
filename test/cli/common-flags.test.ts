/**
 * One flag vocabulary: every subcommand takes the common flags (--data-dir, --config) in any position and
 * answers --help with its usage and exit codes, as docs/cli.md promises.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kantaSim } from '../support/cli.js';

const SUBCOMMANDS = [
  'start',
  'run',
  'org',
  'pro',
  'archivist',
  'fixtures',
  'onboarding',
  'rehearsal',
  'sign',
  'send',
  'validate',
  'journal',
] as const;

let dataDir = '';
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'kanta-sim-flags-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('every subcommand', { timeout: 60_000 }, () => {
  it.each(SUBCOMMANDS)(
    '%s takes --data-dir before and --config after --help, and prints its usage',
    async (cmd) => {
      const result = await kantaSim([cmd, '--data-dir', dataDir, '--help', '--config', '/nonexistent.json']);
      expect(result.stderr).not.toMatch(/Unknown option/);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(`usage: kanta-sim ${cmd}`);
      expect(result.stdout).toMatch(/exit/);
    },
  );
});

describe('the commands the start banner prints', { timeout: 60_000 }, () => {
  it('org add with --data-dir last registers the organisation there', async () => {
    const add = await kantaSim([
      'org',
      'add',
      '--oid',
      '1.2.246.10.1234567.10.0',
      '--name',
      'Esimerkkikunta',
      '--data-dir',
      dataDir,
    ]);
    expect(add.code, add.stderr).toBe(0);
    const list = await kantaSim(['org', '--data-dir', dataDir, 'list']);
    expect(list.stdout).toContain('1.2.246.10.1234567.10.0  Esimerkkikunta');
  });

  it('pro add and archivist list take --data-dir in any position', async () => {
    const pro = await kantaSim([
      'pro',
      '--data-dir',
      dataDir,
      'add',
      '--regno',
      '25104559999',
      '--name',
      'Maija Meikäläinen',
    ]);
    expect(pro.code, pro.stderr).toBe(0);
    const archivists = await kantaSim(['archivist', 'list', '--data-dir', dataDir]);
    expect(archivists.stderr).not.toMatch(/Unknown option/);
    expect(archivists.code, archivists.stderr).toBe(0);
  });

  it('a broken --config is the refusal of a command that needs it, named, exit 1', async () => {
    const result = await kantaSim(['org', 'list', '--config', path.join(dataDir, 'missing.json')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('missing.json');
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
