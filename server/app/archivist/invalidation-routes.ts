/**
 * Invalidating a document, in two steps: POST /archivist/documents/:id/invalidate asks for confirmation
 * (or shows the document again when the reason is missing), POST .../invalidate/confirm invalidates.
 */
import express, { type Request, type Router } from 'express';
import { h } from 'preact';
import { InvalidateConfirmPage } from '../../../archivist-ui/views/invalidate-confirm.js';
import { sendDocumentPage, typeName } from './document-page.js';
import { langOf, sendPage } from './page.js';
import type { ArchivistRouteContext } from './route-context.js';
import { documentSummary } from '../../archivist/view-models.js';

/** The invalidation routes of the archivist router. */
export function invalidationRoutes(ctx: ArchivistRouteContext): Router {
  const { service, codes } = ctx.deps;
  const router = express.Router();
  router.post(
    '/documents/:id/invalidate',
    ctx.form,
    ctx.signedIn(async (req, res, session) => {
      const reason = reasonOf(req);
      if (reason.length < 3) {
        const t = ctx.pageContextOf(req, session).t;
        await sendDocumentPage(ctx, req, res, session, {
          invalidateError: t.invalidateReasonRequired,
          status: 400,
        });
        return;
      }
      const document = await service.peekDocument(session, String(req.params.id));
      sendPage(
        res,
        h(InvalidateConfirmPage, {
          ctx: ctx.pageContextOf(req, session),
          document: documentSummary(document),
          typeName: typeName(document, codes, langOf(req)),
          reason,
        }),
      );
    }),
  );
  router.post(
    '/documents/:id/invalidate/confirm',
    ctx.form,
    ctx.signedIn(async (req, res, session) => {
      const id = String(req.params.id);
      await service.invalidate(session, id, reasonOf(req));
      res.redirect(303, `/archivist/documents/${encodeURIComponent(id)}?done=invalidated`);
    }),
  );
  return router;
}

/** The form's reason, on one line. */
function reasonOf(req: Request): string {
  const r = (req.body as Record<string, unknown> | undefined)?.reason;
  return typeof r === 'string' ? r.replace(/\s+/g, ' ').trim() : '';
}
