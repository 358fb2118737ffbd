/**
 * The web listener's gate on loopback, over real sockets (issue 13): DNS-rebinding Host names and
 * cross-site state-changing requests are refused with a JSON 403 naming the reason; the control API takes
 * JSON bodies only; a bodyless POST and same-origin requests keep working.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKantaSim, type KantaSimInstance } from '../../server/index.js';
import { code, raw } from './support/raw-request.js';

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

describe('the web listener on loopback: Host and Origin', () => {
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
});

describe("the web listener on loopback: the control API's bodies", () => {
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
