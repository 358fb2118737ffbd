/**
 * The answer check in a running archive: a case of the story client (assessment, plan, corrected plan) in
 * the demo organiser's register, with the assessment invalidated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basisValue, checkAnswer, resolveKey } from '../../server/classroom/exercise-check.js';
import { parseExercise, type Exercise } from '../../server/classroom/exercise.js';
import { KantaSimError } from '../../server/errors.js';
import type { StoredDocument } from '../../server/store/archive-store.js';
import { archiveSpec, caseStory } from '../archivist/support.js';
import { startKantaSim, type KantaSimInstance } from '../support/sim.js';

let sim: KantaSimInstance;
let own: string[];
const ids = { assessment: '', planV1: '', planV2: '' };
let planV2: StoredDocument;

const text = (s: string) => ({ fi: s, sv: s, en: s });

function documentExercise(document: Record<string, unknown>): Exercise {
  return parseExercise({
    id: 'current-plan',
    scenario: 'classroom',
    title: text('t'),
    question: text('q'),
    answer: { type: 'document', document },
  });
}

const choice = parseExercise({
  id: 'why',
  scenario: 'classroom',
  title: text('t'),
  question: text('q'),
  answer: {
    type: 'choice',
    options: [
      { id: 'a', text: text('a') },
      { id: 'b', text: text('b') },
    ],
    correct: 'b',
  },
});

beforeAll(async () => {
  sim = await startKantaSim();
  own = [sim.demo.organiser.oid];
  const story = caseStory(sim);
  ids.assessment = await archiveSpec(sim, story.assessment);
  ids.planV1 = await archiveSpec(sim, story.planV1);
  ids.planV2 = await archiveSpec(sim, story.planV2);
  await sim.running.store.invalidateSet({
    setId: ids.assessment,
    registerOid: sim.demo.organiser.oid,
    documentId: ids.assessment,
    at: new Date().toISOString(),
    via: 'archivist',
    by: { kind: 'archivist', id: 'x', name: 'Kouluttaja Kaisa' },
    reason: 'Väärä asiakas',
  });
  planV2 = (await sim.running.store.getDocument(ids.planV2)) as StoredDocument;
}, 60_000);
afterAll(async () => {
  await sim.stop();
});

describe("checking a pasted document in the trainee's own registers", () => {
  const key = (): Record<string, unknown> => ({
    client: 'Testinen Emilia',
    documentType: planV2.documentType,
    state: 'current',
  });

  it('takes the document the key describes, also with spaces and a urn:oid: prefix', async () => {
    const exercise = documentExercise(key());
    expect(await checkAnswer(exercise, ids.planV2, own, sim.running.store)).toEqual({
      value: ids.planV2,
      correct: true,
    });
    expect((await checkAnswer(exercise, ` urn:oid:${ids.planV2} `, own, sim.running.store)).correct).toBe(
      true,
    );
  });

  it('marks wrong: a replaced version, another register, an unknown id, another client', async () => {
    const exercise = documentExercise(key());
    const check = async (id: string, registers = own) =>
      (await checkAnswer(exercise, id, registers, sim.running.store)).correct;
    expect(await check(ids.planV1)).toBe(false);
    // The right document, but the trainee's registers are another organisation's: another sandbox's copy.
    expect(await check(ids.planV2, [sim.demo.provider.oid])).toBe(false);
    expect(await check('1.2.246.10.999.95.1')).toBe(false);
    const otherClient = documentExercise({ ...key(), client: 'Testinen Eemeli' });
    expect((await checkAnswer(otherClient, ids.planV2, own, sim.running.store)).correct).toBe(false);
  });

  it('finds the answer by its key in the registers, exactly one', async () => {
    expect((await resolveKey(sim.running.store, own, key())).map((d) => d.id)).toEqual([ids.planV2]);
    const replaced = await resolveKey(sim.running.store, own, { ...key(), state: 'replaced' });
    expect(replaced.map((d) => d.id)).toEqual([ids.planV1]);
  });

  it('reads the facts a choice rests on: reason of correction, replacing version, invalidation', async () => {
    const store = sim.running.store;
    const v1 = (await store.getDocument(ids.planV1)) as StoredDocument;
    const invalidated = (await store.getDocument(ids.assessment)) as StoredDocument;
    expect(await basisValue(store, planV2, 'reasonOfCorrection')).toBe('Virheellinen tieto korjattu');
    expect(await basisValue(store, v1, 'replacedBy.versionNumber')).toBe('2');
    expect(await basisValue(store, planV2, 'replacedBy.versionNumber')).toBeUndefined();
    expect(await basisValue(store, invalidated, 'invalidation.reason')).toBe('Väärä asiakas');
    expect(await basisValue(store, invalidated, 'invalidation.by')).toBe('Kouluttaja Kaisa');
    expect(await basisValue(store, invalidated, 'invalidation.via')).toBe('archivist');
  });
});

describe('checking a choice', () => {
  it('is right for the key, wrong for another option', async () => {
    expect((await checkAnswer(choice, 'b', own, sim.running.store)).correct).toBe(true);
    expect((await checkAnswer(choice, 'a', own, sim.running.store)).correct).toBe(false);
  });

  it.each([
    ['not an option', 'c'],
    ['empty', '  '],
    ['missing', undefined],
    ['too long', 'x'.repeat(201)],
  ])('refuses an answer that is %s as a bad request', async (_name, given) => {
    const refused = await checkAnswer(choice, given, own, sim.running.store).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(KantaSimError);
    expect((refused as KantaSimError).code).toBe('BAD_REQUEST');
  });
});
