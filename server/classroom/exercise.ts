/**
 * An exercise of the classroom (harjoitus): a question in fi/sv/en about the class scenario and its answer
 * key. Two kinds of answer fit the archivist interface:
 *
 * - `choice`: the trainee picks one option; the key names the right one. Its `basis` lists the facts of
 *   the scenario that make it right (a document's field and its value), so that a test can check the key
 *   against the scenario.
 * - `document`: the trainee pastes the id (OID) of a document found in the interface; the key describes
 *   that document by what every sandbox copy of the scenario shares (client name, service task, document
 *   type, process phase, version, state, invalidation), and the pasted document must be in the trainee's
 *   own registers. So one key fits every trainee, although each sandbox has its own ids.
 *
 * docs/classroom.md describes the file format with an example.
 */
import { KantaSimError } from '../errors.js';

/** A text in the three interface languages. */
export interface ExerciseText {
  readonly fi: string;
  readonly sv: string;
  readonly en: string;
}

/** What a document must be to be the answer, or the document a basis speaks of. Every field is optional. */
export interface DocumentKey {
  /** The client's name as the interface writes it: "Family Given". */
  readonly client?: string;
  readonly palvelutehtava?: string;
  readonly documentType?: string;
  readonly prosessivaihe?: string;
  readonly versionNumber?: number;
  readonly state?: 'current' | 'replaced' | 'invalidated';
}

/** The facts of a document a choice can rest on. */
export const BASIS_FIELDS = [
  'invalidation.reason',
  'invalidation.by',
  'invalidation.via',
  'versionNumber',
  'replacedBy.versionNumber',
  'reasonOfCorrection',
] as const;
export type BasisField = (typeof BASIS_FIELDS)[number];

export interface ChoiceOption {
  readonly id: string;
  readonly text: ExerciseText;
}

export interface ChoiceAnswer {
  readonly type: 'choice';
  readonly options: readonly ChoiceOption[];
  readonly correct: string;
  /**
   * The facts of the scenario that make the right option right; test/classroom/shipped-exercises.test.ts
   * checks each in a fresh sandbox, so a changed scenario cannot leave a wrong key behind.
   */
  readonly basis: readonly (DocumentBasis | TestCaseBasis)[];
}

/** A field of the one document of the scenario that the key finds, and the value it has. */
export interface DocumentBasis {
  readonly document: DocumentKey;
  readonly field: BasisField;
  readonly equals: string;
}

/** How many documents a deployment-test case's checklist expects. */
export interface TestCaseBasis {
  readonly testCase: string;
  readonly field: 'expectedDocuments';
  readonly equals: string;
}

export interface DocumentAnswer {
  readonly type: 'document';
  readonly document: DocumentKey;
}

export interface Exercise {
  /** kebab-case, unique; also the file's name without .json. */
  readonly id: string;
  /** The scenario the exercise is written for (fixtures/scenarios/<name>.json). */
  readonly scenario: string;
  readonly title: ExerciseText;
  readonly question: ExerciseText;
  /** Optional help shown under the question. */
  readonly hint?: ExerciseText;
  readonly answer: ChoiceAnswer | DocumentAnswer;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const STATES = ['current', 'replaced', 'invalidated'];
const KEY_FIELDS = [
  'client',
  'palvelutehtava',
  'documentType',
  'prosessivaihe',
  'versionNumber',
  'state',
] as const;

/** Validates one exercise file's content; a mistake names its place (`answer.options[1].text.sv`). */
export function parseExercise(raw: unknown, source = 'exercise'): Exercise {
  const bad = (where: string, expected: string): never => {
    throw new KantaSimError('BAD_REQUEST', `${source}: ${where}: expected ${expected}`);
  };
  const root = object(raw, 'exercise', bad);
  const id = str(root.id, 'id', bad);
  if (!ID.test(id)) {
    bad('id', 'a kebab-case name');
  }
  const answer = object(root.answer, 'answer', bad);
  return {
    id,
    scenario: str(root.scenario, 'scenario', bad),
    title: text(root.title, 'title', bad),
    question: text(root.question, 'question', bad),
    ...(root.hint === undefined ? {} : { hint: text(root.hint, 'hint', bad) }),
    answer: answer.type === 'choice' ? choice(answer, bad) : documentAnswer(answer, bad),
  };
}

type Bad = (where: string, expected: string) => never;

function choice(answer: Record<string, unknown>, bad: Bad): ChoiceAnswer {
  if (!Array.isArray(answer.options) || answer.options.length < 2) {
    return bad('answer.options', 'a list of at least two options');
  }
  const options = answer.options.map((o, i): ChoiceOption => {
    const opt = object(o, `answer.options[${i}]`, bad);
    return {
      id: str(opt.id, `answer.options[${i}].id`, bad),
      text: text(opt.text, `answer.options[${i}].text`, bad),
    };
  });
  if (new Set(options.map((o) => o.id)).size !== options.length) {
    bad('answer.options', 'options with different ids');
  }
  const correct = str(answer.correct, 'answer.correct', bad);
  if (!options.some((o) => o.id === correct)) {
    bad('answer.correct', `one of the options' ids (${options.map((o) => o.id).join(', ')})`);
  }
  const basis = answer.basis === undefined ? [] : answer.basis;
  if (!Array.isArray(basis)) {
    return bad('answer.basis', 'a list of facts');
  }
  return { type: 'choice', options, correct, basis: basis.map((b, i) => fact(b, `answer.basis[${i}]`, bad)) };
}

function fact(raw: unknown, where: string, bad: Bad): DocumentBasis | TestCaseBasis {
  const b = object(raw, where, bad);
  const equals = str(b.equals, `${where}.equals`, bad);
  if (b.testCase !== undefined) {
    if (b.field !== 'expectedDocuments') {
      bad(`${where}.field`, '"expectedDocuments" for a test case');
    }
    return { testCase: str(b.testCase, `${where}.testCase`, bad), field: 'expectedDocuments', equals };
  }
  if (!BASIS_FIELDS.includes(b.field as BasisField)) {
    bad(`${where}.field`, BASIS_FIELDS.join(' | '));
  }
  return {
    document: documentKey(b.document, `${where}.document`, bad),
    field: b.field as BasisField,
    equals,
  };
}

function documentAnswer(answer: Record<string, unknown>, bad: Bad): DocumentAnswer {
  if (answer.type !== 'document') {
    bad('answer.type', '"choice" or "document"');
  }
  return { type: 'document', document: documentKey(answer.document, 'answer.document', bad) };
}

function documentKey(raw: unknown, where: string, bad: Bad): DocumentKey {
  const o = object(raw, where, bad);
  const unknown = Object.keys(o).filter((k) => !(KEY_FIELDS as readonly string[]).includes(k));
  if (unknown.length > 0) {
    bad(`${where}.${unknown[0]}`, `one of ${KEY_FIELDS.join(', ')}`);
  }
  if (Object.keys(o).length === 0) {
    bad(where, 'at least one field');
  }
  if (o.versionNumber !== undefined && !(Number.isInteger(o.versionNumber) && Number(o.versionNumber) > 0)) {
    bad(`${where}.versionNumber`, 'a positive whole number');
  }
  if (o.state !== undefined && !STATES.includes(o.state as string)) {
    bad(`${where}.state`, STATES.join(' | '));
  }
  const strings = ['client', 'palvelutehtava', 'documentType', 'prosessivaihe'] as const;
  const key: Record<string, unknown> = {};
  for (const k of strings) {
    if (o[k] !== undefined) {
      key[k] = str(o[k], `${where}.${k}`, bad);
    }
  }
  return { ...key, ...pick(o, ['versionNumber', 'state']) } as DocumentKey;
}

function pick(o: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
}

function object(v: unknown, where: string, bad: Bad): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : bad(where, 'an object');
}

function str(v: unknown, where: string, bad: Bad): string {
  return typeof v === 'string' && v.trim() !== '' ? v : bad(where, 'a non-empty string');
}

function text(v: unknown, where: string, bad: Bad): ExerciseText {
  const o = object(v, where, bad);
  return {
    fi: str(o.fi, `${where}.fi`, bad),
    sv: str(o.sv, `${where}.sv`, bad),
    en: str(o.en, `${where}.en`, bad),
  };
}
