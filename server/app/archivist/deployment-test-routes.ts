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
import { isKantaSimError, KantaSimError } from '../../errors.js';
import type { RehearsalParts } from '../../rehearsal/rehearsal-parts.js';
import type { Rehearsal } from '../../store/rehearsal-store.js';
import { sendPage } from './page.js';
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
  for (const { kind, type } of REPORTS) {
    router.get(`/deployment-tests/:id/report.${kind}`, sendReport(ctx, rehearsal, kind, type));
  }
  return router;
}

/** The archivist's own rehearsals, newest first, with the test cases to start one from. */
async function sendListPage(
  ctx: ArchivistRouteContext,
  rehearsal: RehearsalParts,
  req: Request,
  res: Response,
  session: Session,
  error?: string,
  status = 200,
): Promise<void> {
  const mine = (await rehearsal.rehearsals.list()).filter((r) => visibleTo(r, session)).reverse();
  const page = ctx.pageContextOf(req, session);
  const cases = rehearsal.testCases.list().map((c) => ({ name: c.name, title: titleIn(c.title, page.lang) }));
  sendPage(res, h(DeploymentTestListPage, { ctx: page, cases, rehearsals: mine, error }), status);
}

/** POST /deployment-tests: starts one; a refusal shows the list again with the service's reason. */
function startRehearsal(
  ctx: ArchivistRouteContext,
  rehearsal: RehearsalParts,
): (req: Request, res: Response, session: Session) => Promise<void> {
  return async (req, res, session) => {
    const body = req.body as Record<string, unknown>;
    const hetu = typeof body.hetu === 'string' && body.hetu.trim() !== '' ? body.hetu.trim() : undefined;
    try {
      const started = await rehearsal.rehearsals.start({
        organisationOid: session.archivist.organisationOid,
        caseName: body.caseName,
        ...(hetu === undefined ? {} : { hetu }),
      });
      await ctx.deps.service.logDeploymentTest(session, started.hetu, rehearsalDetail('started', started));
      res.redirect(303, `/archivist/deployment-tests/${encodeURIComponent(started.id)}`);
    } catch (e) {
      if (!isKantaSimError(e) || e.status >= 500) {
        throw e;
      }
      await sendListPage(ctx, rehearsal, req, res, session, e.message, e.status);
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
        caseTitle: titleIn(verdict.testCase.title, page.lang),
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
    await ctx.deps.service.logDeploymentTest(session, r.hetu, rehearsalDetail('report', r, kind));
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

/** The rehearsal named in the path, if the archivist acts for its organisation. */
async function own(rehearsal: RehearsalParts, req: Request, session: Session): Promise<Rehearsal> {
  const id = String(req.params.id);
  const found = await rehearsal.rehearsals.get(id).catch(() => undefined);
  if (!found || !visibleTo(found, session)) {
    throw new KantaSimError('NOT_FOUND', 'no such deployment-test rehearsal in your registers');
  }
  return found;
}

/** Test cases are titled in Finnish and English; Swedish readers get the Finnish title, as in Kanta's own lists. */
function titleIn(title: { readonly fi: string; readonly en: string }, lang: string): string {
  return lang === 'en' ? title.en : title.fi;
}

function visibleTo(r: Rehearsal, session: Session): boolean {
  return session.archivist.registerOids.includes(r.organisationOid);
}
