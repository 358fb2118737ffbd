/**
 * A tiny JSON client of a running kanta-sim's web listener for the CLI: an answer with an error body
 * becomes the KantaSimError it describes, a refused connection says which URL was tried.
 */
import { ERROR_CODES, KantaSimError, type ErrorCode } from '../errors.js';

/** Calls `method path` on `webUrl`; resolves with the parsed JSON answer. */
export async function webJson<T>(webUrl: string, method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(new URL(path, webUrl), {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
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
export function defaultWebUrl(config: { host: string; webPort: number }): string {
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return `http://${host}:${config.webPort}`;
}
