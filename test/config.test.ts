import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../server/config.js';
import { isKantaSimError } from '../server/errors.js';

function failure(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (e) {
    if (isKantaSimError(e)) {
      return { code: e.code, message: e.message };
    }
    throw e;
  }
  throw new Error('expected a configuration error');
}

describe('configuration: reader threads', () => {
  it('defaults to one thread less than the cores, and at least one', () => {
    const n = loadConfig().readerThreads;
    expect(n).toBe(Math.max(1, os.availableParallelism() - 1));
  });

  it('is set by file, environment and flag, the later over the earlier', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kanta-sim-config-'));
    const file = path.join(dir, 'kanta-sim.json');
    writeFileSync(file, JSON.stringify({ readerThreads: 3 }));
    expect(loadConfig({ flags: { config: file } }).readerThreads).toBe(3);
    const env = { KANTA_SIM_CONFIG: file, KANTA_SIM_READER_THREADS: '0' };
    expect(loadConfig({ env }).readerThreads).toBe(0);
    expect(loadConfig({ env, flags: { 'reader-threads': '2' } }).readerThreads).toBe(2);
  });

  it('refuses what is not a thread count, naming where it came from', () => {
    for (const [sources, where] of [
      [{ env: { KANTA_SIM_READER_THREADS: 'two' } }, 'KANTA_SIM_READER_THREADS'],
      [{ flags: { 'reader-threads': '-1' } }, '--reader-threads'],
      [{ flags: { 'reader-threads': '65' } }, '--reader-threads'],
    ] as const) {
      const e = failure(() => loadConfig(sources));
      expect(e.code).toBe('CONFIG_INVALID');
      expect(e.message).toContain(where);
    }
  });
});

describe('configuration: where the test PKI starts', () => {
  it('defaults to 2008-01-01, early enough for old client data', () => {
    expect(loadConfig().pkiValidFrom.toISOString()).toBe('2008-01-01T00:00:00.000Z');
  });

  it('is set by file, environment and flag, the later over the earlier', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kanta-sim-config-'));
    const file = path.join(dir, 'kanta-sim.json');
    writeFileSync(file, JSON.stringify({ pkiValidFrom: '2001-02-03' }));
    expect(loadConfig({ flags: { config: file } }).pkiValidFrom.toISOString()).toBe(
      '2001-02-03T00:00:00.000Z',
    );
    const env = { KANTA_SIM_CONFIG: file, KANTA_SIM_PKI_VALID_FROM: '2010-01-01' };
    expect(loadConfig({ env }).pkiValidFrom.getUTCFullYear()).toBe(2010);
    const flagged = loadConfig({ env, flags: { 'pki-valid-from': '2015-06-01T00:00:00Z' } });
    expect(flagged.pkiValidFrom.toISOString()).toBe('2015-06-01T00:00:00.000Z');
  });

  it('refuses what is not an ISO date, naming where it came from', () => {
    for (const [sources, where] of [
      [{ env: { KANTA_SIM_PKI_VALID_FROM: 'last year' } }, 'KANTA_SIM_PKI_VALID_FROM'],
      [{ flags: { 'pki-valid-from': '2008-13-45' } }, '--pki-valid-from'],
    ] as const) {
      const e = failure(() => loadConfig(sources));
      expect(e.code).toBe('CONFIG_INVALID');
      expect(e.message).toContain(where);
    }
  });
});

describe('configuration: web listener exposure', () => {
  it('binds the web listener to loopback by default, apart from --host', () => {
    const c = loadConfig({ flags: { host: '0.0.0.0' } });
    expect(c.host).toBe('0.0.0.0');
    expect(c.webHost).toBe('127.0.0.1');
    expect(c.allowedHosts).toEqual([]);
    expect(c.controlToken).toBeUndefined();
  });

  it('reads web host, allowed hosts and control token from file, environment and flags', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kanta-sim-config-'));
    const file = path.join(dir, 'kanta-sim.json');
    writeFileSync(
      file,
      JSON.stringify({ webHost: '::', allowedHosts: ['Sim.Example'], controlToken: 'file-token-0123456789' }),
    );
    const fromFile = loadConfig({ flags: { config: file } });
    expect(fromFile).toMatchObject({ webHost: '::', allowedHosts: ['sim.example'] });
    expect(fromFile.controlToken).toBe('file-token-0123456789');
    const fromEnv = loadConfig({
      env: {
        KANTA_SIM_WEB_HOST: '0.0.0.0',
        KANTA_SIM_ALLOWED_HOSTS: 'a.example, b.example',
        KANTA_SIM_CONTROL_TOKEN: 'env-token-0123456789',
      },
    });
    expect(fromEnv).toMatchObject({ webHost: '0.0.0.0', allowedHosts: ['a.example', 'b.example'] });
    expect(fromEnv.controlToken).toBe('env-token-0123456789');
    const fromFlags = loadConfig({
      flags: {
        'web-host': '10.0.0.5',
        'allowed-host': ['c.example'],
        'control-token': 'flag-token-0123456789',
      },
      env: { KANTA_SIM_CONTROL_TOKEN: 'env-token-0123456789' },
    });
    expect(fromFlags).toMatchObject({ webHost: '10.0.0.5', allowedHosts: ['c.example'] });
    expect(fromFlags.controlToken).toBe('flag-token-0123456789');
  });

  it('refuses a short or header-breaking control token without echoing it', () => {
    for (const token of ['short', 'has space in it 0123456789', 'line\nbreak0123456789']) {
      const e = failure(() => loadConfig({ flags: { 'control-token': token } }));
      expect(e.code).toBe('CONFIG_INVALID');
      expect(e.message).toContain('--control-token');
      expect(e.message).not.toContain(token);
    }
  });
});
