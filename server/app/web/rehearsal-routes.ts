/**
 * The deployment-test rehearsal's JSON API on the web listener: test cases, onboarding records, the test
 * identity registry, rehearsals with their verdict (for CI) and the report (HTML, PDF, e-mail draft).
 * Routes translate HTTP to the rehearsal services and back; the services decide.
 */
import express, { type Request, type Router } from 'express';
import { KantaSimError } from '../../errors.js';
import type { OnboardingService } from '../../rehearsal/onboarding-service.js';
import type { RehearsalService } from '../../rehearsal/rehearsal-service.js';
import type { ReportFiles } from '../../rehearsal/report.js';
import type { TestCaseLibrary } from '../../rehearsal/test-case.js';
import { onboardingRoutes } from './onboarding-routes.js';
import { bodyObject, param, query } from './request-values.js';
import { testCaseRoutes } from './test-case-routes.js';
import { testIdentityRoutes } from './test-identity-routes.js';

export interface RehearsalRouteDeps {
  readonly rehearsals: RehearsalService;
  readonly onboarding: OnboardingService;
  readonly testCases: TestCaseLibrary;
  readonly reports: ReportFiles;
}

/** Mounts the rehearsal API under /__sim. */
export function rehearsalRoutes(deps: RehearsalRouteDeps): Router {
  const r = express.Router();
  r.use(['/__sim/rehearsals', '/__sim/onboarding', '/__sim/test-identities'], express.json({ limit: '1mb' }));
  r.use(testCaseRoutes(deps.testCases));
  r.use(onboardingRoutes(deps.onboarding));
  r.use(testIdentityRoutes(deps.onboarding));
  r.use(rehearsalRunRoutes(deps.rehearsals));
  r.use(reportRoutes(deps.reports));
  return r;
}

/** Rehearsals: list, start, verify, the verdict, finishing or cancelling, and what the client system reports. */
function rehearsalRunRoutes(rehearsals: RehearsalService): Router {
  const r = express.Router();
  r.get('/__sim/rehearsals', async (req, res) => {
    const organisationOid = query(req, 'org');
    const caseName = query(req, 'case');
    res.json(
      await rehearsals.list({
        ...(organisationOid === undefined ? {} : { organisationOid }),
        ...(caseName === undefined ? {} : { caseName }),
      }),
    );
  });
  r.post('/__sim/rehearsals', async (req, res) => {
    res.status(201).json(await rehearsals.start(bodyObject(req)));
  });
  r.post('/__sim/rehearsals/verify', async (req, res) => {
    res.json(await rehearsals.verify(bodyObject(req)));
  });
  r.get('/__sim/rehearsals/:id', async (req, res) => {
    res.json(await rehearsals.verdict(param(req, 'id')));
  });
  // Finish keeps the verdict as it stands; cancel closes without one. Both answer the rehearsal, with who
  // closed it when the body names them ({ "by": "..." }); 409 when it is no longer running.
  r.post('/__sim/rehearsals/:id/finish', async (req, res) => {
    res.json(await rehearsals.finish(param(req, 'id'), closedBy(req)));
  });
  r.post('/__sim/rehearsals/:id/cancel', async (req, res) => {
    res.json(await rehearsals.cancel(param(req, 'id'), closedBy(req)));
  });
  r.put('/__sim/rehearsals/:id/client-metadata', async (req, res) => {
    res.json(await rehearsals.setClientMetadata(param(req, 'id'), bodyObject(req)));
  });
  r.post('/__sim/rehearsals/:id/client-system-checks', async (req, res) => {
    await rehearsals.recordClientSystemCheck(param(req, 'id'), bodyObject(req));
    res.json(await rehearsals.verdict(param(req, 'id')));
  });
  return r;
}

/** The optional `by` of a finish or cancel body. */
function closedBy(req: Request): string | undefined {
  const by = bodyObject(req).by;
  if (by === undefined) {
    return undefined;
  }
  if (typeof by !== 'string' || by.trim() === '') {
    throw new KantaSimError('BAD_REQUEST', 'by: expected the name of who closes the rehearsal');
  }
  return by.trim();
}

/** A rehearsal's report: HTML to read, PDF to keep, an e-mail draft to send. */
function reportRoutes(reports: ReportFiles): Router {
  const r = express.Router();
  r.get('/__sim/rehearsals/:id/report.html', async (req, res) => {
    res.type('text/html; charset=utf-8').send(await reports.html(param(req, 'id')));
  });
  r.get('/__sim/rehearsals/:id/report.pdf', async (req, res) => {
    const pdf = await reports.pdf(param(req, 'id'));
    res
      .type('application/pdf')
      .setHeader('Content-Disposition', `inline; filename="${param(req, 'id')}.pdf"`)
      .send(pdf);
  });
  r.get('/__sim/rehearsals/:id/report.eml', async (req, res) => {
    const eml = await reports.eml(param(req, 'id'));
    res
      .type('message/rfc822')
      .setHeader('Content-Disposition', `attachment; filename="${param(req, 'id')}.eml"`)
      .send(eml);
  });
  return r;
}
