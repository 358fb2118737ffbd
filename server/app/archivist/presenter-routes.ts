/**
 * The presenter view: a second window of the trainer (on the projector) that mirrors the trainer's main
 * window. Every page the main window is shown is recorded on the board; GET /archivist/presenter shows the
 * latest one in large type and high contrast with every hetu masked unless this window revealed them
 * (POST /archivist/presenter/reveal), and /archivist/presenter/events tells the window when to reload.
 */
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { h } from 'preact';
import { renderPage } from '../../../archivist-ui/render.js';
import { presenterBarHtml, PresenterWaitingPage } from '../../../archivist-ui/views/presenter.js';
import type { Session } from '../../archivist/sessions.js';
import { maskHetusInHtml, type PresenterBoard, type PresenterParts } from '../../classroom/presenter.js';
import { KantaSimError } from '../../errors.js';
import type { ArchivistRouteContext } from './route-context.js';

const HEARTBEAT_MS = 25_000;
/** Paths of the main window that are not pages to mirror. */
const NOT_MIRRORED = /^\/(presenter|events|static)(\/|$)/;
/**
 * Pages of the trainer's console that carry passwords: the sign-in cards, and the answers to the console's
 * forms (making a class shows the trainer's own password once). The projector never shows them.
 */
function carriesPasswords(req: Request): boolean {
  return (
    /^\/classroom\/cards/.test(req.path) || (req.method === 'POST' && /^\/classroom(\/|$)/.test(req.path))
  );
}

/**
 * Records each HTML page a trainer's main window is sent (not the presenter windows' own pages), by
 * wrapping this response's send. Goes after the session is loaded, before the routes.
 */
export function presenterRecorder(ctx: ArchivistRouteContext, deps: PresenterParts): RequestHandler {
  return (req, res, next) => {
    const session = ctx.sessionOf(req);
    if (
      !session ||
      NOT_MIRRORED.test(req.path) ||
      carriesPasswords(req) ||
      deps.board.isPresenter(session.tokenHash)
    ) {
      next();
      return;
    }
    const send = res.send.bind(res);
    res.send = (body?: unknown): Response => {
      const html = /^text\/html/.test(String(res.get('Content-Type') ?? ''));
      if (html && typeof body === 'string' && res.statusCode < 500 && res.locals.presenterPrivate !== true) {
        // The check is a lookup, the send must not wait for it: a late answer records the page anyway.
        void deps.isTrainer(session.archivist.id).then(
          (trainer) => trainer && deps.board.show(session.archivist.id, req.originalUrl, body),
          () => undefined,
        );
      }
      return send(body);
    };
    next();
  };
}

/** Keeps this response off the projector (a page with passwords, such as the sign-in cards). */
export function keepOffPresenter(res: Response): void {
  res.locals.presenterPrivate = true;
}

/**
 * A mirrored page made fit for the projector: this window's CSRF token instead of the main window's, the
 * presenter's classes, style and script, the bar on top, and hetus masked unless revealed.
 */
function presented(html: string, seq: number, bar: string, revealed: boolean): string {
  const page = html
    .replace(/(name="csrf" value=")[^"]*"/g, '$1"')
    .replace(/<html\b[^>]*>/, (tag) => {
      const attrs = tag.slice('<html'.length, -1).replace(/\sclass="[^"]*"/, '');
      return `<html${attrs} class="contrast presenter" data-presenter-seq="${seq}">`;
    })
    .replace(
      '</head>',
      '<link rel="stylesheet" href="/archivist/static/presenter.css" /><script src="/archivist/static/presenter.js" defer></script></head>',
    )
    .replace(/<body([^>]*)>/, `<body$1>${bar}`);
  return revealed ? page : maskHetusInHtml(page);
}

/** The presenter routes of the archivist router. */
export function presenterRoutes(ctx: ArchivistRouteContext, deps: PresenterParts): Router {
  const router = express.Router();
  const trainerOnly = async (session: Session): Promise<void> => {
    if (!(await deps.isTrainer(session.archivist.id))) {
      throw new KantaSimError('FORBIDDEN', 'the presenter view is for a trainer only');
    }
    deps.board.markPresenter(session.tokenHash);
  };
  router.get(
    '/presenter',
    ctx.signedIn(async (req, res, session) => {
      await trainerOnly(session);
      const page = ctx.pageContextOf(req, session);
      const revealed = deps.board.isRevealed(session.tokenHash);
      const latest = deps.board.latest(session.archivist.id);
      const html = latest?.html ?? renderPage(h(PresenterWaitingPage, { ctx: page }));
      res
        .status(200)
        .type('html')
        .send(presented(html, latest?.seq ?? 0, presenterBarHtml(page, revealed), revealed));
    }),
  );
  router.post(
    '/presenter/reveal',
    ctx.form,
    ctx.signedIn(async (req, res, session) => {
      await trainerOnly(session);
      const reveal = (req.body as Record<string, unknown>).reveal;
      if (reveal !== 'on' && reveal !== 'off') {
        throw new KantaSimError('BAD_REQUEST', 'reveal must be "on" or "off"');
      }
      deps.board.setRevealed(session.tokenHash, reveal === 'on');
      res.redirect(303, '/archivist/presenter');
    }),
  );
  router.get(
    '/presenter/events',
    ctx.signedIn(async (req, res, session) => {
      await trainerOnly(session);
      followEvents(req, res, deps.board, session.archivist.id);
    }),
  );
  return router;
}

function followEvents(req: Request, res: Response, board: PresenterBoard, trainerId: string): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  const seq = board.latest(trainerId)?.seq ?? 0;
  res.write(`retry: 3000\n\nevent: page\ndata: ${JSON.stringify({ seq })}\n\n`);
  const unfollow = board.follow(trainerId, (page) => {
    res.write(`event: page\ndata: ${JSON.stringify({ seq: page.seq })}\n\n`);
  });
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  req.on('close', () => {
    clearInterval(heartbeat);
    unfollow();
  });
}
