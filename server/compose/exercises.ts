/**
 * The composition root's exercise and presenter step: the exercise answers' store on the shared database,
 * the shipped exercises, the exercise service, and the presenter board. Both read the classroom's trainer
 * check; the classroom's resets call clearAnswers.
 */
import { ExerciseLibrary } from '../classroom/exercise-library.js';
import { ExerciseService, type ExerciseParts } from '../classroom/exercise-service.js';
import { PresenterBoard, type PresenterParts } from '../classroom/presenter.js';
import type { ArchiveStore } from '../store/archive-store.js';
import { SqliteExerciseAnswerStore } from '../store/sqlite-exercise-answer-store.js';
import type { SqliteDatabase } from '../store/sqlite-database.js';

/** A trainer's own exercises: `<data-dir>/exercises/<name>.json`, beside (and over) the shipped ones. */
export const EXERCISES_DIR = 'exercises';

export interface ExerciseCompositionDeps {
  readonly db: SqliteDatabase;
  readonly archive: ArchiveStore;
  readonly clock: () => Date;
  /** The classroom's trainer check. */
  readonly isTrainer: (archivistId: string) => Promise<boolean>;
  /** The classroom's trainee check (an archivist with a sandbox). */
  readonly isTrainee: (archivistId: string) => Promise<boolean>;
  /** The archivist ids of the class (whose answers the trainer sees). */
  readonly classMembers?: () => Promise<ReadonlySet<string> | undefined>;
  /** The scenario of the class, whose exercises are shown. */
  readonly classScenario?: () => Promise<string | undefined>;
  /** Exercise directories; default the shipped exercises. */
  readonly exerciseDirs?: readonly string[];
}

export interface ExerciseAndPresenterParts {
  readonly exercises: ExerciseParts;
  readonly presenter: PresenterParts;
  /** Forgets a trainee's answers (a sandbox reset), or everyone's (a class reset). */
  clearAnswers(archivistId?: string): Promise<void>;
}

export function composeExercises(deps: ExerciseCompositionDeps): ExerciseAndPresenterParts {
  const service = new ExerciseService({
    library: new ExerciseLibrary(deps.exerciseDirs),
    answers: new SqliteExerciseAnswerStore(deps.db),
    archive: deps.archive,
    clock: deps.clock,
    ...(deps.classScenario ? { classScenario: deps.classScenario } : {}),
  });
  const { classMembers } = deps;
  return {
    exercises: {
      service,
      isTrainer: deps.isTrainer,
      isTrainee: deps.isTrainee,
      ...(classMembers ? { classOf: () => classMembers() } : {}),
    },
    presenter: { board: new PresenterBoard(), isTrainer: deps.isTrainer },
    clearAnswers: (archivistId) => service.clearAnswers(archivistId),
  };
}
