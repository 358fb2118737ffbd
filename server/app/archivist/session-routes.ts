/**
 * Signing in and out, and the reader's preferences: /archivist (where to start), /prefs (language,
 * contrast), /login (username and password), /demo (the one-click demo archivist) and /logout.
 */
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { h } from 'preact';
import { LoginPage } from '../../../archivist-ui/views/login.js';
import { KantaSimError } from '../../errors.js';
import { bearerOf, tokenMatches } from '../web-guard.js';
import { clearCookie, COOKIES, setCookie } from './cookies.js';
import { localNext, sendPage } from './page.js';
import type { ArchivistRouteContext } from './route-context.js';
import { checkLoginForm, loginToken, openSession } from './sign-in-forms.js';

const PREFERENCE_SECONDS = 365 * 86_400;

/** The session routes of the archivist router. */
export function sessionRoutes(ctx: ArchivistRouteContext): Router {
  const router = express.Router();
  router.get('/', (req, res) => {
    res.redirect(303, ctx.sessionOf(req) ? '/archivist/search' : '/archivist/login');
  });
  router.get('/prefs', preferences);
  router.get('/login', (req, res) => {
    if (ctx.sessionOf(req)) {
      res.redirect(303, localNext(req.query.next));
      return;
    }
    const next = typeof req.query.next === 'string' ? localNext(req.query.next) : undefined;
    sendLoginPage(ctx, req, res, { next });
  });
  router.post('/login', ctx.form, signIn(ctx));
  router.post('/demo', ctx.form, signInDemo(ctx));
  router.post(
    '/logout',
    ctx.form,
    ctx.signedIn(async (_req, res, session) => {
      await ctx.deps.service.signOut(session);
      clearCookie(res, COOKIES.session);
      res.redirect(303, '/archivist/login');
    }),
  );
  return router;
}

/** GET /prefs?lang=&contrast=&next=: remembers the choices the page may read, then goes back. */
function preferences(req: Request, res: Response): void {
  const { lang, contrast, next } = req.query;
  if (lang === 'fi' || lang === 'sv' || lang === 'en') {
    setCookie(res, COOKIES.lang, lang, { httpOnly: false, maxAgeSeconds: PREFERENCE_SECONDS });
  }
  if (contrast === 'on' || contrast === 'off') {
    setCookie(res, COOKIES.contrast, contrast, { httpOnly: false, maxAgeSeconds: PREFERENCE_SECONDS });
  }
  res.redirect(303, localNext(next));
}

function sendLoginPage(
  ctx: ArchivistRouteContext,
  req: Request,
  res: Response,
  shown: { readonly next?: string; readonly failed?: boolean; readonly username?: string },
  status = 200,
): void {
  const csrf = loginToken(req, res);
  const demoToken = ctx.deps.demoToken !== undefined;
  sendPage(res, h(LoginPage, { ctx: ctx.pageContextOf(req), csrf, demoToken, ...shown }), status);
}

/** POST /login: the service checks the password; a failure shows the form again (401). */
function signIn(ctx: ArchivistRouteContext): RequestHandler {
  return async (req, res, next) => {
    try {
      const body = checkLoginForm(req);
      const username = typeof body.username === 'string' ? body.username : '';
      const password = typeof body.password === 'string' ? body.password : '';
      const started = await ctx.deps.service.signIn(username, password);
      if (!started) {
        sendLoginPage(ctx, req, res, { failed: true, username, next: localNext(body.next) }, 401);
        return;
      }
      openSession(res, started.token);
      res.redirect(303, localNext(body.next));
    } catch (e) {
      next(e);
    }
  };
}

/** POST /demo: the demo archivist, behind the control token when the listener is not on loopback. */
function signInDemo(ctx: ArchivistRouteContext): RequestHandler {
  return async (req, res, next) => {
    try {
      const body = checkLoginForm(req);
      const demoToken = ctx.deps.demoToken;
      if (demoToken !== undefined) {
        const presented = bearerOf(req) ?? body.controlToken;
        if (presented === undefined || presented === '') {
          throw new KantaSimError('CONTROL_TOKEN_REQUIRED');
        }
        if (!tokenMatches(demoToken, presented)) {
          throw new KantaSimError('CONTROL_TOKEN_INVALID');
        }
      }
      openSession(res, (await ctx.deps.service.signInDemo()).token);
      res.redirect(303, '/archivist/search');
    } catch (e) {
      next(e);
    }
  };
}
