/**
 * The archivist interface at /archivist on the web listener: server-rendered pages (preact, escaped by
 * construction), forms that work without script, and a server-sent event stream for live arrivals.
 * This router lists the interface's resources; each route module translates HTTP to ArchivistService
 * calls with plain values and renders the answer.
 */
import cookieParser from 'cookie-parser';
import express, { type Router } from 'express';
import { STATIC_DIR } from '../../../archivist-ui/static-dir.js';
import { classroomRoutes } from './classroom-routes.js';
import { deploymentTestRoutes } from './deployment-test-routes.js';
import { documentRoutes } from './document-routes.js';
import { archivistErrorPage } from './error-page.js';
import { exerciseRoutes } from './exercise-routes.js';
import { invalidationRoutes } from './invalidation-routes.js';
import { liveEventRoutes } from './live-events.js';
import { securityHeaders } from './page.js';
import { presenterRecorder, presenterRoutes } from './presenter-routes.js';
import { createRouteContext, type ArchivistRoutesDeps } from './route-context.js';
import { searchRoutes } from './search-routes.js';
import { sessionRoutes } from './session-routes.js';
import { usageLogRoutes } from './usage-log-routes.js';

/** Builds the router mounted at /archivist. */
export function archivistRouter(deps: ArchivistRoutesDeps): Router {
  const { context, loadSession } = createRouteContext(deps);
  const router = express.Router();
  router.use(securityHeaders);
  router.use('/static', express.static(STATIC_DIR, { index: false, fallthrough: false }));
  router.use(cookieParser());
  router.use(loadSession);
  if (deps.presenter) {
    router.use(presenterRecorder(context, deps.presenter));
  }
  router.use(sessionRoutes(context));
  router.use(searchRoutes(context));
  router.use(documentRoutes(context));
  router.use(invalidationRoutes(context));
  router.use(usageLogRoutes(context));
  router.use(liveEventRoutes(context));
  if (deps.rehearsal) {
    router.use(deploymentTestRoutes(context, deps.rehearsal));
  }
  if (deps.classroom) {
    router.use(classroomRoutes(context, deps.classroom));
  }
  if (deps.exercises) {
    router.use(exerciseRoutes(context, deps.exercises));
  }
  if (deps.presenter) {
    router.use(presenterRoutes(context, deps.presenter));
  }
  router.use(archivistErrorPage(deps.logger, context.sessionOf, context.orgName));
  return router;
}
