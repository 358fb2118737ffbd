/**
 * The web listener's app: health and the about page, then two surfaces behind one gate (web-guard.ts): the
 * JSON API of web/ (control, SHARK validation, rehearsals) and the archivist interface of archivist/. It
 * lives beside them, not in either, because it carries both. Plain HTTP on loopback by default; it never
 * listens itself.
 */
import express, { type Express } from 'express';
import type { Logger } from '../logger.js';
import { jsonErrorMiddleware, jsonNotFound } from './error-middleware.js';
import { rehearsalRoutes, type RehearsalRouteDeps } from './web/rehearsal-routes.js';
import { classroomRoutes, type ClassroomRouteDeps } from './web/classroom-routes.js';
import type { ControlService } from '../control/control-service.js';
import type { ValidationContext } from '../control/validate-submission.js';
import { controlRoutes } from './web/control-routes.js';
import { validationRoutes } from './web/validation-routes.js';
import { archivistRouter } from './archivist/archivist-router.js';
import type { ArchivistRoutesDeps } from './archivist/route-context.js';
import { listenerHostNames, webGuard, type WebGuardOptions } from './web-guard.js';

export interface HealthReport {
  readonly ready: boolean;
  readonly kantaInterface: boolean;
  readonly webListener: boolean;
  /** true when the store can read and write; "read-only" when writes fail (disk, permissions). */
  readonly database: boolean | 'read-only';
}

export interface WebAppDeps {
  readonly logger: Logger;
  readonly health: () => Promise<HealthReport>;
  /** Facts shown at GET /__sim (version, URLs), for a person exploring with curl. */
  readonly about: () => Record<string, unknown>;
  /** The deployment-test rehearsal API under /__sim (web/rehearsal-routes.ts). */
  readonly rehearsal?: RehearsalRouteDeps;
  /** The classroom API under /__sim/classroom (web/classroom-routes.ts). */
  readonly classroom?: ClassroomRouteDeps;
  /** The control API under /__sim/ (web/control-routes.ts). */
  readonly control?: ControlService;
  /** The SHARK validation endpoint's context (web/validation-routes.ts). */
  readonly validation?: () => ValidationContext;
  /** The archivist interface under /archivist (archivist/archivist-router.ts). */
  readonly archivist?: ArchivistRoutesDeps;
  /** Host names, origin and control token (web-guard.ts); unset: loopback names only, no token. */
  readonly guard?: WebGuardOptions;
}

export function createWebApp(deps: WebAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(webGuard(deps.guard ?? { allowedHosts: listenerHostNames('127.0.0.1', []) }));
  app.get('/__sim/health', async (_req, res, next) => {
    try {
      const report = await deps.health();
      // Both listeners up but the database failing is not "starting": it will not get better by waiting.
      const status = report.ready
        ? 'ready'
        : report.kantaInterface && report.webListener
          ? 'unavailable'
          : 'starting';
      res.status(report.ready ? 200 : 503).json({ status, ...report });
    } catch (e) {
      next(e);
    }
  });
  app.get(['/', '/__sim'], (_req, res) => {
    res.json(deps.about());
  });
  if (deps.control) {
    app.use(controlRoutes(deps.control));
  }
  if (deps.validation) {
    app.use(validationRoutes(deps.validation));
  }
  if (deps.rehearsal) {
    app.use(rehearsalRoutes(deps.rehearsal));
  }
  if (deps.classroom) {
    app.use(classroomRoutes(deps.classroom));
  }
  if (deps.archivist) {
    app.use(
      '/archivist',
      archivistRouter({ ...deps.archivist, demoToken: deps.archivist.demoToken ?? deps.guard?.controlToken }),
    );
  }
  app.use(jsonNotFound);
  app.use(jsonErrorMiddleware(deps.logger));
  return app;
}
