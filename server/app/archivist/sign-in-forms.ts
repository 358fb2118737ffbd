/**
 * The sign-in forms' defences before any session exists: a double-submit token (cookie and hidden field
 * must agree) and the browser's Origin; and opening the session once a sign-in succeeds.
 */
import type { Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import { SESSION_TTL_MS } from '../../archivist/sessions.js';
import { KantaSimError } from '../../errors.js';
import { clearCookie, COOKIES, readCookie, setCookie } from './cookies.js';

const LOGIN_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Sets the session cookie and drops the sign-in form's token, which has served its purpose. */
export function openSession(res: Response, token: string): void {
  setCookie(res, COOKIES.session, token, { httpOnly: true, maxAgeSeconds: SESSION_TTL_MS / 1000 });
  clearCookie(res, COOKIES.login);
}

/** The pre-session CSRF token of the sign-in forms: the one the browser holds, else a fresh one. */
export function loginToken(req: Request, res: Response): string {
  const existing = readCookie(req, COOKIES.login);
  if (existing && LOGIN_TOKEN.test(existing)) {
    return existing;
  }
  const token = randomBytes(32).toString('base64url');
  setCookie(res, COOKIES.login, token, { httpOnly: true, maxAgeSeconds: 3600 });
  return token;
}

/** The sign-in form's fields, once its origin and token are checked. */
export function checkLoginForm(req: Request): Record<string, unknown> {
  checkOrigin(req);
  const body = (req.body ?? {}) as Record<string, unknown>;
  const cookie = readCookie(req, COOKIES.login);
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
