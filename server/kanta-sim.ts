/**
 * Assembles a running kanta-sim from a configuration: PKI, organisations, store, services, both listeners.
 * Used by `kanta-sim start` and by startKantaSim() for test suites.
 */
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ArchiveService } from './archive/archive-service.js';
import { createDocumentReader } from './archive/document-reader.js';
import { createKantaApp, type ExchangeRecord } from './app/kanta/kanta-app.js';
import { listenKanta, listenWeb, type Listening } from './app/listeners.js';
import { createWebApp } from './app/web-app.js';
import { isLoopback, listenerHostNames } from './app/web-guard.js';
import { DEFAULT_CODE_LIST_DIR, loadCodeLists } from './codes/code-lists.js';
import { loadOperationTable } from './codes/operations.js';
import type { KantaSimConfig } from './config.js';
import { KantaSimError } from './errors.js';
import { silentLogger, type Logger } from './logger.js';
import { ensureDemoOrganisation, type DemoData } from './pki/demo.js';
import { OrganisationDirectory } from './pki/organisation-directory.js';
import { ensureTestPki, PKI_FILES } from './pki/test-pki.js';
import { createTrustStore } from './pki/trust-store.js';
import { SqliteArchiveStore } from './store/sqlite-archive-store.js';
import { openDatabase } from './store/open-database.js';
import { databaseState, storeUnusable } from './store/database-health.js';
import { prepareDataDir } from './store/data-dir.js';
import type { ArchiveStore } from './store/archive-store.js';
import { SimClock } from './control/clock.js';
import { ControlService } from './control/control-service.js';
import { FaultRegistry } from './control/faults.js';
import { Journal } from './control/journal.js';
import { readScenarioFile } from './control/seed.js';
import type { ValidationContext } from './control/validate-submission.js';
import { ProfessionalDirectory } from './pki/professional-directory.js';
import { SqliteSnapshots } from './store/sqlite-snapshots.js';
import { assembleRehearsal, type RehearsalParts } from './rehearsal/assemble.js';
import { assembleArchivist, type ArchivistParts } from './archivist/assemble.js';
import { seedArchivists } from './archivist/seed-archivists.js';

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
  stop(): Promise<void>;
}

export interface LaunchOptions {
  readonly logger?: Logger;
  /** The clock every decision reads (certificate validity, timestamps). */
  readonly clock?: () => Date;
}

/** Starts kanta-sim as configured; resolves when both listeners and the database are up. */
export async function launch(config: KantaSimConfig, options: LaunchOptions = {}): Promise<RunningKantaSim> {
  const logger = options.logger ?? silentLogger;
  const simClock = new SimClock(options.clock);
  const clock = (): Date => simClock.now();
  // Every directory it writes, proven writable, before anything else (store/data-dir.ts).
  await prepareDataDir(config.dataDir);
  const pki = await ensureTestPki(config.dataDir, { validFrom: config.pkiValidFrom });
  if (pki.validFrom.getTime() > config.pkiValidFrom.getTime() + 2 * 86_400_000) {
    // Kept, not reissued: the organisations' and professionals' credentials were issued from this PKI.
    logger.warn(
      `the test PKI in ${pki.dir} is valid from ${pki.validFrom.toISOString()} (made before pkiValidFrom ` +
        `${config.pkiValidFrom.toISOString().slice(0, 10)}): nothing can be signed earlier. To date history ` +
        `further back, start with a new data directory, or move pki/, orgs/ and pros/ out of this one.`,
    );
  }
  const demo = await ensureDemoOrganisation(config.dataDir);
  const trust = createTrustStore(pki, config.trustAnchors);
  const organisations = new OrganisationDirectory(config.dataDir, { trust });
  const caBundlePath = path.join(pki.dir, PKI_FILES.caBundle);
  const codes = loadCodeLists([DEFAULT_CODE_LIST_DIR, ...config.codeListDirs]);
  const operations = loadOperationTable(config.operationTable);
  const db = await openDatabase(config.memory ? ':memory:' : path.join(config.dataDir, 'archive.sqlite'));
  const store = new SqliteArchiveStore(db);
  const snapshotsFile = config.memory ? ':memory:' : path.join(config.dataDir, 'snapshots.sqlite');
  const snapshots = await SqliteSnapshots.attach(db, snapshotsFile).catch(async (e: unknown) => {
    await db.close();
    throw storeUnusable(snapshotsFile, e);
  });
  const journal = new Journal(config.journalCap, clock);
  const faults = new FaultRegistry({
    operations,
    limits: config.xmlLimits,
    sentinels: config.sentinelIdentities,
    clock,
  });

  const reader = createDocumentReader(
    {
      codes,
      trust,
      trustMode: config.trustMode,
      testIdentityGuardrail: config.testIdentityGuardrail,
      limits: config.xmlLimits,
    },
    config.readerThreads,
    (reason) => logger.warn(`a document reader thread did not start (${reason}); reading on the main thread`),
  );
  const archive = new ArchiveService({
    store,
    organisations,
    trust,
    operations,
    config,
    clock,
    reader,
  });
  // The archive's rules without storing (SHARK validation, seeds checked whole), at the simulated now.
  const validation = (): ValidationContext => ({
    codes,
    operations,
    trust,
    trustMode: config.trustMode,
    testIdentityGuardrail: config.testIdentityGuardrail,
    limits: config.xmlLimits,
    now: clock(),
  });
  const listeners = new Set<(record: ExchangeRecord) => void>();
  const archivist = await assembleArchivist({ db, archive: store, codes, organisations, clock, logger });
  listeners.add((record) => archivist.feed.exchange(record));
  // The rehearsal reads the archivist's compare records ("matches the client system") from the same store.
  const rehearsal = assembleRehearsal({
    db,
    archive: store,
    clock,
    logger,
    kantaAddress: config.kantaReportAddress,
    organisationName: (oid) => organisations.list().find((o) => o.oid === oid)?.name,
    compare: archivist.store,
  });
  listeners.add((record) => rehearsal.observe(record));
  const kantaApp = createKantaApp({
    archive,
    logger,
    limits: config.xmlLimits,
    clock,
    onExchange: (record) => {
      journal.record(record);
      listeners.forEach((l) => l(record));
    },
    beforeExchange: (probe) => faults.intervene(probe),
    queries: { store, trust, organisations, clock, logger },
  });
  const control = new ControlService({
    store,
    journal,
    faults,
    clock: simClock,
    snapshots,
    sentinels: config.sentinelIdentities,
    seed: {
      dataDir: config.dataDir,
      organisations,
      professionals: new ProfessionalDirectory(config.dataDir),
      archive: (messageBytes, as) =>
        archive.handle({ messageBytes, clientCertificate: as.clientCertificate }),
      clock,
      testIdentityGuardrail: config.testIdentityGuardrail,
      validation,
      documentExists: async (id) => (await store.getDocument(id)) !== undefined,
      defaultProfessional: demo.professional,
      seedArchivists: (entries) => seedArchivists(entries, (input) => archivist.addArchivist(input)),
    },
  });
  let kanta: Listening | undefined;
  let web: Listening | undefined;
  // Off loopback, anyone who reaches the web listener could reset the archive or read client data as the
  // demo archivist: a token is then required, generated when none is configured.
  const controlToken = isLoopback(config.webHost)
    ? undefined
    : (config.controlToken ?? randomBytes(24).toString('base64url'));
  const webApp = createWebApp({
    logger,
    guard: { allowedHosts: listenerHostNames(config.webHost, config.allowedHosts), controlToken },
    health: async () => {
      // A committed write each time: a store that reads but can no longer write is not ready.
      const database = await databaseState(db);
      const report = { kantaInterface: kanta !== undefined, webListener: web !== undefined, database };
      return { ready: report.kantaInterface && report.webListener && database === true, ...report };
    },
    about: () => ({
      name: 'kanta-sim',
      kantaInterface: kanta ? `https://${config.host}:${kanta.port}/sha` : undefined,
      health: '/__sim/health',
      caBundle: caBundlePath,
      controlApi: '/__sim/openapi.json',
    }),
    control,
    rehearsal: rehearsal.routes,
    archivist: { ...archivist.routes, rehearsal },
    validation,
  });
  try {
    kanta = await listenKanta(
      kantaApp,
      { keyPem: pki.serverKeyPem, certPem: pki.serverChainPem, clientCaPem: pki.caBundlePem },
      config.host,
      config.port,
    );
    web = await listenWeb(webApp, config.webHost, config.webPort);
    if (config.seed !== undefined) {
      await control.seed(await readScenarioFile(config.seed));
    }
  } catch (e) {
    await Promise.all([kanta?.close(), web?.close(), reader.close()]);
    await db.close();
    throw e instanceof KantaSimError ? e : new KantaSimError('INTERNAL', 'start-up failed', { cause: e });
  }
  const urlHost = (host: string): string => (host.includes(':') ? `[${host}]` : host);
  const running: RunningKantaSim = {
    config,
    kantaUrl: `https://${urlHost(config.host)}:${kanta.port}/sha`,
    webUrl: `http://${urlHost(config.webHost)}:${web.port}`,
    controlToken,
    caBundlePath,
    demo,
    store,
    onExchange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clock: simClock,
    journal,
    faults,
    control,
    rehearsal,
    archivist,
    stop: async () => {
      await Promise.all([kanta?.close(), web?.close(), reader.close()]);
      await db.close();
    },
  };
  return running;
}
