/**
 * The composition root: the one place where stores, services and the surfaces' dependencies are wired,
 * in named steps (ground, storage, services, surfaces, listening), each in its own file beside this one.
 * Used by `kanta-sim start` and by startKantaSim() for test suites.
 */
import type { ExchangeRecord } from '../archive/exchange.js';
import type { KantaEndpoint } from '../classroom/kanta-delivery.js';
import type { ClassroomParts } from './classroom.js';
import type { Listening } from '../app/listeners.js';
import type { KantaSimConfig } from '../config.js';
import { SimClock } from '../control/clock.js';
import type { FaultRegistry } from '../control/faults.js';
import type { ControlService } from '../control/control-service.js';
import type { Journal } from '../control/journal.js';
import { silentLogger, type Logger } from '../logger.js';
import type { DemoData } from '../pki/demo.js';
import type { RehearsalParts } from '../rehearsal/rehearsal-parts.js';
import type { ArchiveStore } from '../store/archive-store.js';
import type { ArchivistParts } from './archivist.js';
import { prepareGround, type Ground } from './ground.js';
import { startListening } from './listen.js';
import { OpenResources } from './open-resources.js';
import { composeServices, type Services } from './services.js';
import { openStorage } from './storage.js';
import { composeSurfaces, type ListeningState } from './surfaces.js';

export interface RunningKantaSim {
  readonly config: KantaSimConfig;
  /** https://host:port/sha */
  readonly kantaUrl: string;
  /** http://webHost:port */
  readonly webUrl: string;
  /**
   * The bearer token the control API and the demo sign-in need, when the web listener is not on loopback
   * (configured, or generated at start); undefined on loopback, where none is needed.
   */
  readonly controlToken?: string;
  readonly caBundlePath: string;
  readonly demo: DemoData;
  readonly store: ArchiveStore;
  /** Subscribe to every exchange on the Kanta interface. */
  onExchange(listener: (record: ExchangeRecord) => void): () => void;
  /** The controllable clock every decision reads (control API: GET|PUT /__sim/clock). */
  readonly clock: SimClock;
  /** Every exchange on the Kanta interface (control API: GET /__sim/journal). */
  readonly journal: Journal;
  readonly faults: FaultRegistry;
  /** The control API's service, for direct calls in process. */
  readonly control: ControlService;
  /** The deployment-test rehearsal: onboarding, test identities, rehearsals, reports (also /__sim/rehearsals). */
  readonly rehearsal: RehearsalParts;
  /** The archivist interface (/archivist): its service, live feed, stores and compare records. */
  readonly archivist: ArchivistParts;
  /** The classroom: trainee sandboxes, resets, archive-now, fail-next (also /__sim/classroom). */
  readonly classroom: ClassroomParts;
  stop(): Promise<void>;
}

export interface LaunchOptions {
  readonly logger?: Logger;
  /** The clock every decision reads (certificate validity, timestamps). */
  readonly clock?: () => Date;
}

/**
 * Starts kanta-sim as configured; resolves when both listeners and the database are up. When a step fails,
 * what the earlier steps opened (database, reader threads, listeners) is closed before the error is thrown.
 */
export async function launch(config: KantaSimConfig, options: LaunchOptions = {}): Promise<RunningKantaSim> {
  const logger = options.logger ?? silentLogger;
  const simClock = new SimClock(options.clock);
  const clock = (): Date => simClock.now();
  const ground = await prepareGround(config, logger);
  const storage = await openStorage(config);
  const resources = new OpenResources();
  resources.add(() => storage.db.close());
  try {
    const listening: ListeningState = {};
    const kantaEndpoint = (): KantaEndpoint | undefined =>
      listening.kanta
        ? { url: `https://localhost:${listening.kanta.port}/sha`, caPem: ground.pki.caBundlePem }
        : undefined;
    const services = await composeServices({
      config,
      logger,
      simClock,
      ground,
      storage,
      resources,
      kantaEndpoint,
    });
    const exchanges = exchangeListeners(services);
    const surfaces = composeSurfaces({
      config,
      logger,
      clock,
      ground,
      storage,
      services,
      onExchange: exchanges.record,
      listening,
    });
    const { kanta, web } = await startListening({
      config,
      ground,
      surfaces,
      control: services.control.control,
      listening,
      resources,
    });
    const { controlToken } = surfaces;
    return running({
      config,
      ground,
      storage,
      services,
      simClock,
      resources,
      kanta,
      web,
      exchanges,
      controlToken,
    });
  } catch (e) {
    // The start-up failure is what the caller must see, even if closing what opened fails as well.
    await resources.closeAll().catch(() => undefined);
    throw e;
  }
}

interface ExchangeListeners {
  /** Every exchange on the Kanta interface: the journal first, then the live feed, the rehearsal, callers. */
  record(record: ExchangeRecord): void;
  add(listener: (record: ExchangeRecord) => void): () => void;
}

function exchangeListeners(services: Services): ExchangeListeners {
  const listeners = new Set<(record: ExchangeRecord) => void>([
    (record) => services.archivist.feed.exchange(record),
    (record) => services.rehearsal.observe(record),
  ]);
  return {
    record: (record) => {
      services.control.journal.record(record);
      listeners.forEach((l) => l(record));
    },
    add: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

interface Started {
  readonly config: KantaSimConfig;
  readonly ground: Ground;
  readonly storage: { readonly store: ArchiveStore };
  readonly services: Services;
  readonly simClock: SimClock;
  readonly resources: OpenResources;
  readonly kanta: Listening;
  readonly web: Listening;
  readonly exchanges: ExchangeListeners;
  readonly controlToken: string | undefined;
}

/** The running simulator as its callers see it. */
function running(started: Started): RunningKantaSim {
  const { config, ground, services } = started;
  const urlHost = (host: string): string => (host.includes(':') ? `[${host}]` : host);
  return {
    config,
    kantaUrl: `https://${urlHost(config.host)}:${started.kanta.port}/sha`,
    webUrl: `http://${urlHost(config.webHost)}:${started.web.port}`,
    controlToken: started.controlToken,
    caBundlePath: ground.caBundlePath,
    demo: ground.demo,
    store: started.storage.store,
    onExchange: started.exchanges.add,
    clock: started.simClock,
    journal: services.control.journal,
    faults: services.control.faults,
    control: services.control.control,
    rehearsal: services.rehearsal,
    archivist: services.archivist,
    classroom: services.classroom,
    stop: () => started.resources.closeAll(),
  };
}
