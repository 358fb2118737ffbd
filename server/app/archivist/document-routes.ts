/**
 * A document of the archivist's registers: GET /archivist/documents/:id shows it, POST .../compare saves
 * the archivist's comparison with the client system. Invalidation has its own module.
 */
import express, { type Router } from 'express';
import { sendDocumentPage } from './document-page.js';
import type { ArchivistRouteContext } from './route-context.js';

/** The document routes of the archivist router. */
export function documentRoutes(ctx: ArchivistRouteContext): Router {
  const router = express.Router();
  router.get(
    '/documents/:id',
    ctx.signedIn((req, res, session) => sendDocumentPage(ctx, req, res, session)),
  );
  router.post(
    '/documents/:id/compare',
    ctx.form,
    ctx.signedIn(async (req, res, session) => {
      const id = String(req.params.id);
      await ctx.deps.service.saveCompare(session, id, req.body as Record<string, unknown>);
      res.redirect(303, `/archivist/documents/${encodeURIComponent(id)}?done=compare#compare`);
    }),
  );
  return router;
}
