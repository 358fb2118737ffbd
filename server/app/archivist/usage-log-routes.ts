/**
 * The usage log of the archivist's organisation: GET /archivist/usage-log (page with filters) and
 * /usage-log.csv (the same filters, in the reader's language).
 */
import express, { type Request, type Router } from 'express';
import { h } from 'preact';
import { messages } from '../../../archivist-ui/i18n/index.js';
import { usageLogMessages } from '../../../archivist-ui/i18n/usage-log.js';
import { UsageLogPage } from '../../../archivist-ui/views/usage-log.js';
import type { UsageCsvLabels } from '../../archivist/usage-log.js';
import { usageLines } from '../../archivist/view-models.js';
import { KantaSimError } from '../../errors.js';
import { langOf, sendPage } from './page.js';
import type { ArchivistRouteContext } from './route-context.js';
import { readUsageLogForm } from './usage-log-form.js';

/** The CSV's headers, action names and purpose names in the reader's language. */
function csvLabels(req: Request): { labels: UsageCsvLabels; file: string } {
  const lang = langOf(req);
  const t = messages(lang);
  const u = usageLogMessages(lang);
  return {
    labels: { columns: u.csvColumns, action: (a) => t.actions[a], reason: (r) => t.reasons[r] },
    file: u.csvFile,
  };
}

/** The usage-log routes of the archivist router. */
export function usageLogRoutes(ctx: ArchivistRouteContext): Router {
  const { usageLog } = ctx.deps;
  const router = express.Router();
  router.get(
    '/usage-log',
    ctx.signedIn(async (req, res, session) => {
      const read = readUsageLogForm(req.query as Record<string, unknown>);
      const entries = read.problem ? [] : usageLines(await usageLog.entries(session, read.query));
      sendPage(
        res,
        h(UsageLogPage, {
          ctx: ctx.pageContextOf(req, session),
          entries,
          form: read.form,
          archivists: await usageLog.colleagues(session),
          problem: read.problem,
          search: read.search,
        }),
        read.problem ? 400 : 200,
      );
    }),
  );
  router.get(
    '/usage-log.csv',
    ctx.signedIn(async (req, res, session) => {
      const read = readUsageLogForm(req.query as Record<string, unknown>);
      if (read.problem) {
        throw new KantaSimError('BAD_REQUEST', `the usage-log filter "${read.problem.field}" is not valid`);
      }
      const { labels, file } = csvLabels(req);
      const csv = await usageLog.csv(session, read.query, labels);
      // UTF-8 with a byte order mark: without it Excel reads the file in the machine's legacy code page.
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .setHeader('Content-Disposition', `attachment; filename="${file}"`)
        .send(`\uFEFF${csv}`);
    }),
  );
  return router;
}
