/**
 * The body of POST /sha on the wire: a plain body is read without Express, an encoded one through
 * express.raw, and both reach the same archive; a body over the limit is refused with HTTP 413 and an AR
 * however it is sent.
 */
import https from 'node:https';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../../server/rules/catalogue.js';
import { buildMessage } from '../../support/message-builder.js';
import { parseAcknowledgement } from '../../../server/wire/acknowledgement.js';
import { startKantaSim, type KantaSimInstance } from '../../support/sim.js';

const MAX_BYTES = 200_000;
let sim: KantaSimInstance;
beforeAll(async () => {
  sim = await startKantaSim({ xmlLimits: { maxBytes: MAX_BYTES } });
});
afterAll(async () => {
  await sim.stop();
});

/** POSTs `chunks` one by one (chunked unless a length is given) with the organiser's TLS identity. */
function post(
  path: string,
  chunks: readonly Buffer[],
  headers: Record<string, string | number> = {},
): Promise<{ status: number; body: string; correlationId: string | undefined }> {
  const url = new URL(sim.kantaUrl);
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: 'POST',
        ca: sim.caBundlePem,
        cert: sim.demo.organiser.clientCertPem,
        key: sim.demo.organiser.clientKeyPem,
        headers: { 'content-type': 'text/xml; charset=utf-8', ...headers },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(parts).toString('utf8'),
            correlationId: res.headers['x-correlation-id'] as string | undefined,
          }),
        );
      },
    );
    req.on('error', reject);
    chunks.forEach((c) => req.write(c));
    req.end();
  });
}

describe('the body of POST /sha', () => {
  it('archives a plain body sent in chunks, with a query string on the path', async () => {
    const message = Buffer.from(buildMessage(sim.demo).messageXml);
    const half = message.length >> 1;
    const answer = await post('/sha?from=test', [message.subarray(0, half), message.subarray(half)], {
      'x-correlation-id': 'plain-1',
    });
    expect(answer.status).toBe(200);
    expect(answer.correlationId).toBe('plain-1');
    expect(parseAcknowledgement(answer.body).typeCode).toBe('AA');
  });

  it('archives a gzip-encoded body the same way', async () => {
    const message = Buffer.from(buildMessage(sim.demo).messageXml);
    const gz = gzipSync(message);
    const answer = await post('/sha', [gz], { 'content-encoding': 'gzip', 'content-length': gz.length });
    expect(answer.status).toBe(200);
    expect(parseAcknowledgement(answer.body).typeCode).toBe('AA');
  });

  it.each([
    ['declared by Content-Length', { 'content-length': MAX_BYTES + 1 }],
    ['streamed in chunks', {}],
  ])('refuses a body over the limit %s with HTTP 413 and an AR', async (_how, headers) => {
    const answer = await post('/sha', [Buffer.alloc(MAX_BYTES + 1, 'x')], headers);
    expect(answer.status).toBe(413);
    const ack = parseAcknowledgement(answer.body);
    expect(ack.typeCode).toBe('AR');
    expect(ack.details.map((d) => d.code)).toContain(RULES.WIRE_XML_TOO_LARGE.code);
  });
});
