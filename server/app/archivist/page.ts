/**
 * What every archivist page shares: the security headers, the page context (language, contrast, the
 * signed-in archivist), sending a rendered page, and the one rule for where a `next` link may lead.
 */
import type { Request, RequestHandler, Response } from 'express';
import type { VNode } from 'preact';
import { FRAME_STYLE_HASH } from '../../../archivist-ui/display-form.js';
import { isLang, messages, type Lang } from '../../../archivist-ui/i18n/index.js';
import { renderPage } from '../../../archivist-ui/render.js';
import type { PageContext } from '../../../archivist-ui/views/context.js';
import type { Session } from '../../archivist/sessions.js';
import { COOKIES, readCookie } from './cookies.js';

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

/** The reader's language: the preference cookie, else Finnish. */
export function langOf(req: Request): Lang {
  const lang = readCookie(req, COOKIES.lang);
  return isLang(lang) ? lang : 'fi';
}

/** The page context from the request and (when signed in) its session. */
export function pageContext(
  req: Request,
  session?: Session,
  organisationName: (oid: string) => string | undefined = () => undefined,
  trainer = false,
  trainee = false,
): PageContext {
  const lang = langOf(req);
  const a = session?.archivist;
  return {
    t: messages(lang),
    lang,
    contrast: readCookie(req, COOKIES.contrast) === 'on',
    path: req.originalUrl,
    user: a && {
      name: a.name,
      organisationName: organisationName(a.organisationOid) ?? a.organisationOid,
      registers: a.registerOids.map((oid) => ({ oid, name: organisationName(oid) ?? oid })),
      demo: a.demo,
      csrf: session.csrfToken,
      ...(trainer ? { trainer } : {}),
      ...(trainee ? { trainee } : {}),
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
