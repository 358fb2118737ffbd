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

  r.get('/__sim/test-cases', (_req, res) => {
    res.json(
      deps.testCases.list().map((c) => ({
        name: c.name,
        title: c.title,
        serviceTask: c.serviceTask,
        role: c.role,
        oldData: c.oldData,
        documents: c.documents.length,
      })),
    );
  });
  r.get('/__sim/test-cases/:name', (req, res) => {
    res.json(deps.testCases.get(param(req, 'name')));
  });

  r.get('/__sim/onboarding', async (_req, res) => {
    res.json(await deps.onboarding.listOnboarding());
  });
  r.get('/__sim/onboarding/:oid', async (req, res) => {
    res.json(await deps.onboarding.getOnboarding(param(req, 'oid')));
  });
  r.put('/__sim/onboarding/:oid', async (req, res) => {
    const body = bodyObject(req);
    const oid = param(req, 'oid');
    if (body.organisationOid !== undefined && body.organisationOid !== oid) {
      throw new KantaSimError(
        'BAD_REQUEST',
        `organisationOid ${String(body.organisationOid)} differs from the URL's ${oid}`,
      );
    }
    res.json(await deps.onboarding.setOnboarding({ ...body, organisationOid: oid }));
  });

  r.get('/__sim/test-identities', async (req, res) => {
    const hetu = query(req, 'hetu');
    const customerOid = query(req, 'customerOid');
    res.json(
      await deps.onboarding.listIdentities({
        ...(hetu === undefined ? {} : { hetu }),
        ...(customerOid === undefined ? {} : { customerOid }),
      }),
    );
  });
  r.post('/__sim/test-identities', async (req, res) => {
    const decision = await deps.onboarding.assignIdentity(bodyObject(req));
    res.status(decision.kind === 'insert' ? 201 : 200).json(decision.assignment);
  });

  r.get('/__sim/rehearsals', async (req, res) => {
    const organisationOid = query(req, 'org');
    const caseName = query(req, 'case');
    res.json(
      await deps.rehearsals.list({
        ...(organisationOid === undefined ? {} : { organisationOid }),
        ...(caseName === undefined ? {} : { caseName }),
      }),
    );
  });
  r.post('/__sim/rehearsals', async (req, res) => {
    res.status(201).json(await deps.rehearsals.start(bodyObject(req)));
  });
  r.post('/__sim/rehearsals/verify', async (req, res) => {
    res.json(await deps.rehearsals.verify(bodyObject(req)));
  });
  r.get('/__sim/rehearsals/:id', async (req, res) => {
    res.json(await deps.rehearsals.verdict(param(req, 'id')));
  });
  r.post('/__sim/rehearsals/:id/finish', async (req, res) => {
    res.json(await deps.rehearsals.finish(param(req, 'id')));
  });
  r.put('/__sim/rehearsals/:id/client-metadata', async (req, res) => {
    res.json(await deps.rehearsals.setClientMetadata(param(req, 'id'), bodyObject(req)));
  });
  r.post('/__sim/rehearsals/:id/client-system-checks', async (req, res) => {
    await deps.rehearsals.recordClientSystemCheck(param(req, 'id'), bodyObject(req));
    res.json(await deps.rehearsals.verdict(param(req, 'id')));
  });
  r.get('/__sim/rehearsals/:id/report.html', async (req, res) => {
    res.type('text/html; charset=utf-8').send(await deps.reports.html(param(req, 'id')));
  });
  r.get('/__sim/rehearsals/:id/report.pdf', async (req, res) => {
    const pdf = await deps.reports.pdf(param(req, 'id'));
    res
      .type('application/pdf')
      .setHeader('Content-Disposition', `inline; filename="${param(req, 'id')}.pdf"`)
      .send(pdf);
  });
  r.get('/__sim/rehearsals/:id/report.eml', async (req, res) => {
    const eml = await deps.reports.eml(param(req, 'id'));
    res
      .type('message/rfc822')
      .setHeader('Content-Disposition', `attachment; filename="${param(req, 'id')}.eml"`)
      .send(eml);
  });
  return r;
}

function param(req: Request, name: string): string {
  const v = req.params[name];
  return typeof v === 'string' ? v : '';
}

function query(req: Request, name: string): string | undefined {
  const v = req.query[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function bodyObject(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  if (body === undefined) {
    return {};
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new KantaSimError('BAD_REQUEST', 'the request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}
