import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/store/open-database.js';
import type { SqliteDatabase } from '../../server/store/sqlite-database.js';
import { SqliteExerciseAnswerStore } from '../../server/store/sqlite-exercise-answer-store.js';

describe('the exercise answers table', () => {
  let db: SqliteDatabase;
  let store: SqliteExerciseAnswerStore;
  beforeEach(async () => {
    db = await openDatabase(':memory:');
    store = new SqliteExerciseAnswerStore(db);
  });
  afterEach(async () => {
    await db.close();
  });

  const answer = (archivistId: string, exerciseId: string, value: string, correct: boolean) => ({
    archivistId,
    archivistName: `Trainee ${archivistId}`,
    exerciseId,
    value,
    correct,
    answeredAt: '2026-12-05T10:00:00.000Z',
  });

  it('keeps the latest answer per archivist and exercise, counting the tries', async () => {
    expect((await store.saveAnswer(answer('a', 'x', 'wrong', false))).attempts).toBe(1);
    const second = await store.saveAnswer(answer('a', 'x', 'right', true));
    expect(second).toMatchObject({ value: 'right', correct: true, attempts: 2 });
    await store.saveAnswer(answer('b', 'x', 'other', false));
    expect(await store.answersOf('a')).toEqual([second]);
    expect((await store.allAnswers()).map((r) => [r.archivistId, r.exerciseId, r.attempts])).toEqual([
      ['a', 'x', 2],
      ['b', 'x', 1],
    ]);
  });

  it("forgets one archivist's answers, or everyone's", async () => {
    await store.saveAnswer(answer('a', 'x', '1', true));
    await store.saveAnswer(answer('a', 'y', '2', false));
    await store.saveAnswer(answer('b', 'x', '3', true));
    await store.clearAnswers('a');
    expect((await store.allAnswers()).map((r) => r.archivistId)).toEqual(['b']);
    await store.clearAnswers();
    expect(await store.allAnswers()).toEqual([]);
  });
});
