/**
 * The composition root's control step: the journal of exchanges, the fault registry and the control API's
 * service with everything seeding needs (the archive itself, the directories, the demo archivists).
 */
import type { ArchiveService } from '../archive/archive-service.js';
import { seedArchivists } from '../archivist/seed-archivists.js';
import type { KantaSimConfig } from '../config.js';
import type { SimClock } from '../control/clock.js';
import { ControlService } from '../control/control-service.js';
import type { SeedDeps } from '../control/seed.js';
import { FaultRegistry } from '../control/faults.js';
import { Journal } from '../control/journal.js';
import type { ValidationContext } from '../control/validate-submission.js';
import { ProfessionalDirectory } from '../pki/professional-directory.js';
import type { Storage } from './storage.js';
import type { ArchivistParts } from './archivist.js';
import type { Ground } from './ground.js';

export interface ControlParts {
  readonly journal: Journal;
  readonly faults: FaultRegistry;
  readonly control: ControlService;
  /** What seeding needs (the classroom seeds sandboxes and sends archive-now documents with it). */
  readonly seed: SeedDeps;
}

export interface ControlCompositionDeps {
  readonly config: KantaSimConfig;
  readonly ground: Ground;
  readonly storage: Storage;
  readonly simClock: SimClock;
  readonly archive: ArchiveService;
  readonly validation: () => ValidationContext;
  readonly archivist: ArchivistParts;
}

export function composeControl(deps: ControlCompositionDeps): ControlParts {
  const { config, ground, storage, simClock, archive, archivist } = deps;
  const clock = (): Date => simClock.now();
  const journal = new Journal(config.journalCap, clock);
  const faults = new FaultRegistry({
    operations: ground.operations,
    limits: config.xmlLimits,
    sentinels: config.sentinelIdentities,
    clock,
  });
  const seed: SeedDeps = {
    dataDir: config.dataDir,
    organisations: ground.organisations,
    professionals: new ProfessionalDirectory(config.dataDir),
    archive: (messageBytes, as) => archive.handle({ messageBytes, clientCertificate: as.clientCertificate }),
    clock,
    testIdentityGuardrail: config.testIdentityGuardrail,
    validation: deps.validation,
    documentExists: async (id) => (await storage.store.getDocument(id)) !== undefined,
    defaultProfessional: ground.demo.professional,
    seedArchivists: (entries) => seedArchivists(entries, (input) => archivist.addArchivist(input)),
  };
  const control = new ControlService({
    store: storage.store,
    journal,
    faults,
    clock: simClock,
    snapshots: storage.snapshots,
    sentinels: config.sentinelIdentities,
    seed,
  });
  return { journal, faults, control, seed };
}
