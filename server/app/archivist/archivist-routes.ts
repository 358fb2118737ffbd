/**
 * The archivist interface at /archivist on the web listener: server-rendered pages (preact, escaped by
 * construction), forms that work without script, and a server-sent event stream for live arrivals.
 * Routes translate: they read the request, call ArchivistService with plain values and render the answer.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { h } from 'preact';
import { displayFormSrcdoc } from '../../../archivist-ui/display-form.js';
import { STATIC_DIR } from '../../../archivist-ui/static-dir.js';
import { DocumentPage } from '../../../archivist-ui/views/document.js';
import { InvalidateConfirmPage } from '../../../archivist-ui/views/invalidate-confirm.js';
import { LoginPage } from '../../../archivist-ui/views/login.js';
import { SearchPage } from '../../../archivist-ui/views/search.js';
import { UsageLogPage } from '../../../archivist-ui/views/usage-log.js';
import type { ArchivistService } from '../../archivist/archivist-service.js';
import type { OrganisationNames } from '../../archivist/archivists.js';
import type { LiveFeed } from '../../archivist/live-feed.js';
import { csrfMatches, type Session } from '../../archivist/sessions.js';
import type { CodeLists } from '../../codes/code-lists.js';
import { KantaSimError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import {
  archivistErrorPage,
  backToSearch,
  checkLoginForm,
  checkOrigin,
  loginToken,
  openSession,
  reasonOf,
  typeName,
  clearCookie,
  cookies,
  COOKIES,
  langOf,
  localNext,
  pageContext,
  securityHeaders,
  sendPage,
  setCookie,
} from './archivist-http.js';
import { addDeploymentTestRoutes } from './archivist-deployment-test-routes.js';
import { serveEvents } from './archivist-events.js';
import type { RehearsalParts } from '../../rehearsal/assemble.js';
import { codeNamer, readSearch } from './archivist-search.js';
import { bearerOf, tokenMatches } from '../web-guard.js';

export interface ArchivistRoutesDeps {
  readonly service: ArchivistService;
  readonly feed: LiveFeed;
  readonly codes: CodeLists;
  readonly organisations: OrganisationNames;
  readonly logger: Logger;
  /** The deployment-test rehearsal, when this kanta-sim has one (the Käyttöönottokoe pages). */
  readonly rehearsal?: RehearsalParts;
  /**
   * When set (web listener not on loopback), the one-click demo sign-in needs this control token, as
   * `Authorization: Bearer` or typed into the demo form, so that anyone who can reach the listener cannot
   * read client data as the demo archivist.
   */
  readonly demoToken?: string;
}

type Handler = (req: Request, res: Response, session: Session) => Promise<void>;

/** Builds the router mounted at /archivist. */
export function archivistRouter(deps: ArchivistRoutesDeps): Router {
  const { service } = deps;
  const router = express.Router();
  const sessions = new WeakMap<Request, Session>();
  const orgName = (oid: string): string | undefined => deps.organisations.get(oid)?.name;
  const ctxOf = (req: Request, session?: Session) => pageContext(req, session, orgName);
  const form = express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 200 });

  router.use(securityHeaders);
  router.use('/static', express.static(STATIC_DIR, { index: false, fallthrough: false }));
  router.use(async (req, _res, next) => {
    try {
      const session = await service.session(cookies(req)[COOKIES.session]);
      if (session) {
        sessions.set(req, session);
      }
      next();
    } catch (e) {
      next(e);
    }
  });

  /** Signed-in pages: a GET without a session goes to sign-in; a POST must carry the session's CSRF token. */
  const signedIn =
    (handler: Handler) =>
    async (req: Request, res: Response, next: NextFunction): Promise<void> => {
      try {
        const session = sessions.get(req);
        if (!session) {
          if (req.method === 'GET' && req.accepts('html') && req.path !== '/events') {
            res.redirect(303, `/archivist/login?next=${encodeURIComponent(req.originalUrl)}`);
            return;
          }
          throw new KantaSimError('UNAUTHORIZED');
        }
        if (req.method === 'POST') {
          checkOrigin(req);
          if (!csrfMatches(session, (req.body as Record<string, unknown> | undefined)?.csrf)) {
            throw new KantaSimError('FORBIDDEN', 'the form token is missing or wrong', {
              details: { csrf: true },
            });
          }
        }
        await handler(req, res, session);
      } catch (e) {
        next(e);
      }
    };

  router.get('/', (req, res) => {
    res.redirect(303, sessions.has(req) ? '/archivist/search' : '/archivist/login');
  });

  router.get('/prefs', (req, res) => {
    const { lang, contrast, next } = req.query;
    if (lang === 'fi' || lang === 'sv' || lang === 'en') {
      setCookie(res, COOKIES.lang, lang, { httpOnly: false, maxAgeSeconds: 365 * 86_400 });
    }
    if (contrast === 'on' || contrast === 'off') {
      setCookie(res, COOKIES.contrast, contrast, { httpOnly: false, maxAgeSeconds: 365 * 86_400 });
    }
    res.redirect(303, localNext(next));
  });

  router.get('/login', (req, res) => {
    if (sessions.has(req)) {
      res.redirect(303, localNext(req.query.next));
      return;
    }
    const csrf = loginToken(req, res);
    const next = typeof req.query.next === 'string' ? localNext(req.query.next) : undefined;
    sendPage(res, h(LoginPage, { ctx: ctxOf(req), csrf, next, demoToken: deps.demoToken !== undefined }));
  });

  router.post('/login', form, async (req, res, next) => {
    try {
      const body = checkLoginForm(req);
      const username = typeof body.username === 'string' ? body.username : '';
      const password = typeof body.password === 'string' ? body.password : '';
      const started = await service.signIn(username, password);
      if (!started) {
        const csrf = loginToken(req, res);
        sendPage(
          res,
          h(LoginPage, {
            ctx: ctxOf(req),
            csrf,
            failed: true,
            username,
            next: localNext(body.next),
            demoToken: deps.demoToken !== undefined,
          }),
          401,
        );
        return;
      }
      openSession(res, started.token);
      res.redirect(303, localNext(body.next));
    } catch (e) {
      next(e);
    }
  });

  router.post('/demo', form, async (req, res, next) => {
    try {
      const body = checkLoginForm(req);
      if (deps.demoToken !== undefined) {
        const presented = bearerOf(req) ?? body.controlToken;
        if (presented === undefined || presented === '') {
          throw new KantaSimError('CONTROL_TOKEN_REQUIRED');
        }
        if (!tokenMatches(deps.demoToken, presented)) {
          throw new KantaSimError('CONTROL_TOKEN_INVALID');
        }
      }
      openSession(res, (await service.signInDemo()).token);
      res.redirect(303, '/archivist/search');
    } catch (e) {
      next(e);
    }
  });

  router.post(
    '/logout',
    form,
    signedIn(async (_req, res, session) => {
      await service.signOut(session);
      clearCookie(res, COOKIES.session);
      res.redirect(303, '/archivist/login');
    }),
  );

  router.get(
    '/search',
    signedIn(async (req, res, session) => {
      const lang = langOf(req);
      const search = await readSearch(req.query, session, service, deps.codes, lang);
      const ctx = ctxOf(req, search.session);
      sendPage(
        res,
        h(SearchPage, {
          ctx,
          form: search.form,
          options: search.options,
          result: search.result,
          error: search.errorKey ? ctx.t[search.errorKey] : undefined,
          filtersOpen: search.filtersOpen,
          names: { ...codeNamer(deps.codes, lang), register: orgName },
        }),
        search.errorKey ? 400 : 200,
      );
    }),
  );

  const documentPage = async (
    req: Request,
    res: Response,
    session: Session,
    extra: { invalidateError?: string; invalidateReason?: string; status?: number } = {},
  ): Promise<void> => {
    const lang = langOf(req);
    const view = await service.viewDocument(session, String(req.params.id));
    const xhtml = view.document.content.xhtml;
    const done = req.query.done;
    sendPage(
      res,
      h(DocumentPage, {
        ctx: ctxOf(req, session),
        view,
        srcdoc: xhtml ? await displayFormSrcdoc(xhtml, lang) : undefined,
        typeName: typeName(view.document, deps.codes, lang),
        flash: done === 'compare' ? 'compare-saved' : done === 'invalidated' ? 'invalidated' : undefined,
        backHref: backToSearch(view.document.stored.hetu, session),
        ...extra,
      }),
      extra.status ?? 200,
    );
  };

  router.get('/documents/:id', signedIn(documentPage));

  router.post(
    '/documents/:id/compare',
    form,
    signedIn(async (req, res, session) => {
      const id = String(req.params.id);
      await service.saveCompare(session, id, req.body as Record<string, unknown>);
      res.redirect(303, `/archivist/documents/${encodeURIComponent(id)}?done=compare#compare`);
    }),
  );

  router.post(
    '/documents/:id/invalidate',
    form,
    signedIn(async (req, res, session) => {
      const reason = reasonOf(req);
      if (reason.length < 3) {
        const t = ctxOf(req, session).t;
        await documentPage(req, res, session, { invalidateError: t.invalidateReasonRequired, status: 400 });
        return;
      }
      const document = await service.peekDocument(session, String(req.params.id));
      sendPage(
        res,
        h(InvalidateConfirmPage, {
          ctx: ctxOf(req, session),
          document,
          typeName: typeName(document, deps.codes, langOf(req)),
          reason,
        }),
      );
    }),
  );

  router.post(
    '/documents/:id/invalidate/confirm',
    form,
    signedIn(async (req, res, session) => {
      const id = String(req.params.id);
      await service.invalidate(session, id, reasonOf(req));
      res.redirect(303, `/archivist/documents/${encodeURIComponent(id)}?done=invalidated`);
    }),
  );

  router.get(
    '/usage-log',
    signedIn(async (req, res, session) => {
      sendPage(res, h(UsageLogPage, { ctx: ctxOf(req, session), entries: await service.usageLog(session) }));
    }),
  );

  router.get(
    '/usage-log.csv',
    signedIn(async (_req, res, session) => {
      const csv = await service.usageLogCsv(session);
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .setHeader('Content-Disposition', 'attachment; filename="kayttoloki.csv"')
        .send(`\uFEFF${csv}`);
    }),
  );

  router.get(
    '/events',
    signedIn(async (req, res, session) => {
      serveEvents(req, res, session, deps.feed, deps.codes, langOf(req));
    }),
  );

  if (deps.rehearsal) {
    addDeploymentTestRoutes(router, {
      rehearsal: deps.rehearsal,
      service,
      signedIn,
      form,
      ctxOf: (req, session) => ctxOf(req, session),
      orgName,
    });
  }

  router.use(archivistErrorPage(deps.logger, (req) => sessions.get(req), orgName));
  return router;
}
