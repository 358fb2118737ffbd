/**
 * GET /archivist/events: a server-sent event stream of documents arriving in the archivist's registers.
 * The first event (`ready`) tells the page the subscription is live; a comment every 25 s keeps proxies
 * from closing an idle stream. Closing the page unsubscribes.
 */
import express, { type Request, type Response, type Router } from 'express';
import { formatHl7, formatInstant, maskHetu, nameIn } from '../../../archivist-ui/format.js';
import { messages, type Lang } from '../../../archivist-ui/i18n/index.js';
import { documentTitle } from '../../archivist/document-title.js';
import type { LiveFeed } from '../../archivist/live-feed.js';
import type { Session } from '../../archivist/sessions.js';
import type { CodeLists } from '../../codes/code-lists.js';
import { CODE_SYSTEMS } from '../../codes/code-systems.js';
import { langOf } from './page.js';
import type { ArchivistRouteContext } from './route-context.js';

const HEARTBEAT_MS = 25_000;

/** The live-events route of the archivist router. */
export function liveEventRoutes(ctx: ArchivistRouteContext): Router {
  const router = express.Router();
  router.get(
    '/events',
    ctx.signedIn(async (req, res, session) => {
      serveEvents(req, res, session, ctx.deps.feed, ctx.deps.codes, langOf(req));
    }),
  );
  return router;
}

function serveEvents(
  req: Request,
  res: Response,
  session: Session,
  feed: LiveFeed,
  codes: CodeLists,
  lang: Lang,
): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.write('retry: 3000\n\nevent: ready\ndata: {}\n\n');
  const unsubscribe = feed.subscribe(session.archivist.registerOids, (a) => {
    const phase = a.prosessivaihe ? codes.lookup(CODE_SYSTEMS.PROCESS_PHASE, a.prosessivaihe) : undefined;
    const payload = {
      documentId: a.documentId,
      href: `/archivist/documents/${encodeURIComponent(a.documentId)}`,
      hetu: a.hetu,
      hetuMasked: maskHetu(a.hetu),
      documentType: nameIn(documentTitle(a.titleCodes, codes), lang) ?? messages(lang).documentTitle,
      phase: phase ? (phase[lang] ?? phase.fi) : undefined,
      date: formatHl7(a.effectiveTime, lang),
      archivedAt: formatInstant(a.archivedAt, lang),
      versionNumber: a.versionNumber,
      state: a.state,
    };
    res.write(`event: arrival\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  req.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}
