/**
 * The web listener's gate off loopback (issue 13): the control API and the demo sign-in need the control
 * token, from startKantaSim and from `kanta-sim start`, and only configured names are answered.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKantaSim, type KantaSimInstance } from '../../server/index.js';
import { mustRun, runStart, type StartedProcess } from '../support/cli-start.js';
import { code, raw } from './support/raw-request.js';

describe('a web listener off loopback (startKantaSim webHost 0.0.0.0)', () => {
  let sim: KantaSimInstance;
  let port: number;
  const token = 'test-control-token-0123456789';
  beforeAll(async () => {
    sim = await startKantaSim({ webHost: '0.0.0.0', allowedHosts: ['127.0.0.2'], controlToken: token });
    port = Number(new URL(sim.webUrl).port);
  });
  afterAll(async () => {
    await sim.stop();
  });

  it('needs the token from another address: 401 without, 403 wrong, 200 with', async () => {
    const without = await raw('127.0.0.2', port, 'GET', '/__sim/journal');
    expect(without.status).toBe(401);
    expect(without.json().error?.code).toBe(code('CONTROL_TOKEN_REQUIRED'));
    const wrong = await raw('127.0.0.2', port, 'GET', '/__sim/journal', {
      authorization: 'Bearer wrong-token-0123456789abc',
    });
    expect(wrong.status).toBe(403);
    expect(wrong.json().error?.code).toBe(code('CONTROL_TOKEN_INVALID'));
    const right = await raw('127.0.0.2', port, 'POST', '/__sim/reset', { authorization: `Bearer ${token}` });
    expect(right.status).toBe(200);
  });

  it('health stays open; the instance control client sends the token', async () => {
    expect((await raw('127.0.0.2', port, 'GET', '/__sim/health')).status).toBe(200);
    expect(await sim.control.health()).toMatchObject({ ready: true });
    expect(await sim.control.journal()).toEqual([]);
  });

  it('an address not configured is still refused as a Host', async () => {
    const res = await raw('127.0.0.2', port, 'GET', '/__sim/health', { host: `127.0.0.3:${port}` });
    expect(res.status).toBe(403);
    expect(res.json().error?.code).toBe(code('HOST_NOT_ALLOWED'));
  });

  it('the one-click demo sign-in needs the token too', async () => {
    const login = await raw('127.0.0.2', port, 'GET', '/archivist/login');
    expect(login.status).toBe(200);
    expect(login.body).toContain('name="controlToken"');
    const cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
    const csrf = /name="csrf" value="([^"]+)"/.exec(login.body)?.[1] ?? '';
    const form = { 'content-type': 'application/x-www-form-urlencoded', cookie, accept: 'application/json' };
    const without = await raw('127.0.0.2', port, 'POST', '/archivist/demo', form, `csrf=${csrf}`);
    expect(without.status).toBe(401);
    expect(without.headers['set-cookie'] ?? []).toHaveLength(0);
    const wrong = await raw(
      '127.0.0.2',
      port,
      'POST',
      '/archivist/demo',
      form,
      `csrf=${csrf}&controlToken=nope`,
    );
    expect(wrong.status).toBe(403);
    const right = await raw(
      '127.0.0.2',
      port,
      'POST',
      '/archivist/demo',
      form,
      `csrf=${csrf}&controlToken=${encodeURIComponent(token)}`,
    );
    expect(right.status).toBe(303);
    expect(right.headers.location).toBe('/archivist/search');
  });
});

describe('kanta-sim start --web-host 0.0.0.0', () => {
  let dataDir: string;
  let started: StartedProcess | undefined;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kanta-sim-guard-'));
  });
  afterAll(async () => {
    await started?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('generates a token, says so in one banner line, and needs it from another address', async () => {
    started = mustRun(
      await runStart([
        '--web-host',
        '0.0.0.0',
        '--allowed-host',
        '127.0.0.2',
        '--port',
        '0',
        '--web-port',
        '0',
        '--memory',
        '--data-dir',
        dataDir,
      ]),
    );
    const lines = started.banner.split('\n').filter((l) => l.includes('Authorization: Bearer'));
    expect(lines).toHaveLength(1);
    const token = /generated token (\S+)>/.exec(lines[0] ?? '')?.[1];
    expect(token).toBeDefined();
    const webPort = Number(/Web listener\s+http:\/\/0\.0\.0\.0:(\d+)/.exec(started.banner)?.[1]);
    const without = await raw('127.0.0.2', webPort, 'POST', '/__sim/reset');
    expect(without.status).toBe(401);
    const withToken = await raw('127.0.0.2', webPort, 'POST', '/__sim/reset', {
      authorization: `Bearer ${token ?? ''}`,
    });
    expect(withToken.status).toBe(200);
  });
});
