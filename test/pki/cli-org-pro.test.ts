// Tests of server/cli/org.ts and server/cli/pro.ts (kept beside the PKI tests they exercise).
import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../server/cli/cli-io.js';
import { runOrgCommand } from '../../server/cli/org.js';
import { runProCommand } from '../../server/cli/pro.js';
import { loadConfig } from '../../server/config.js';
import { OrganisationDirectory } from '../../server/pki/organisation-directory.js';
import { tempDataDir } from './pki-test-helpers.js';

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

describe('kanta-sim org / pro', () => {
  let dataDir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir: dataDir, cleanup } = await tempDataDir());
  });
  afterAll(() => cleanup());

  it('org add registers an organisation and prints its files and the PKCS#12 password', async () => {
    const io = capture();
    const code = await runOrgCommand(
      [
        'add',
        '--oid',
        '1.2.246.10.12345678.10.0',
        '--name',
        'Demokylän hyvinvointialue',
        '--unit',
        '1.2.246.10.12345678.10.200=Lastensuojelu',
      ],
      { dataDir },
      io,
    );
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toContain(join(dataDir, 'orgs', '1.2.246.10.12345678.10.0', 'client.p12'));
    expect(text).toContain('PKCS#12 password:  kanta-sim');
    expect(text).toContain('1.2.246.10.12345678.10.200  Lastensuojelu');
  });

  it('org list shows registered organisations and their units', async () => {
    const io = capture();
    expect(await runOrgCommand(['org', 'list'], { dataDir }, io)).toBe(0);
    expect(io.stdout[0]).toBe('1.2.246.10.12345678.10.0  Demokylän hyvinvointialue');
    expect(io.stdout[1]).toBe('    1.2.246.10.12345678.10.200  Lastensuojelu');
  });

  it.each([
    [['add', '--oid', '1.2.246.10.12345678.10.0', '--name', 'Taas'], 1, 'ORG_EXISTS'],
    [['add', '--oid', '1.2.03', '--name', 'X'], 1, 'CONFIG_INVALID'],
    [['add', '--oid', '1.2.3', '--name', 'X', '--unit', 'no-equals-sign'], 1, 'must be OID=NAME'],
    [['add', '--name', 'X'], 2, 'needs --oid and --name'],
    [['add', '--oid', '1.2.3', '--name', 'X', '--colour', 'red'], 2, "Unknown option '--colour'"],
    [['remove'], 2, 'unknown subcommand "remove"'],
    [[], 2, 'missing subcommand'],
  ])('org %j exits %i with a one-line reason and no stack', async (args, exit, message) => {
    const io = capture();
    expect(await runOrgCommand(args, { dataDir }, io)).toBe(exit);
    expect(io.stdout).toEqual([]);
    expect(io.stderr[0]).toContain(message);
    expect(io.stderr.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('pro add and pro list register and show a professional', async () => {
    const io = capture();
    expect(
      await runProCommand(
        ['add', '--regno', '25104559651', '--name', 'Sanna Sosiaalityöntekijä'],
        { dataDir },
        io,
      ),
    ).toBe(0);
    expect(io.stdout.join('\n')).toContain(join(dataDir, 'pros', '25104559651', 'cert.p12'));
    expect(io.stdout.join('\n')).toContain('PKCS#12 password: kanta-sim');
    const list = capture();
    expect(await runProCommand(['pro', 'list'], { dataDir }, list)).toBe(0);
    expect(list.stdout[0]).toBe('25104559651  Sanna Sosiaalityöntekijä, sosiaalityöntekijä');
  });

  it.each([
    [['add', '--regno', '25104559651', '--name', 'Sanna Toinen'], 1, 'PRO_EXISTS'],
    [['add', '--regno', 'abc', '--name', 'A B'], 1, 'CONFIG_INVALID'],
    [['add', '--regno', '1'], 2, 'needs --regno and --name'],
  ])('pro %j exits %i with a one-line reason', async (args, exit, message) => {
    const io = capture();
    expect(await runProCommand(args, { dataDir }, io)).toBe(exit);
    expect(io.stderr[0]).toContain(message);
  });

  it('an organisation added by another process is seen by a running directory', async () => {
    const directory = new OrganisationDirectory(dataDir);
    expect(directory.get('1.2.246.10.87654321.10.0')).toBeUndefined();
    const script = join(dataDir, 'add-org.mts');
    const orgModule = pathToFileURL(resolve(import.meta.dirname, '../../server/cli/org.ts')).href;
    writeFileSync(
      script,
      `import { runOrgCommand } from ${JSON.stringify(orgModule)};\n` +
        `process.exitCode = await runOrgCommand(process.argv.slice(3), { dataDir: process.argv[2] });\n`,
    );
    const root = resolve(import.meta.dirname, '../..');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        script,
        dataDir,
        'add',
        '--oid',
        '1.2.246.10.87654321.10.0',
        '--name',
        'Palvelutuottaja Oy',
      ],
      { cwd: root },
    );
    expect(stdout).toContain('Registered organisation Palvelutuottaja Oy');
    expect(directory.get('1.2.246.10.87654321.10.0')?.name).toBe('Palvelutuottaja Oy');
    expect(directory.list().map((o) => o.oid)).toContain('1.2.246.10.87654321.10.0');
  });
});

describe('kanta-sim org add --pki-valid-from', () => {
  it('makes a missing test PKI start where configured, and the organisation with it', async () => {
    const { dir, cleanup } = await tempDataDir();
    try {
      const args = ['add', '--oid', '1.2.246.10.13131313.10.0', '--name', 'Vanhakylä'];
      const config = loadConfig({ flags: { 'data-dir': dir, 'pki-valid-from': '1999-01-01' } });
      expect(await runOrgCommand(args, config, capture())).toBe(0);
      const root = new X509Certificate(readFileSync(join(dir, 'pki', 'service-root-ca.pem'), 'utf8'));
      expect(new Date(root.validFrom).toISOString()).toBe('1999-01-01T00:00:00.000Z');
      const org = new OrganisationDirectory(dir).get('1.2.246.10.13131313.10.0');
      expect(new Date(org?.signingCertificate.validFrom ?? '').toISOString()).toBe(
        '1999-01-01T00:00:00.000Z',
      );
    } finally {
      await cleanup();
    }
  });
});
