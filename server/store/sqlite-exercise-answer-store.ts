/**
 * ExerciseAnswerStore on the shared SQLite connection (see open-database.ts).
 */
import type { ExerciseAnswerRecord, ExerciseAnswerStore } from './exercise-answer-store.js';
import type { SqliteDatabase } from './sqlite-database.js';

interface AnswerRow {
  archivist_id: string;
  archivist_name: string;
  exercise_id: string;
  answer: string;
  correct: number;
  attempts: number;
  answered_at: string;
}

const COLUMNS = 'archivist_id, archivist_name, exercise_id, answer, correct, attempts, answered_at';

function toRecord(row: AnswerRow): ExerciseAnswerRecord {
  return {
    archivistId: row.archivist_id,
    archivistName: row.archivist_name,
    exerciseId: row.exercise_id,
    value: row.answer,
    correct: row.correct === 1,
    attempts: row.attempts,
    answeredAt: row.answered_at,
  };
}

export class SqliteExerciseAnswerStore implements ExerciseAnswerStore {
  constructor(private readonly db: SqliteDatabase) {}

  async saveAnswer(a: Omit<ExerciseAnswerRecord, 'attempts'>): Promise<ExerciseAnswerRecord> {
    await this.db.run(
      `INSERT INTO exercise_answers (${COLUMNS}) VALUES (?, ?, ?, ?, ?, 1, ?)
       ON CONFLICT(archivist_id, exercise_id) DO UPDATE SET archivist_name = excluded.archivist_name,
         answer = excluded.answer, correct = excluded.correct, attempts = exercise_answers.attempts + 1,
         answered_at = excluded.answered_at`,
      [a.archivistId, a.archivistName, a.exerciseId, a.value, a.correct ? 1 : 0, a.answeredAt],
    );
    const row = await this.db.get<AnswerRow>(
      `SELECT ${COLUMNS} FROM exercise_answers WHERE archivist_id = ? AND exercise_id = ?`,
      [a.archivistId, a.exerciseId],
    );
    return row ? toRecord(row) : { ...a, attempts: 1 };
  }

  async answersOf(archivistId: string): Promise<ExerciseAnswerRecord[]> {
    const rows = await this.db.all<AnswerRow>(
      `SELECT ${COLUMNS} FROM exercise_answers WHERE archivist_id = ? ORDER BY exercise_id`,
      [archivistId],
    );
    return rows.map(toRecord);
  }

  async allAnswers(): Promise<ExerciseAnswerRecord[]> {
    const rows = await this.db.all<AnswerRow>(
      `SELECT ${COLUMNS} FROM exercise_answers ORDER BY exercise_id, archivist_name, archivist_id`,
    );
    return rows.map(toRecord);
  }

  async clearAnswers(archivistId?: string): Promise<void> {
    if (archivistId === undefined) {
      await this.db.run('DELETE FROM exercise_answers');
    } else {
      await this.db.run('DELETE FROM exercise_answers WHERE archivist_id = ?', [archivistId]);
    }
  }
}
