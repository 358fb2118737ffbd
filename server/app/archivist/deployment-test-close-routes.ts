/**
 * Closing a deployment-test rehearsal from the archivist interface: POST .../finish finishes it and keeps its
 * verdict; POST .../cancel asks for confirmation and POST .../cancel/confirm cancels it (no verdict). Both
 * record who closed it. A rehearsal already closed is shown as it is (a second click changes nothing).
 */
import type { Request, Response, Router } from 'express';
import { h } from 'preact';
import { CancelRehearsalConfirmPage } from '../../../archivist-ui/views/deployment-test-cancel.js';
import type { Session } from '../../archivist/sessions.js';
import type { RehearsalParts } from '../../rehearsal/rehearsal-parts.js';
import { own } from './deployment-test-access.js';
import { sendPage } from './page.js';
import { testCaseTitle } from '../../rehearsal/test-case.js';
import { rehearsalDetail } from '../../archivist/usage-detail.js';
import type { ArchivistRouteContext } from './route-context.js';

/** Adds the finish and cancel routes to the deployment-test router. */
export function addCloseRoutes(router: Router, ctx: ArchivistRouteContext, rehearsal: RehearsalParts): void {
  router.post('/deployment-tests/:id/finish', ctx.form, ctx.signedIn(close(ctx, rehearsal, 'finish')));
  router.post(
    '/deployment-tests/:id/cancel',
    ctx.form,
    ctx.signedIn(async (req, res, session) => {
      const r = await own(rehearsal, req, session);
      const page = ctx.pageContextOf(req, session);
      if (r.status !== 'running') {
        res.redirect(303, pathOf(r.id));
        return;
      }
      const caseTitle = testCaseTitle(rehearsal.testCases.get(r.caseName).title, page.lang);
      sendPage(res, h(CancelRehearsalConfirmPage, { ctx: page, rehearsal: r, caseTitle }));
    }),
  );
  router.post(
    '/deployment-tests/:id/cancel/confirm',
    ctx.form,
    ctx.signedIn(close(ctx, rehearsal, 'cancel')),
  );
}

function close(
  ctx: ArchivistRouteContext,
  rehearsal: RehearsalParts,
  action: 'finish' | 'cancel',
): (req: Request, res: Response, session: Session) => Promise<void> {
  return async (req, res, session) => {
    const r = await own(rehearsal, req, session);
    if (r.status === 'running') {
      const by = session.archivist.name;
      const closed =
        action === 'finish'
          ? await rehearsal.rehearsals.finish(r.id, by)
          : await rehearsal.rehearsals.cancel(r.id, by);
      const outcome = closed.finalResult;
      const detail =
        action === 'finish'
          ? rehearsalDetail('finished', r, outcome === undefined ? {} : { outcome })
          : rehearsalDetail('cancelled', r);
      await ctx.deps.service.logDeploymentTest(session, r.hetu, detail);
    }
    res.redirect(303, pathOf(r.id));
  };
}

function pathOf(id: string): string {
  return `/archivist/deployment-tests/${encodeURIComponent(id)}`;
}
