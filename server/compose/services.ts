/**
 * The composition root's services step: the archive, the archivist interface, the rehearsal and the
 * control API, on the stores of the storage step. Stores go into services here and nowhere else.
 */
import path from 'node:path';
import { defaultExerciseDir } from '../classroom/exercise-library.js';
import type { KantaSimConfig } from '../config.js';
import type { SimClock } from '../control/clock.js';
import type { Logger } from '../logger.js';
import type { RehearsalParts } from '../rehearsal/rehearsal-parts.js';
import { composeArchive, type ArchiveParts } from './archive.js';
import { composeArchivist, type ArchivistParts } from './archivist.js';
import type { KantaEndpoint } from '../classroom/kanta-delivery.js';
import { composeClassroom, type ClassroomParts } from './classroom.js';
import { composeControl, type ControlParts } from './control.js';
import { composeExercises, EXERCISES_DIR, type ExerciseAndPresenterParts } from './exercises.js';
import type { Ground } from './ground.js';
import type { OpenResources } from './open-resources.js';
import { composeRehearsal } from './rehearsal.js';
import type { Storage } from './storage.js';

export interface Services {
  readonly archive: ArchiveParts;
  readonly archivist: ArchivistParts;
  readonly rehearsal: RehearsalParts;
  readonly control: ControlParts;
  readonly classroom: ClassroomParts;
  /** The classroom's exercises and presenter view (the archivist interface's pages). */
  readonly exercises: ExerciseAndPresenterParts;
}

export interface ServiceDeps {
  readonly config: KantaSimConfig;
  readonly logger: Logger;
  readonly simClock: SimClock;
  readonly ground: Ground;
  readonly storage: Storage;
  /** The document reader's worker threads are registered here as soon as the reader exists. */
  readonly resources: OpenResources;
  /** The Kanta interface once it listens (the classroom's archive-now sends there). */
  readonly kantaEndpoint: () => KantaEndpoint | undefined;
}

export async function composeServices(deps: ServiceDeps): Promise<Services> {
  const { config, logger, simClock, ground, storage } = deps;
  const clock = (): Date => simClock.now();
  const archive = composeArchive({ config, ground, store: storage.store, clock, logger });
  deps.resources.add(() => archive.reader.close());
  const { db, store } = storage;
  const { codes, organisations } = ground;
  const archivist = await composeArchivist({ db, archive: store, codes, organisations, clock, logger });
  // The rehearsal reads the archivist's compare records ("matches the client system") from the same store.
  const rehearsal = composeRehearsal({
    db,
    archive: store,
    clock,
    logger,
    kantaAddress: config.kantaReportAddress,
    codes,
    organisationName: (oid) => organisations.list().find((o) => o.oid === oid)?.name,
    compare: archivist.compare,
  });
  const control = composeControl({
    config,
    ground,
    storage,
    simClock,
    archive: archive.archive,
    validation: archive.validation,
    archivist,
  });
  const classroom = composeClassroom({
    config,
    db,
    archive: store,
    ground,
    archivist,
    control,
    clock,
    kantaEndpoint: deps.kantaEndpoint,
    onSandboxReset: (archivistId) => exercises.clearAnswers(archivistId),
  });
  deps.resources.add(() => classroom.close());
  const exercises = composeExercises({
    db,
    archive: store,
    clock,
    isTrainer: (archivistId) => classroom.service.isTrainer(archivistId),
    isTrainee: async (archivistId) => (await classroom.service.sandboxOf(archivistId)) !== undefined,
    classMembers: async () => new Set((await classroom.store.listOrganisations()).map((a) => a.archivistId)),
    classScenario: async () => (await classroom.store.getClassroom())?.scenario,
    // The shipped exercises, and a trainer's own beside (and over) them, as with scenarios.
    exerciseDirs: [defaultExerciseDir(), path.join(config.dataDir, EXERCISES_DIR)],
  });
  return { archive, archivist, rehearsal, control, classroom, exercises };
}
