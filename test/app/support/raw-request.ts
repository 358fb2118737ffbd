/**
 * Test support for the web listener's gate: one HTTP request with exactly the headers a test gives (fetch
 * would not let it set Host), and error codes checked against the catalogue.
 */
import http from 'node:http';
import { expect } from 'vitest';
import { ERROR_CODES, type ErrorCode } from '../../../server/errors.js';

export interface Raw {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
  json(): { error?: { code?: string; message?: string } } & Record<string, unknown>;
}

/** One HTTP request with exactly the headers given (fetch would not let a test set Host). */
export function raw(
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

export const code = (c: ErrorCode): ErrorCode => {
  expect(ERROR_CODES).toHaveProperty(c);
  return c;
};
