/**
 * Storage of the trainees' exercise answers (sqlite-exercise-answer-store.ts implements it): the latest
 * answer of each archivist to each exercise, whether it was right, and how many tries it took.
 */

export interface ExerciseAnswerRecord {
  readonly archivistId: string;
  /** The name as it was when answering, so that the trainer's view needs no second lookup. */
  readonly archivistName: string;
  readonly exerciseId: string;
  /** The option id or the pasted document id, as checked. */
  readonly value: string;
  readonly correct: boolean;
  /** How many times the archivist answered this exercise (the record keeps the latest answer). */
  readonly attempts: number;
  /** ISO instant of the latest answer. */
  readonly answeredAt: string;
}

export interface ExerciseAnswerStore {
  /** Keeps an answer, replacing the archivist's earlier one to the same exercise and counting the try. */
  saveAnswer(answer: Omit<ExerciseAnswerRecord, 'attempts'>): Promise<ExerciseAnswerRecord>;
  /** One archivist's answers. */
  answersOf(archivistId: string): Promise<ExerciseAnswerRecord[]>;
  /** Every answer, by exercise and then archivist name. */
  allAnswers(): Promise<ExerciseAnswerRecord[]>;
  /** Forgets one archivist's answers (a sandbox reset), or everyone's when no id is given. */
  clearAnswers(archivistId?: string): Promise<void>;
}
