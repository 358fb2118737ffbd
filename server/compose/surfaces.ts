/**
 * The composition root's surfaces step: the Kanta interface (mutual TLS) and the web app (health, control
 * API, rehearsal API, archivist interface), each given the services it translates to. Building them opens
 * nothing; listen.ts does.
 */
import { randomBytes } from 'node:crypto';
import type { Express } from 'express';
import { classroomConsoleOf } from '../app/archivist/classroom-console-of.js';
import { createKantaApp, type KantaListener } from '../app/kanta/kanta-app.js';
import type { ExchangeRecord } from '../archive/exchange.js';
import type { Listening } from '../app/listeners.js';
import { createWebApp, type HealthReport } from '../app/web-app.js';
import { isLoopback, listenerHostNames } from '../app/web-guard.js';
import type { KantaSimConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { databaseState } from '../store/database-health.js';
import type { Ground } from './ground.js';
import type { Services } from './services.js';
import type { Storage } from './storage.js';

/** The listeners as far as they are up: health and the about page read it while the simulator starts. */
export interface ListeningState {
  kanta?: Listening;
  web?: Listening;
}

export interface Surfaces {
  readonly kantaApp: KantaListener;
  readonly webApp: Express;
  /** See RunningKantaSim.controlToken. */
  readonly controlToken: string | undefined;
}

export interface SurfaceDeps {
  readonly config: KantaSimConfig;
  readonly logger: Logger;
  readonly clock: () => Date;
  readonly ground: Ground;
  readonly storage: Storage;
  readonly services: Services;
  readonly onExchange: (record: ExchangeRecord) => void;
  readonly listening: ListeningState;
}

export function composeSurfaces(deps: SurfaceDeps): Surfaces {
  const { config, logger, clock, ground, storage, services } = deps;
  const kantaApp = createKantaApp({
    archive: services.archive.archive,
    logger,
    limits: config.xmlLimits,
    clock,
    onExchange: deps.onExchange,
    beforeExchange: (probe) => services.control.faults.intervene(probe),
    queries: {
      store: storage.store,
      trust: ground.trust,
      organisations: ground.organisations,
      clock,
      logger,
    },
  });
  // Off loopback, anyone who reaches the web listener could reset the archive or read client data as the
  // demo archivist: a token is then required, generated when none is configured.
  const controlToken = isLoopback(config.webHost)
    ? undefined
    : (config.controlToken ?? randomBytes(24).toString('base64url'));
  const webApp = createWebApp({
    logger,
    guard: { allowedHosts: listenerHostNames(config.webHost, config.allowedHosts), controlToken },
    health: () => health(storage, deps.listening),
    about: () => ({
      name: 'kanta-sim',
      kantaInterface: deps.listening.kanta
        ? `https://${config.host}:${deps.listening.kanta.port}/sha`
        : undefined,
      health: '/__sim/health',
      caBundle: ground.caBundlePath,
      controlApi: '/__sim/openapi.json',
    }),
    control: services.control.control,
    rehearsal: services.rehearsal,
    classroom: services.classroom,
    archivist: {
      ...services.archivist.routes,
      rehearsal: services.rehearsal,
      classroom: classroomConsoleOf(services.classroom),
      exercises: services.exercises.exercises,
      presenter: services.exercises.presenter,
    },
    validation: services.archive.validation,
  });
  return { kantaApp, webApp, controlToken };
}

async function health(storage: Storage, listening: ListeningState): Promise<HealthReport> {
  // A committed write each time: a store that reads but can no longer write is not ready.
  const database = await databaseState(storage.db);
  const report = {
    kantaInterface: listening.kanta !== undefined,
    webListener: listening.web !== undefined,
    database,
  };
  return { ready: report.kantaInterface && report.webListener && database === true, ...report };
}
