/**
 * A document of the archivist's registers: GET /archivist/documents/:id shows it (or asks the purpose of
 * use for its client), POST .../purpose states that purpose, POST .../compare saves the archivist's
 * comparison with the client system. Invalidation has its own module.
 */
import express, { type Router } from 'express';
import { documentPurposePath, sendDocumentPage } from './document-page.js';
import { readPurposeForm, sendPurposeGate } from './purpose-gate.js';
import type { ArchivistRouteContext } from './route-context.js';

/** The document routes of the archivist router. */
export function documentRoutes(ctx: ArchivistRouteContext): Router {
  const router = express.Router();
  router.get(
    '/documents/:id',
    ctx.signedIn((req, res, session) => sendDocumentPage(ctx, req, res, session)),
  );
  router.post(
    '/documents/:id/purpose',
    ctx.form,
    ctx.signedIn(async (req, res, session) => {
      const id = String(req.params.id);
      const read = readPurposeForm(req.body);
      if (!read.ok) {
        // The document must be one the archivist may see, before even the form is shown again.
        await ctx.deps.service.checkVisible(session, id);
        sendPurposeGate(ctx, req, res, session, {
          action: documentPurposePath(id),
          subject: 'document',
          cancelHref: '/archivist/search',
          form: read.form,
          problem: read.problem,
        });
        return;
      }
      await ctx.deps.service.statePurposeForDocument(session, id, read.purpose);
      res.redirect(303, `/archivist/documents/${encodeURIComponent(id)}`);
    }),
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
