/**
 * The web listener's gate, in front of every route (issue 13). The web listener speaks plain HTTP to whatever
 * reaches it, including a developer's browser with other sites open, so:
 *
 * - DNS rebinding: an attacker's name that resolves to 127.0.0.1 makes the browser treat our listener as the
 *   attacker's own origin. Only the Host names this listener really has (loopback names, its bound address,
 *   `--allowed-host`) are answered, on every request, reads included (the archive holds client data).
 * - Cross-site requests: a page elsewhere can POST a "simple" request (text/plain, no preflight). A
 *   state-changing request whose Origin is not this listener's own is refused. The archivist interface
 *   also has CSRF tokens; its pages send `Referrer-Policy: no-referrer`, which makes browsers send
 *   `Origin: null` on its own form posts, so `null` is let through there (the token decides) and nowhere else.
 * - The control API takes JSON only: a body of any other type is refused (415) rather than ignored, so a
 *   "simple" cross-site body can never reach it. A bodyless `curl -X POST .../__sim/reset` still works.
 * - Exposure: when the listener is not on loopback, the control API needs `Authorization: Bearer <token>`.
 *   Health (`GET /__sim/health`) and the about page stay open for load balancers and humans.
 *
 * Refusals are JSON `{ error: { code, message } }` with codes from server/errors.ts.
 */
import { timingSafeEqual } from 'node:crypto';
import { hostname, networkInterfaces } from 'node:os';
import type { Request, RequestHandler } from 'express';
import { KantaSimError } from '../errors.js';

export interface WebGuardOptions {
  /** Host names (no port) this listener answers, lower case; IPv6 without brackets. */
  readonly allowedHosts: ReadonlySet<string>;
  /** When set, the control API needs `Authorization: Bearer <controlToken>`. */
  readonly controlToken?: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const OPEN_PATHS = new Set(['/', '/__sim', '/__sim/health']);

/** Whether `host` (a bind address or a name) is on this machine's loopback only. */
export function isLoopback(host: string): boolean {
  const h = bare(host);
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/**
 * The Host names a listener bound to `bindHost` answers: loopback names, the bound address, and `extra`. A
 * wildcard bind (0.0.0.0, ::) also answers this machine's interface addresses and host name, which is what
 * a team member types; any other name must be listed (`--allowed-host`).
 */
export function listenerHostNames(bindHost: string, extra: readonly string[]): ReadonlySet<string> {
  const names = new Set(['localhost', '127.0.0.1', '::1', bare(bindHost), ...extra.map(bare)]);
  if (bare(bindHost) === '0.0.0.0' || bare(bindHost) === '::') {
    names.add(hostname().toLowerCase());
    for (const addresses of Object.values(networkInterfaces())) {
      for (const a of addresses ?? []) {
        names.add(bare(a.address));
      }
    }
  }
  return names;
}

/** The gate: Host, then Origin, then the control token, then the control API's content type. */
export function webGuard(options: WebGuardOptions): RequestHandler {
  return (req, _res, next) => {
    try {
      checkHost(req, options.allowedHosts);
      checkOrigin(req);
      if (isControlPath(req)) {
        if (options.controlToken !== undefined) {
          checkBearer(req, options.controlToken);
        }
        checkJsonBody(req);
      }
      next();
    } catch (e) {
      next(e);
    }
  };
}

/** Whether `presented` is `token`, in constant time. */
export function tokenMatches(token: string, presented: unknown): boolean {
  if (typeof presented !== 'string') {
    return false;
  }
  const a = Buffer.from(token);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token of an `Authorization: Bearer T` header, if any. */
export function bearerOf(req: Request): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return m?.[1];
}

/** Refuses a missing (401) or wrong (403) bearer token. */
export function checkBearer(req: Request, token: string): void {
  const presented = bearerOf(req);
  if (presented === undefined) {
    throw new KantaSimError('CONTROL_TOKEN_REQUIRED');
  }
  if (!tokenMatches(token, presented)) {
    throw new KantaSimError('CONTROL_TOKEN_INVALID');
  }
}

function checkHost(req: Request, allowed: ReadonlySet<string>): void {
  const host = req.headers.host;
  const name = host === undefined ? undefined : hostNameOf(host);
  if (name === undefined || !allowed.has(name)) {
    throw new KantaSimError(
      'HOST_NOT_ALLOWED',
      host === undefined
        ? 'the request has no Host header'
        : `Host "${host.slice(0, 100)}" is not a name of this listener; add it with --allowed-host`,
    );
  }
}

function checkOrigin(req: Request): void {
  const origin = req.headers.origin;
  if (origin === undefined || SAFE_METHODS.has(req.method)) {
    return;
  }
  if (origin === 'null' && (req.path === '/archivist' || req.path.startsWith('/archivist/'))) {
    return;
  }
  if (!sameOrigin(origin, req.headers.host ?? '')) {
    throw new KantaSimError(
      'ORIGIN_NOT_ALLOWED',
      `${req.method} from origin "${origin.slice(0, 100)}" refused: only http://${req.headers.host ?? ''} may change state here`,
    );
  }
}

function sameOrigin(origin: string, host: string): boolean {
  try {
    const o = new URL(origin);
    const own = new URL(`http://${host}`);
    return o.protocol === 'http:' && o.host === own.host && o.pathname === '/' && o.username === '';
  } catch {
    return false;
  }
}

function isControlPath(req: Request): boolean {
  return req.path.startsWith('/__sim/') && !(OPEN_PATHS.has(req.path) && SAFE_METHODS.has(req.method));
}

function checkJsonBody(req: Request): void {
  const length = req.headers['content-length'];
  const hasBody = req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
  if (hasBody && req.is('application/json') !== 'application/json') {
    throw new KantaSimError(
      'UNSUPPORTED_MEDIA_TYPE',
      `the control API takes application/json bodies, not "${(req.headers['content-type'] ?? '(none)').slice(0, 100)}"`,
    );
  }
}

/** "127.0.0.1:8080" -> "127.0.0.1", "[::1]:8080" -> "::1", "Example.org." -> "example.org". */
function hostNameOf(host: string): string | undefined {
  const m = /^(\[[0-9A-Fa-f:.]+\]|[^:[\]]+)(?::\d{1,5})?$/.exec(host.trim());
  return m?.[1] === undefined ? undefined : bare(m[1]);
}

function bare(host: string): string {
  return host
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
}
