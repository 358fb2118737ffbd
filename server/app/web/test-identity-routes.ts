/**
 * The test identity registry: GET /__sim/test-identities (by hetu or customer OID) lists assignments,
 * POST assigns one (201 when new, 200 when it already was).
 */
import express, { type Router } from 'express';
import type { OnboardingService } from '../../rehearsal/onboarding-service.js';
import { bodyObject, query } from './request-values.js';

export function testIdentityRoutes(onboarding: OnboardingService): Router {
  const r = express.Router();
  r.get('/__sim/test-identities', async (req, res) => {
    const hetu = query(req, 'hetu');
    const customerOid = query(req, 'customerOid');
    res.json(
      await onboarding.listIdentities({
        ...(hetu === undefined ? {} : { hetu }),
        ...(customerOid === undefined ? {} : { customerOid }),
      }),
    );
  });
  r.post('/__sim/test-identities', async (req, res) => {
    const decision = await onboarding.assignIdentity(bodyObject(req));
    res.status(decision.kind === 'insert' ? 201 : 200).json(decision.assignment);
  });
  return r;
}
