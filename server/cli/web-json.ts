/**
 * A tiny JSON client of a running kanta-sim's web listener for the CLI: an answer with an error body
 * becomes the KantaSimError it describes, a refused connection says which URL was tried.
 */
import { ERROR_CODES, KantaSimError, type ErrorCode } from '../errors.js';

/** A running kanta-sim's web listener, and its control token when it is not on loopback. */
export interface WebTarget {
  readonly url: string;
  readonly token?: string;
}

/** Calls `method path` on the web listener; resolves with the parsed JSON answer. */
export async function webJson<T>(
  target: string | WebTarget,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const { url: webUrl, token } = typeof target === 'string' ? { url: target, token: undefined } : target;
  let res: Response;
  try {
    res = await fetch(new URL(path, webUrl), {
      method,
      headers: {
        ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw new KantaSimError(
      'SERVICE_UNAVAILABLE',
      `cannot reach kanta-sim at ${webUrl} (is it running? --web-url)`,
      {
        cause,
      },
    );
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new KantaSimError('SERVICE_UNAVAILABLE', `${webUrl}${path} answered ${res.status} without JSON`);
  }
  if (!res.ok) {
    const err = (json as { error?: { code?: string; message?: string } }).error;
    const code = err?.code !== undefined && err.code in ERROR_CODES ? (err.code as ErrorCode) : 'BAD_REQUEST';
    throw new KantaSimError(code, err?.message ?? `HTTP ${res.status}`);
  }
  return json as T;
}

/** The web listener of the configuration, for --web-url's default. */
export function defaultWebUrl(config: { webHost: string; webPort: number }): string {
  const bind = config.webHost === '0.0.0.0' || config.webHost === '::' ? '127.0.0.1' : config.webHost;
  const host = bind.includes(':') ? `[${bind}]` : bind;
  return `http://${host}:${config.webPort}`;
}
