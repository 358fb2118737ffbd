/**
 * The deployment-test pages of the archivist interface (/archivist/deployment-tests): start a rehearsal for the
 * archivist's own organisation, follow its checklist, open its report. Rehearsals of organisations the
 * archivist does not act for answer 404, like documents outside its registers.
 */
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { h } from 'preact';
import { DeploymentTestListPage, DeploymentTestPage } from '../../../archivist-ui/views/deployment-test.js';
import type { Session } from '../../archivist/sessions.js';
import { rehearsalDetail } from '../../archivist/usage-detail.js';
import type { RehearsalParts } from '../../rehearsal/rehearsal-parts.js';
import { startFormError } from '../../rehearsal/start-errors.js';
import type { StartFormError, StartFormValues } from '../../rehearsal/view-models.js';
import { own, visibleTo } from './deployment-test-access.js';
import { addCloseRoutes } from './deployment-test-close-routes.js';
import { sendPage } from './page.js';
import { rehearsalPurposeStated, stateRehearsalPurpose } from './rehearsal-purpose.js';
import { testCaseTitle } from '../../rehearsal/test-case.js';
import type { ArchivistRouteContext } from './route-context.js';

const REPORTS = [
  { kind: 'html', type: 'text/html; charset=utf-8' },
  { kind: 'pdf', type: 'application/pdf' },
  { kind: 'eml', type: 'message/rfc822' },
] as const;

type ReportKind = (typeof REPORTS)[number]['kind'];

/** The deployment-test routes of the archivist router, when this kanta-sim has a rehearsal. */
export function deploymentTestRoutes(ctx: ArchivistRouteContext, rehearsal: RehearsalParts): Router {
  const router = express.Router();
  router.get(
    '/deployment-tests',
    ctx.signedIn(async (req, res, session) => sendListPage(ctx, rehearsal, req, res, session)),
  );
  router.post('/deployment-tests', ctx.form, ctx.signedIn(startRehearsal(ctx, rehearsal)));
  router.get('/deployment-tests/:id', ctx.signedIn(showRehearsal(ctx, rehearsal)));
  router.post(
    '/deployment-tests/:id/purpose',
    ctx.form,
    ctx.signedIn(stateRehearsalPurpose(ctx, (req, session) => own(rehearsal, req, session))),
  );
  addCloseRoutes(router, ctx, rehearsal);
  for (const { kind, type } of REPORTS) {
    router.get(`/deployment-tests/:id/report.${kind}`, sendReport(ctx, rehearsal, kind, type));
  }
  return router;
}

/** A refused start: the reason tied to its field, and what was chosen, so the form shows it again. */
interface RefusedStart {
  readonly error: StartFormError;
  readonly values: StartFormValues;
}

/** The archivist's own rehearsals in the order they were started, each with its state, and the test cases. */
async function sendListPage(
  ctx: ArchivistRouteContext,
  rehearsal: RehearsalParts,
  req: Request,
  res: Response,
  session: Session,
  refused?: RefusedStart,
): Promise<void> {
  const mine = (await rehearsal.rehearsals.list()).filter((r) => visibleTo(r, session)).reverse();
  const states = await Promise.all(
    mine.map((r) =>
      rehearsal.rehearsals.verdict(r.id).then(
        (v) => v.progress.state,
        // A rehearsal that can no longer be judged (its organiser's access right was removed) still lists.
        () => undefined,
      ),
    ),
  );
  const page = ctx.pageContextOf(req, session);
  const cases = rehearsal.testCases
    .list()
    .map((c) => ({ name: c.name, title: testCaseTitle(c.title, page.lang) }));
  const rehearsals = mine.map((r, i) => ({ ...r, ...(states[i] === undefined ? {} : { state: states[i] }) }));
  sendPage(
    res,
    h(DeploymentTestListPage, {
      ctx: page,
      cases,
      rehearsals,
      ...(refused === undefined ? {} : { error: refused.error, values: refused.values }),
    }),
    refused === undefined ? 200 : 400,
  );
}

/** POST /deployment-tests: starts one; a refusal shows the form again (400) with the reason at its field. */
function startRehearsal(
  ctx: ArchivistRouteContext,
  rehearsal: RehearsalParts,
): (req: Request, res: Response, session: Session) => Promise<void> {
  return async (req, res, session) => {
    const body = req.body as Record<string, unknown>;
    const text = (v: unknown): string | undefined =>
      typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
    const values: StartFormValues = {
      ...(text(body.caseName) === undefined ? {} : { caseName: text(body.caseName) }),
      ...(text(body.hetu) === undefined ? {} : { hetu: text(body.hetu) }),
    };
    if (values.caseName === undefined) {
      const error: StartFormError = { field: 'caseName', reason: 'case-unknown' };
      await sendListPage(ctx, rehearsal, req, res, session, { error, values });
      return;
    }
    try {
      const started = await rehearsal.rehearsals.start({
        organisationOid: session.archivist.organisationOid,
        caseName: values.caseName,
        ...(values.hetu === undefined ? {} : { hetu: values.hetu }),
      });
      await ctx.deps.service.logDeploymentTest(session, started.hetu, rehearsalDetail('started', started));
      res.redirect(303, `/archivist/deployment-tests/${encodeURIComponent(started.id)}`);
    } catch (e) {
      const error = startFormError(e);
      if (error === undefined) {
        throw e;
      }
      await sendListPage(ctx, rehearsal, req, res, session, { error, values });
    }
  };
}

/** GET /deployment-tests/:id: the rehearsal's checklist and verdict. */
function showRehearsal(
  ctx: ArchivistRouteContext,
  rehearsal: RehearsalParts,
): (req: Request, res: Response, session: Session) => Promise<void> {
  return async (req, res, session) => {
    const r = await own(rehearsal, req, session);
    if (!(await rehearsalPurposeStated(ctx, req, res, session, r, 'page'))) {
      return;
    }
    const [verdict, model] = await Promise.all([
      rehearsal.rehearsals.verdict(r.id),
      rehearsal.reports.model(r.id, ctx.pageContextOf(req, session).lang),
    ]);
    await ctx.deps.service.logDeploymentTest(session, r.hetu, rehearsalDetail('viewed', r));
    const page = ctx.pageContextOf(req, session);
    sendPage(
      res,
      h(DeploymentTestPage, {
        ctx: page,
        verdict,
        caseTitle: testCaseTitle(verdict.testCase.title, page.lang),
        deadlineText: model.deadlineText,
        registerName: (oid: string) => ctx.orgName(oid) ?? oid,
      }),
    );
  };
}

/** GET /deployment-tests/:id/report.{html,pdf,eml}: the report, logged as read. */
function sendReport(
  ctx: ArchivistRouteContext,
  rehearsal: RehearsalParts,
  kind: ReportKind,
  type: string,
): RequestHandler {
  return ctx.signedIn(async (req, res, session) => {
    const r = await own(rehearsal, req, session);
    if (!(await rehearsalPurposeStated(ctx, req, res, session, r, 'redirect'))) {
      return;
    }
    await ctx.deps.service.logDeploymentTest(session, r.hetu, rehearsalDetail('report', r, { report: kind }));
    const files = rehearsal.reports;
    // The report follows the archivist's language, as the page that links to it does.
    const { lang } = ctx.pageContextOf(req, session);
    const body =
      kind === 'html'
        ? await files.html(r.id, lang)
        : kind === 'pdf'
          ? await files.pdf(r.id, { lang })
          : await files.eml(r.id, lang);
    res.status(200).type(type);
    if (kind === 'html') {
      // The report is our own escaped rendering with its print styles inline; nothing in it may run or load.
      res.setHeader(
        'Content-Security-Policy',
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
      );
    } else {
      res.setHeader('Content-Disposition', `attachment; filename="kayttoonottokoe-${r.id}.${kind}"`);
    }
    res.send(body);
  });
}
