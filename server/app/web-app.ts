/**
 * The web listener: health today, and the control API and archivist interface as they arrive. Plain HTTP
 * on loopback by default; it never listens itself.
 */
import express, { type Express } from 'express';
import type { Logger } from '../logger.js';
import { jsonErrorMiddleware, jsonNotFound } from './error-middleware.js';

export interface HealthReport {
  readonly ready: boolean;
  readonly kantaInterface: boolean;
  readonly webListener: boolean;
  readonly database: boolean;
}

export interface WebAppDeps {
  readonly logger: Logger;
  readonly health: () => Promise<HealthReport>;
  /** Facts shown at GET /__sim (version, URLs), for a person exploring with curl. */
  readonly about: () => Record<string, unknown>;
}

export function createWebApp(deps: WebAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/__sim/health', async (_req, res, next) => {
    try {
      const report = await deps.health();
      res.status(report.ready ? 200 : 503).json({ status: report.ready ? 'ready' : 'starting', ...report });
    } catch (e) {
      next(e);
    }
  });
  app.get(['/', '/__sim'], (_req, res) => {
    res.json(deps.about());
  });
  app.use(jsonNotFound);
  app.use(jsonErrorMiddleware(deps.logger));
  return app;
}
