/**
 * The plain body reader of POST /sha: the whole body, a refusal by declared or by received length, and a
 * client that went away.
 */
import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isPlainBody, readBody } from '../../../server/app/kanta/read-body.js';

function request(headers: Record<string, string> = {}): PassThrough & IncomingMessage {
  return Object.assign(new PassThrough(), { headers }) as unknown as PassThrough & IncomingMessage;
}

describe('readBody', () => {
  it('answers the whole body', async () => {
    const req = request();
    const reading = readBody(req, 100);
    req.write('<a>');
    req.end('</a>');
    expect(await reading).toEqual({ kind: 'body', bytes: Buffer.from('<a></a>') });
  });

  it('refuses a declared length over the limit without reading', async () => {
    const req = request({ 'content-length': '101' });
    expect(await readBody(req, 100)).toEqual({ kind: 'too-large' });
  });

  it('refuses a body that grows over the limit without a declared length', async () => {
    const req = request({ 'transfer-encoding': 'chunked' });
    const reading = readBody(req, 100);
    req.write(Buffer.alloc(60));
    req.write(Buffer.alloc(60));
    expect(await reading).toEqual({ kind: 'too-large' });
  });

  it('answers aborted when the client goes away first', async () => {
    const req = request();
    const reading = readBody(req, 100);
    req.write('<a>');
    req.destroy();
    expect(await reading).toEqual({ kind: 'aborted' });
  });
});

describe('isPlainBody', () => {
  it.each([
    [undefined, true],
    ['identity', true],
    [' Identity ', true],
    ['gzip', false],
    ['deflate', false],
  ])('Content-Encoding %j: %j', (encoding, plain) => {
    expect(isPlainBody(request(encoding === undefined ? {} : { 'content-encoding': encoding }))).toBe(plain);
  });
});
