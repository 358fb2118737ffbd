/**
 * The composition root's classroom step: the classroom's store on the shared database, the service that
 * makes and resets trainee sandboxes (through the seed, so a sandbox holds what the archive would have
 * stored) and the trainer's actions, whose "archive now" goes over the running Kanta interface.
 */
import path from 'node:path';
import type { KantaSimConfig } from '../config.js';
import { ClassroomActions } from '../classroom/classroom-actions.js';
import { retargetToSandbox, type ScenarioLibrary } from '../classroom/classroom-scenarios.js';
import { ClassroomService } from '../classroom/classroom-service.js';
import { deliverOverKanta, type KantaEndpoint } from '../classroom/kanta-delivery.js';
import { ScenarioFiles, defaultScenarioDir } from '../classroom/scenario-files.js';
import { applySeed } from '../control/seed.js';
import { isKantaSimError } from '../errors.js';
import { addOrganisation } from '../pki/organisations.js';
import type { ClassroomStore } from '../store/classroom-store.js';
import { SqliteClassroomStore } from '../store/sqlite-classroom-store.js';
import type { SqliteDatabase } from '../store/sqlite-database.js';
import type { ArchiveStore } from '../store/archive-store.js';
import type { ArchivistParts } from './archivist.js';
import type { ControlParts } from './control.js';
import type { Ground } from './ground.js';

/** A trainer's own scenarios: `<data-dir>/scenarios/<name>.json`, beside (and over) the shipped ones. */
export const SCENARIOS_DIR = 'scenarios';

/** The scenario a class gets when none is named (fixtures/scenarios/<name>.json). */
export const DEFAULT_CLASS_SCENARIO = 'perhepalvelut';

export interface ClassroomParts {
  readonly service: ClassroomService;
  readonly actions: ClassroomActions;
  readonly store: ClassroomStore;
  /** The scenarios a class may be made from (the console offers them). */
  readonly scenarios: ScenarioLibrary;
}

export interface ClassroomCompositionDeps {
  readonly config: KantaSimConfig;
  readonly db: SqliteDatabase;
  readonly archive: ArchiveStore;
  readonly ground: Ground;
  readonly archivist: ArchivistParts;
  readonly control: ControlParts;
  readonly clock: () => Date;
  /** The Kanta interface once it listens (archive-now sends there). */
  readonly kantaEndpoint: () => KantaEndpoint | undefined;
  /** The scenario library; default the shipped scenarios. */
  readonly scenarios?: ScenarioLibrary;
  /** What else a sandbox reset clears for its trainee (the exercise answers). */
  readonly onSandboxReset?: (archivistId: string) => Promise<void>;
}

export function composeClassroom(deps: ClassroomCompositionDeps): ClassroomParts {
  const { config, ground, control, clock } = deps;
  const store = new SqliteClassroomStore(deps.db);
  const scenarios =
    deps.scenarios ??
    new ScenarioFiles(
      [defaultScenarioDir(), path.join(config.dataDir, SCENARIOS_DIR)],
      DEFAULT_CLASS_SCENARIO,
    );
  const service = new ClassroomService({
    store,
    archive: deps.archive,
    usage: deps.archivist.usage,
    scenarios,
    retarget: retargetToSandbox,
    ensureOrganisation: async (input) => {
      if (ground.organisations.get(input.oid)) {
        return;
      }
      await addOrganisation(config.dataDir, { ...input, now: clock() }).catch((e: unknown) => {
        if (!(isKantaSimError(e) && e.code === 'ORG_EXISTS')) {
          throw e;
        }
      });
    },
    addArchivist: (input) => deps.archivist.addArchivist(input),
    seed: (scenario) => control.control.seed(scenario),
    clock,
    ...(deps.onSandboxReset ? { onSandboxReset: deps.onSandboxReset } : {}),
  });
  const actions = new ClassroomActions({
    classroom: service,
    seedOverKanta: (scenario) =>
      applySeed(scenario, { ...control.seed, archive: deliverOverKanta(deps.kantaEndpoint) }),
    addFault: (spec) => control.faults.add(spec),
    clock,
  });
  return { service, actions, store, scenarios };
}
