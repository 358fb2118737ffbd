/**
 * The classroom's JSON API on the web listener: make or find the class, read its overview, reset one
 * sandbox or all of them, archive a document now, make the next document fail. Routes translate HTTP to
 * the classroom services and back; the services validate and decide (errors via the one vocabulary).
 */
import express, { type Router } from 'express';
import type { ClassroomActions } from '../../classroom/classroom-actions.js';
import type { ClassroomService } from '../../classroom/classroom-service.js';
import { bodyObject } from './request-values.js';

export interface ClassroomRouteDeps {
  readonly service: ClassroomService;
  readonly actions: ClassroomActions;
}

/** Mounts /__sim/classroom*. */
export function classroomRoutes(deps: ClassroomRouteDeps): Router {
  const { service, actions } = deps;
  const r = express.Router();
  r.use('/__sim/classroom', express.json({ limit: '64kb' }));
  r.get('/__sim/classroom', async (_req, res) => {
    res.json(await service.overview());
  });
  r.post('/__sim/classroom', async (req, res) => {
    const answer = await service.create(bodyObject(req));
    res.status(answer.status === 'created' ? 201 : 200).json(answer);
  });
  r.post('/__sim/classroom/reset', async (req, res) => {
    const { trainee } = bodyObject(req);
    res.json(trainee === undefined ? await service.resetClass() : await service.resetSandbox(trainee));
  });
  r.get('/__sim/classroom/options', (_req, res) => {
    res.json({ templates: actions.templates(), failRules: actions.failRules() });
  });
  r.post('/__sim/classroom/archive-now', async (req, res) => {
    res.json(await actions.archiveNow(bodyObject(req)));
  });
  r.post('/__sim/classroom/fail-next', async (req, res) => {
    res.json(await actions.failNext(bodyObject(req)));
  });
  return r;
}
