/**
 * Every shipped exercise against its scenario, in a real class of two sandboxes: each document key finds
 * exactly one document in a trainee's sandbox, and that document is right for that trainee and wrong for
 * the other; each fact a choice rests on has the value the file says. A changed scenario that would leave
 * a wrong answer key behind fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basisValue, checkAnswer, resolveKey } from '../../server/classroom/exercise-check.js';
import { ExerciseLibrary } from '../../server/classroom/exercise-library.js';
import type { DocumentKey, Exercise } from '../../server/classroom/exercise.js';
import { sandboxOid } from '../../server/classroom/sandbox-names.js';
import { TestCaseLibrary } from '../../server/rehearsal/test-case.js';
import { startKantaSim, type KantaSimInstance } from '../support/sim.js';

const EXERCISES = new ExerciseLibrary().list();
const SCENARIOS = [...new Set(EXERCISES.map((e) => e.scenario))];

describe.each(SCENARIOS)('the shipped exercises of scenario %s', (scenario) => {
  let sim: KantaSimInstance;
  const exercises = EXERCISES.filter((e) => e.scenario === scenario);
  const own = [sandboxOid(1)];
  const other = [sandboxOid(2)];

  beforeAll(async () => {
    sim = await startKantaSim();
    await sim.running.classroom.service.create({ trainees: 2, scenario, lang: 'fi' });
  }, 120_000);
  afterAll(async () => {
    await sim.stop();
  });

  /** The one document the key finds in the registers (fails naming the key when none or several). */
  async function theOne(registers: readonly string[], key: DocumentKey): Promise<string> {
    const found = await resolveKey(sim.running.store, registers, key);
    expect(
      found.map((d) => d.id),
      JSON.stringify(key),
    ).toHaveLength(1);
    return found[0]?.id ?? '';
  }

  it.each(exercises.map((e) => [e.id, e] as const))('%s has an answer key that holds', async (_id, e) => {
    const exercise = e as Exercise;
    const { answer } = exercise;
    if (answer.type === 'document') {
      const mine = await theOne(own, answer.document);
      const theirs = await theOne(other, answer.document);
      expect((await checkAnswer(exercise, mine, own, sim.running.store)).correct).toBe(true);
      expect((await checkAnswer(exercise, theirs, own, sim.running.store)).correct).toBe(false);
      return;
    }
    expect(answer.basis.length, 'a choice says which facts make it right').toBeGreaterThan(0);
    for (const fact of answer.basis) {
      if ('testCase' in fact) {
        expect(String(new TestCaseLibrary().get(fact.testCase).documents.length)).toBe(fact.equals);
        continue;
      }
      const id = await theOne(own, fact.document);
      const stored = await sim.running.store.getDocument(id);
      expect(stored && (await basisValue(sim.running.store, stored, fact.field)), fact.field).toBe(
        fact.equals,
      );
    }
  });
});
