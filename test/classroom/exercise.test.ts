import { describe, expect, it } from 'vitest';
import { parseExercise } from '../../server/classroom/exercise.js';
import { KantaSimError } from '../../server/errors.js';

const text = (s: string) => ({ fi: `${s} fi`, sv: `${s} sv`, en: `${s} en` });

const validChoice = {
  id: 'why-invalidated',
  scenario: 'classroom',
  title: text('title'),
  question: text('question'),
  answer: {
    type: 'choice',
    options: [
      { id: 'a', text: text('a') },
      { id: 'b', text: text('b') },
    ],
    correct: 'a',
    basis: [
      {
        document: { client: 'Testinen Emilia', state: 'invalidated' },
        field: 'invalidation.reason',
        equals: 'Väärä asiakas',
      },
      { testCase: 'lastensuojelu', field: 'expectedDocuments', equals: '5' },
    ],
  },
};

const validDocument = {
  id: 'current-plan',
  scenario: 'classroom',
  title: text('title'),
  question: text('question'),
  hint: text('hint'),
  answer: { type: 'document', document: { documentType: '15008', state: 'current', versionNumber: 2 } },
};

/** The message of the BAD_REQUEST that parsing `raw` throws. */
function refusal(raw: unknown): string {
  try {
    parseExercise(raw, 'x.json');
  } catch (e) {
    expect(e).toBeInstanceOf(KantaSimError);
    expect((e as KantaSimError).code).toBe('BAD_REQUEST');
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('an exercise file', () => {
  it('reads a choice with its basis and a document answer with its key', () => {
    expect(parseExercise(validChoice).answer).toEqual(validChoice.answer);
    const doc = parseExercise(validDocument);
    expect(doc.answer).toEqual(validDocument.answer);
    expect(doc.hint?.sv).toBe('hint sv');
  });

  it('reads a choice without a basis as one with none', () => {
    const answer = { ...validChoice.answer, basis: undefined };
    expect(parseExercise({ ...validChoice, answer }).answer).toMatchObject({ basis: [] });
  });

  it.each([
    ['a language missing', { ...validChoice, question: { fi: 'a', en: 'b' } }, 'question.sv'],
    ['an id not in kebab case', { ...validChoice, id: 'Why_Invalidated' }, 'id: expected a kebab-case name'],
    [
      'a correct answer that is not an option',
      { ...validChoice, answer: { ...validChoice.answer, correct: 'c' } },
      'answer.correct',
    ],
    [
      'one option only',
      { ...validChoice, answer: { ...validChoice.answer, options: [validChoice.answer.options[0]] } },
      'answer.options',
    ],
    [
      'an unknown basis field',
      {
        ...validChoice,
        answer: {
          ...validChoice.answer,
          basis: [{ document: { state: 'current' }, field: 'hetu', equals: 'x' }],
        },
      },
      'answer.basis[0].field',
    ],
    [
      'a fact without its value',
      {
        ...validChoice,
        answer: {
          ...validChoice.answer,
          basis: [{ document: { state: 'current' }, field: 'versionNumber' }],
        },
      },
      'answer.basis[0].equals',
    ],
    [
      'a basis that is not a list',
      { ...validChoice, answer: { ...validChoice.answer, basis: { testCase: 'x' } } },
      'answer.basis: expected a list of facts',
    ],
    [
      'an unknown key field',
      { ...validDocument, answer: { type: 'document', document: { hetu: '010181-900C' } } },
      'answer.document.hetu',
    ],
    [
      'an empty key',
      { ...validDocument, answer: { type: 'document', document: {} } },
      'answer.document: expected at least one field',
    ],
    [
      'a version that is not a whole number',
      { ...validDocument, answer: { type: 'document', document: { versionNumber: 1.5 } } },
      'answer.document.versionNumber',
    ],
    ['an unknown answer type', { ...validDocument, answer: { type: 'essay' } }, 'answer.type'],
  ])('is refused with %s, naming the place', (_name, raw, place) => {
    expect(refusal(raw)).toContain(place);
  });
});
