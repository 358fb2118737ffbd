/**
 * Reads the body of a POST /sha that carries no Content-Encoding, without Express's body parser (see
 * kanta-app.ts for why this route skips Express). Encoded bodies (gzip, deflate) still go through
 * express.raw, which inflates them.
 */
import type { IncomingMessage } from 'node:http';

export type BodyReading =
  | { readonly kind: 'body'; readonly bytes: Buffer }
  | { readonly kind: 'too-large' }
  /** The client went away before the body was complete: there is no one to answer. */
  | { readonly kind: 'aborted' };

/** Whether the request's body can be read here: none or identity Content-Encoding. */
export function isPlainBody(req: IncomingMessage): boolean {
  const encoding = req.headers['content-encoding'];
  return encoding === undefined || encoding.trim().toLowerCase() === 'identity';
}

/**
 * The whole body, or `too-large` as soon as the declared or the received length exceeds `limit` (the rest
 * is then not kept: Node's HTTP server discards it once the answer has been sent).
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyReading> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    return Promise.resolve({ kind: 'too-large' });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let length = 0;
    let settled = false;
    const settle = (reading: BodyReading): void => {
      if (!settled) {
        settled = true;
        req.off('data', onData);
        resolve(reading);
      }
    };
    const onData = (chunk: Buffer): void => {
      length += chunk.length;
      if (length > limit) {
        chunks.length = 0;
        settle({ kind: 'too-large' });
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => settle({ kind: 'body', bytes: Buffer.concat(chunks, length) }));
    req.once('error', () => settle({ kind: 'aborted' }));
    req.once('close', () => settle({ kind: 'aborted' }));
  });
}
