/** The organisations' onboarding records: GET /__sim/onboarding, GET and PUT /__sim/onboarding/:oid. */
import express, { type Router } from 'express';
import { KantaSimError } from '../../errors.js';
import type { OnboardingService } from '../../rehearsal/onboarding-service.js';
import { bodyObject, param } from './request-values.js';

export function onboardingRoutes(onboarding: OnboardingService): Router {
  const r = express.Router();
  r.get('/__sim/onboarding', async (_req, res) => {
    res.json(await onboarding.listOnboarding());
  });
  r.get('/__sim/onboarding/:oid', async (req, res) => {
    res.json(await onboarding.getOnboarding(param(req, 'oid')));
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
    res.json(await onboarding.setOnboarding({ ...body, organisationOid: oid }));
  });
  return r;
}
