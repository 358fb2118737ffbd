/**
 * HTTP plumbing of the archivist interface: cookies, security headers, the page context and the HTML
 * error page. Kept apart from the routes so that archivist-routes.ts reads as the list of what the
 * interface does.
 */
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { randomBytes } from 'node:crypto';
import { h, type VNode } from 'preact';
import { FRAME_STYLE_HASH } from '../../../archivist-ui/display-form.js';
import { isLang, messages, type Lang } from '../../../archivist-ui/i18n/index.js';
import { renderPage } from '../../../archivist-ui/render.js';
import type { PageContext } from '../../../archivist-ui/views/context.js';
import { ErrorPage, type ErrorKind } from '../../../archivist-ui/views/error.js';
import type { ArchivedDocument } from '../../archivist/archived-document.js';
import { SESSION_TTL_MS, type Session } from '../../archivist/sessions.js';
import type { CodeLists } from '../../codes/code-lists.js';
import { isKantaSimError, KantaSimError } from '../../errors.js';
import type { Logger } from '../../logger.js';

export const COOKIES = Object.freeze({
  session: 'kanta_archivist',
  login: 'kanta_login',
  lang: 'kanta_lang',
  contrast: 'kanta_contrast',
});

/**
 * The page's CSP: scripts and styles only from our own static files (plus the sandboxed display form's
 * one style block, by hash: srcdoc frames inherit this policy), no plugins, no framing of this page, forms
 * posting only here, and network access only back to us (the live events).
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src 'self' ${FRAME_STYLE_HASH}`,
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** Security headers on every archivist response; pages hold client data, so nothing is cached. */
export const securityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('Content-Security-Policy', PAGE_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Cache-Control', 'no-store');
  next();
};

/** The request's cookies (no dependency: the header is simple and we read only our own names). */
export function cookies(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) {
      const name = part.slice(0, at).trim();
      try {
        out[name] = decodeURIComponent(part.slice(at + 1).trim());
      } catch {
        // A malformed cookie value is ignored, as if absent.
      }
    }
  }
  return out;
}

/**
 * HttpOnly for secrets; SameSite=Strict so that no cross-site request carries them; Path=/archivist so
 * that nothing else on the listener sees them. (Secure is left off: the web listener is plain HTTP on
 * loopback by default.)
 */
export function setCookie(
  res: Response,
  name: string,
  value: string,
  options: { httpOnly: boolean; maxAgeSeconds?: number },
): void {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/archivist', 'SameSite=Strict'];
  if (options.httpOnly) {
    parts.push('HttpOnly');
  }
  if (options.maxAgeSeconds !== undefined) {
    parts.push(`Max-Age=${options.maxAgeSeconds}`);
  }
  res.append('Set-Cookie', parts.join('; '));
}

export function clearCookie(res: Response, name: string): void {
  setCookie(res, name, '', { httpOnly: true, maxAgeSeconds: 0 });
}

export function langOf(req: Request): Lang {
  const lang = cookies(req)[COOKIES.lang];
  return isLang(lang) ? lang : 'fi';
}

/** The page context from the request and (when signed in) its session. */
export function pageContext(
  req: Request,
  session?: Session,
  organisationName: (oid: string) => string | undefined = () => undefined,
): PageContext {
  const lang = langOf(req);
  const a = session?.archivist;
  return {
    t: messages(lang),
    lang,
    contrast: cookies(req)[COOKIES.contrast] === 'on',
    path: req.originalUrl,
    user: a && {
      name: a.name,
      organisationName: organisationName(a.organisationOid) ?? a.organisationOid,
      registers: a.registerOids.map((oid) => ({ oid, name: organisationName(oid) ?? oid })),
      demo: a.demo,
      csrf: session.csrfToken,
    },
  };
}

export function sendPage<P>(res: Response, page: VNode<P>, status = 200): void {
  res.status(status).type('html').send(renderPage(page));
}

/** A path inside the archivist interface, or the search page: `next` never leads off-site. */
export function localNext(next: unknown): string {
  return typeof next === 'string' && /^\/archivist(\/[^\\]*)?$/.test(next) && !next.startsWith('//')
    ? next
    : '/archivist/search';
}

const KIND_BY_CODE: Record<string, ErrorKind> = {
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  CONFLICT: 'CONFLICT',
};

/**
 * Errors under /archivist as HTML pages in the reader's language (the event stream and the CSV get the
 * JSON error of the rest of the listener). Unexpected errors are logged and shown without detail.
 */
export function archivistErrorPage(
  logger: Logger,
  sessionOf: (req: Request) => Session | undefined,
  organisationName: (oid: string) => string | undefined,
): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent || !req.accepts('html')) {
      next(err);
      return;
    }
    const ctx = pageContext(req, sessionOf(req), organisationName);
    if (isKantaSimError(err)) {
      const csrf = (err.details as { csrf?: boolean } | undefined)?.csrf === true;
      const kind = csrf ? 'CSRF' : (KIND_BY_CODE[err.code] ?? 'BAD_REQUEST');
      sendPage(
        res,
        h(ErrorPage, {
          ctx,
          kind,
          status: err.status,
          detail: kind === 'BAD_REQUEST' ? err.message : undefined,
        }),
        err.status,
      );
      return;
    }
    const status = (err as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      sendPage(res, h(ErrorPage, { ctx, kind: 'BAD_REQUEST', status }), status);
      return;
    }
    logger.error('unexpected error in the archivist interface', err);
    sendPage(res, h(ErrorPage, { ctx, kind: 'INTERNAL', status: 500 }), 500);
  };
}

export function openSession(res: Response, token: string): void {
  setCookie(res, COOKIES.session, token, { httpOnly: true, maxAgeSeconds: SESSION_TTL_MS / 1000 });
  clearCookie(res, COOKIES.login);
}

/** The pre-session CSRF token of the sign-in forms (double submit: cookie and hidden field must agree). */
export function loginToken(req: Request, res: Response): string {
  const existing = cookies(req)[COOKIES.login];
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) {
    return existing;
  }
  const token = randomBytes(32).toString('base64url');
  setCookie(res, COOKIES.login, token, { httpOnly: true, maxAgeSeconds: 3600 });
  return token;
}

export function checkLoginForm(req: Request): Record<string, unknown> {
  checkOrigin(req);
  const body = (req.body ?? {}) as Record<string, unknown>;
  const cookie = cookies(req)[COOKIES.login];
  if (!cookie || body.csrf !== cookie) {
    throw new KantaSimError('FORBIDDEN', 'the sign-in form token is missing or wrong', {
      details: { csrf: true },
    });
  }
  return body;
}

/** A browser names the page a POST came from: another origin is refused even before the token check. */
export function checkOrigin(req: Request): void {
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== 'null' && origin !== `${req.protocol}://${req.headers.host ?? ''}`) {
    throw new KantaSimError('FORBIDDEN', 'cross-site form submission', { details: { csrf: true } });
  }
}

export function reasonOf(req: Request): string {
  const r = (req.body as Record<string, unknown> | undefined)?.reason;
  return typeof r === 'string' ? r.replace(/\s+/g, ' ').trim() : '';
}

export function typeName(doc: ArchivedDocument, codes: CodeLists, lang: 'fi' | 'sv' | 'en'): string {
  const coded = doc.document.header.specificDocumentType ?? doc.document.code;
  if (!coded) {
    return doc.stored.id;
  }
  const entry = coded.codeSystem ? codes.lookup(coded.codeSystem, coded.code) : undefined;
  return entry?.[lang] ?? entry?.fi ?? coded.displayName ?? coded.code;
}

export function backToSearch(hetu: string, session: Session): string {
  const params = new URLSearchParams({ hetu });
  if (session.reason) {
    const at = session.reason.indexOf(': ');
    params.set('reason', at < 0 ? session.reason : session.reason.slice(0, at));
    if (at >= 0) {
      params.set('reasonText', session.reason.slice(at + 2));
    }
  }
  return `/archivist/search?${params.toString()}`;
}
