/**
 * The deployment-test pages of the archivist interface (/archivist/deployment-tests): start a rehearsal for the
 * archivist's own organisation, follow its checklist, open its report. Rehearsals of organisations the
 * archivist does not act for answer 404, like documents outside its registers.
 */
import type { Request, RequestHandler, Response, Router } from 'express';
import { h } from 'preact';
import { DeploymentTestListPage, DeploymentTestPage } from '../../../archivist-ui/views/deployment-test.js';
import type { PageContext } from '../../../archivist-ui/views/context.js';
import type { ArchivistService } from '../../archivist/archivist-service.js';
import type { Session } from '../../archivist/sessions.js';
import { isKantaSimError, KantaSimError } from '../../errors.js';
import type { RehearsalParts } from '../../rehearsal/assemble.js';
import type { Rehearsal } from '../../rehearsal/rehearsal.js';
import { sendPage } from './archivist-http.js';

type Handler = (req: Request, res: Response, session: Session) => Promise<void>;

export interface DeploymentTestRouteDeps {
  readonly rehearsal: RehearsalParts;
  readonly service: ArchivistService;
  readonly signedIn: (handler: Handler) => RequestHandler;
  readonly form: RequestHandler;
  readonly ctxOf: (req: Request, session: Session) => PageContext;
  readonly orgName: (oid: string) => string | undefined;
}

/** Adds the deployment-test routes to the archivist router. */
export function addDeploymentTestRoutes(router: Router, deps: DeploymentTestRouteDeps): void {
  const { rehearsal, signedIn } = deps;
  const cases = (lang: string) =>
    rehearsal.testCases.list().map((c) => ({ name: c.name, title: titleIn(c.title, lang) }));

  const listPage = async (req: Request, res: Response, session: Session, error?: string, status = 200) => {
    const mine = (await rehearsal.rehearsals.list()).filter((r) => visibleTo(r, session)).reverse();
    sendPage(
      res,
      h(DeploymentTestListPage, {
        ctx: deps.ctxOf(req, session),
        cases: cases(deps.ctxOf(req, session).lang),
        rehearsals: mine,
        error,
      }),
      status,
    );
  };

  /** The rehearsal named in the path, if the archivist acts for its organisation. */
  const own = async (req: Request, session: Session): Promise<Rehearsal> => {
    const id = String(req.params.id);
    const found = await rehearsal.rehearsals.get(id).catch(() => undefined);
    if (!found || !visibleTo(found, session)) {
      throw new KantaSimError('NOT_FOUND', 'no such deployment-test rehearsal in your registers');
    }
    return found;
  };

  router.get(
    '/deployment-tests',
    signedIn(async (req, res, session) => listPage(req, res, session)),
  );

  router.post(
    '/deployment-tests',
    deps.form,
    signedIn(async (req, res, session) => {
      const body = req.body as Record<string, unknown>;
      const hetu = typeof body.hetu === 'string' && body.hetu.trim() !== '' ? body.hetu.trim() : undefined;
      try {
        const started = await rehearsal.rehearsals.start({
          organisationOid: session.archivist.organisationOid,
          caseName: body.caseName,
          ...(hetu === undefined ? {} : { hetu }),
        });
        await deps.service.logDeploymentTest(
          session,
          started.hetu,
          `started ${started.caseName} (${started.id})`,
        );
        res.redirect(303, `/archivist/deployment-tests/${encodeURIComponent(started.id)}`);
      } catch (e) {
        if (!isKantaSimError(e) || e.status >= 500) {
          throw e;
        }
        await listPage(req, res, session, e.message, e.status);
      }
    }),
  );

  router.get(
    '/deployment-tests/:id',
    signedIn(async (req, res, session) => {
      const r = await own(req, session);
      const [verdict, model] = await Promise.all([
        rehearsal.rehearsals.verdict(r.id),
        rehearsal.reports.model(r.id),
      ]);
      await deps.service.logDeploymentTest(session, r.hetu, `viewed ${r.caseName} (${r.id})`);
      sendPage(
        res,
        h(DeploymentTestPage, {
          ctx: deps.ctxOf(req, session),
          verdict,
          caseTitle: titleIn(verdict.testCase.title, deps.ctxOf(req, session).lang),
          deadlineText: model.deadlineText,
          registerName: (oid: string) => deps.orgName(oid) ?? oid,
        }),
      );
    }),
  );

  const report = (kind: 'html' | 'pdf' | 'eml', type: string) =>
    signedIn(async (req, res, session) => {
      const r = await own(req, session);
      await deps.service.logDeploymentTest(session, r.hetu, `report ${kind} of ${r.caseName} (${r.id})`);
      const files = rehearsal.reports;
      const body =
        kind === 'html'
          ? await files.html(r.id)
          : kind === 'pdf'
            ? await files.pdf(r.id)
            : await files.eml(r.id);
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
  router.get('/deployment-tests/:id/report.html', report('html', 'text/html; charset=utf-8'));
  router.get('/deployment-tests/:id/report.pdf', report('pdf', 'application/pdf'));
  router.get('/deployment-tests/:id/report.eml', report('eml', 'message/rfc822'));
}

/** Test cases are titled in Finnish and English; Swedish readers get the Finnish title, as in Kanta's own lists. */
function titleIn(title: { readonly fi: string; readonly en: string }, lang: string): string {
  return lang === 'en' ? title.en : title.fi;
}

function visibleTo(r: Rehearsal, session: Session): boolean {
  return session.archivist.registerOids.includes(r.organisationOid);
}
