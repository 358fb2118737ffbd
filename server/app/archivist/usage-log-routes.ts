/** The usage log of the archivist's organisation: GET /archivist/usage-log (page) and /usage-log.csv. */
import express, { type Router } from 'express';
import { h } from 'preact';
import { UsageLogPage } from '../../../archivist-ui/views/usage-log.js';
import { sendPage } from './page.js';
import type { ArchivistRouteContext } from './route-context.js';
import { usageLines } from '../../archivist/view-models.js';

/** The usage-log routes of the archivist router. */
export function usageLogRoutes(ctx: ArchivistRouteContext): Router {
  const { service } = ctx.deps;
  const router = express.Router();
  router.get(
    '/usage-log',
    ctx.signedIn(async (req, res, session) => {
      const entries = usageLines(await service.usageLog(session));
      sendPage(res, h(UsageLogPage, { ctx: ctx.pageContextOf(req, session), entries }));
    }),
  );
  router.get(
    '/usage-log.csv',
    ctx.signedIn(async (_req, res, session) => {
      const csv = await service.usageLogCsv(session);
      // The byte order mark makes spreadsheet programs read the file as UTF-8.
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .setHeader('Content-Disposition', 'attachment; filename="kayttoloki.csv"')
        .send(`\uFEFF${csv}`);
    }),
  );
  return router;
}
