/**
 * The web listener's gate over real sockets (issue 13): DNS-rebinding Host names and cross-site
 * state-changing requests are refused with a JSON 403 naming the reason; the control API takes JSON bodies
 * only; a bodyless POST and same-origin requests keep working; off loopback, the control API and the demo
 * sign-in need the control token.
 */
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorCode } from '../../server/errors.js';
import { startKantaSim, type KantaSimInstance } from '../../server/index.js';
import { mustRun, runStart, type StartedProcess } from '../support/cli-start.js';

interface Raw {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
  json(): { error?: { code?: string; message?: string } } & Record<string, unknown>;
}

/** One HTTP request with exactly the headers given (fetch would not let a test set Host). */
function raw(
  address: string,
  port: number,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: address, port, method, path, headers: { host: `${address}:${port}`, ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (c: string) => (text += c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: text,
            json: () => JSON.parse(text) as ReturnType<Raw['json']>,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const code = (c: ErrorCode): ErrorCode => {
  expect(ERROR_CODES).toHaveProperty(c);
  return c;
};

describe('the web listener on loopback', () => {
  let sim: KantaSimInstance;
  let port: number;
  beforeAll(async () => {
    sim = await startKantaSim();
    port = Number(new URL(sim.webUrl).port);
  });
  afterAll(async () => {
    await sim.stop();
  });

  const faultCount = async (): Promise<number> => (await sim.control.faults.list()).length;
  const addFault = async (): Promise<void> => {
    await sim.control.faults.add({ kind: 'http-503', times: 1 });
  };

  it.each([
    { host: 'evil.example', why: 'an attacker name rebound to 127.0.0.1' },
    { host: 'evil.example:PORT', why: 'the same with the port' },
    { host: 'localhost.evil.example:PORT', why: 'a name that starts like localhost' },
    { host: '127.0.0.1.nip.io:PORT', why: 'a wildcard DNS name for 127.0.0.1' },
  ])('refuses Host "$host" ($why) on every request, reads included', async ({ host }) => {
    const h = host.replace('PORT', String(port));
    for (const [method, path] of [
      ['GET', '/__sim/documents'],
      ['GET', '/__sim/health'],
      ['GET', '/archivist/login'],
      ['POST', '/__sim/reset'],
    ] as const) {
      const res = await raw('127.0.0.1', port, method, path, { host: h });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json().error?.code).toBe(code('HOST_NOT_ALLOWED'));
    }
  });

  it.each(['127.0.0.1:PORT', 'localhost:PORT', 'LOCALHOST:PORT', '[::1]:PORT', 'localhost', '127.0.0.1'])(
    'answers its own name %s',
    async (host) => {
      const res = await raw('127.0.0.1', port, 'GET', '/__sim/health', {
        host: host.replace('PORT', String(port)),
      });
      expect(res.status).toBe(200);
      expect(res.json()).toMatchObject({ ready: true, database: true });
    },
  );

  it('a cross-site "simple" POST /__sim/reset does not reset anything', async () => {
    await addFault();
    const before = await faultCount();
    const res = await raw(
      '127.0.0.1',
      port,
      'POST',
      '/__sim/reset',
      { origin: 'http://evil.example', 'content-type': 'text/plain' },
      'x',
    );
    expect(res.status).toBe(403);
    expect(res.json().error).toMatchObject({ code: code('ORIGIN_NOT_ALLOWED') });
    expect(res.json().error?.message).toContain('evil.example');
    expect(await faultCount()).toBe(before);
  });

  it.each([
    { method: 'POST', path: '/__sim/reset', origin: 'http://evil.example' },
    { method: 'POST', path: '/__sim/reset', origin: 'null' },
    { method: 'POST', path: '/__sim/reset', origin: 'http://127.0.0.1:1' },
    { method: 'POST', path: '/__sim/reset', origin: 'https://127.0.0.1:PORT' },
    { method: 'DELETE', path: '/__sim/faults', origin: 'http://localhost:PORT' },
    { method: 'PUT', path: '/__sim/clock', origin: 'http://evil.example' },
    { method: 'POST', path: '/archivist/demo', origin: 'http://evil.example' },
  ])('refuses $method $path from origin $origin', async ({ method, path, origin }) => {
    await addFault();
    const before = await faultCount();
    const res = await raw('127.0.0.1', port, method, path, { origin: origin.replace('PORT', String(port)) });
    expect(res.status).toBe(403);
    expect(res.json().error?.code).toBe(code('ORIGIN_NOT_ALLOWED'));
    expect(await faultCount()).toBe(before);
  });

  it('reads from another origin are not refused by the origin check (the browser keeps their answers)', async () => {
    const res = await raw('127.0.0.1', port, 'GET', '/__sim/faults', { origin: 'http://evil.example' });
    expect(res.status).toBe(200);
  });

  it('the control API refuses a body that is not JSON (415) and changes nothing', async () => {
    await addFault();
    const before = await faultCount();
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const res = await raw('127.0.0.1', port, 'POST', '/__sim/reset', { 'content-type': type }, 'a=b');
      expect(res.status, type).toBe(415);
      expect(res.json().error?.code).toBe(code('UNSUPPORTED_MEDIA_TYPE'));
    }
    const none = await raw('127.0.0.1', port, 'POST', '/__sim/reset', {}, '{}');
    expect(none.status).toBe(415);
    expect(await faultCount()).toBe(before);
  });

  it('a bodyless POST /__sim/reset (curl -X POST) and a same-origin JSON request still work', async () => {
    await addFault();
    const reset = await raw('127.0.0.1', port, 'POST', '/__sim/reset');
    expect(reset.status).toBe(200);
    expect(await faultCount()).toBe(0);
    await addFault();
    const same = await raw(
      '127.0.0.1',
      port,
      'POST',
      '/__sim/reset',
      { origin: `http://127.0.0.1:${port}`, 'content-type': 'application/json; charset=utf-8' },
      '{}',
    );
    expect(same.status).toBe(200);
    expect(await faultCount()).toBe(0);
  });

  it('the JSON query API stays on the mutual-TLS interface: the web listener does not serve it', async () => {
    for (const path of ['/api/v1/documents', '/api/v1/clients/010181-900C/summary']) {
      const res = await raw('127.0.0.1', port, 'GET', path);
      expect(res.status, path).toBe(404);
    }
  });
});

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
