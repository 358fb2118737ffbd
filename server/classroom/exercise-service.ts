/**
 * The classroom's exercises as a service: what a trainee sees (each exercise with the trainee's latest
 * answer), answering (checked in the trainee's own registers, then kept), what the trainer sees (every
 * answer, per exercise), and forgetting a trainee's answers when the sandbox is reset.
 */
import type { Session } from '../archivist/sessions.js';
import type { ExerciseAnswerRecord, ExerciseAnswerStore } from '../store/exercise-answer-store.js';
import { checkAnswer, type ArchiveReader } from './exercise-check.js';
import type { Exercise } from './exercise.js';
import type { ExerciseLibrary } from './exercise-library.js';

export interface ExerciseServiceDeps {
  readonly library: ExerciseLibrary;
  readonly answers: ExerciseAnswerStore;
  readonly archive: ArchiveReader;
  readonly clock: () => Date;
  /** The scenario of the class: only its exercises are shown; undefined (no class yet): every exercise. */
  readonly classScenario?: () => Promise<string | undefined>;
}

/** An exercise as one trainee sees it: with the latest answer, when there is one. */
export interface TraineeExercise {
  readonly exercise: Exercise;
  readonly latest?: ExerciseAnswerRecord;
}

/** An exercise with every archivist's latest answer to it, for the trainer. */
export interface ExerciseAnswers {
  readonly exercise: Exercise;
  readonly answers: readonly ExerciseAnswerRecord[];
}

/** What the archivist interface's exercise pages need from the classroom. */
export interface ExerciseParts {
  readonly service: ExerciseService;
  /** Whether the archivist is a trainer (sees every trainee's answers). */
  readonly isTrainer: (archivistId: string) => Promise<boolean>;
  /** Whether the archivist is a trainee with a sandbox (the menu then links the exercises). */
  readonly isTrainee: (archivistId: string) => Promise<boolean>;
  /** The archivists whose answers a trainer sees (the trainer's class); undefined: everyone's. */
  readonly classOf?: (trainerId: string) => Promise<ReadonlySet<string> | undefined>;
}

export class ExerciseService {
  constructor(private readonly deps: ExerciseServiceDeps) {}

  /** Every exercise with this archivist's latest answer to each. */
  async forArchivist(archivistId: string): Promise<TraineeExercise[]> {
    const answers = await this.deps.answers.answersOf(archivistId);
    return (await this.exercises()).map((exercise) => {
      const latest = answers.find((a) => a.exerciseId === exercise.id);
      return latest ? { exercise, latest } : { exercise };
    });
  }

  /**
   * Checks and keeps the signed-in archivist's answer. NOT_FOUND for an unknown exercise, BAD_REQUEST for
   * an answer the form could not have sent (nothing kept either way).
   */
  async answer(session: Session, exerciseId: string, given: unknown): Promise<ExerciseAnswerRecord> {
    const exercise = this.deps.library.get(exerciseId);
    const checked = await checkAnswer(exercise, given, session.archivist.registerOids, this.deps.archive);
    return this.deps.answers.saveAnswer({
      archivistId: session.archivist.id,
      archivistName: session.archivist.name,
      exerciseId: exercise.id,
      value: checked.value,
      correct: checked.correct,
      answeredAt: this.deps.clock().toISOString(),
    });
  }

  /** Every exercise with everyone's latest answers; `among` keeps only those archivists (one class). */
  async overview(among?: ReadonlySet<string>): Promise<ExerciseAnswers[]> {
    const all = (await this.deps.answers.allAnswers()).filter(
      (a) => among === undefined || among.has(a.archivistId),
    );
    return (await this.exercises()).map((exercise) => ({
      exercise,
      answers: all.filter((a) => a.exerciseId === exercise.id),
    }));
  }

  /** The exercises of the class's scenario. */
  private async exercises(): Promise<readonly Exercise[]> {
    return this.deps.library.list(await this.deps.classScenario?.());
  }

  /** Forgets an archivist's answers (a sandbox reset), or everyone's (a class reset). */
  clearAnswers(archivistId?: string): Promise<void> {
    return this.deps.answers.clearAnswers(archivistId);
  }
}
