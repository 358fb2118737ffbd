/**
 * The classroom's inputs as every surface (control API, CLI, console) hands them over, checked once here:
 * every mistake is a BAD_REQUEST naming its field, so no surface has its own idea of a valid class.
 */
import { KantaSimError } from '../errors.js';
import type { ClassroomLang } from '../store/classroom-store.js';
import { MAX_TRAINEES, traineeNumber } from './sandbox-names.js';

export type IfExists = 'keep' | 'reset';

export interface CreateClassInput {
  /** 1..60 trainee sandboxes. */
  readonly trainees: number;
  /** A scenario of the library; default the library's default. */
  readonly scenario?: string;
  /** The language of organisation and account names; default fi. */
  readonly lang?: ClassroomLang;
  /** When the class exists: keep it (add trainees if more are asked for) or bring it back to the scenario. */
  readonly ifExists?: IfExists;
}

/** Which sandboxes an action reaches: every one, or trainees by number or username (`trainee03`). */
export type TraineeSelection = 'all' | readonly (number | string)[];

export const LANGS: readonly ClassroomLang[] = ['fi', 'sv', 'en'];

/** Validates a create request from any surface. */
export function parseCreateInput(raw: unknown): Required<Omit<CreateClassInput, 'scenario'>> & {
  readonly scenario?: string;
} {
  const body = objectOf(raw);
  const trainees = body.trainees;
  if (
    typeof trainees !== 'number' ||
    !Number.isInteger(trainees) ||
    trainees < 1 ||
    trainees > MAX_TRAINEES
  ) {
    throw bad(`trainees: expected a whole number from 1 to ${MAX_TRAINEES}, got ${JSON.stringify(trainees)}`);
  }
  const lang = body.lang ?? 'fi';
  if (!LANGS.includes(lang as ClassroomLang)) {
    throw bad(`lang: expected ${LANGS.join(' | ')}, got ${JSON.stringify(lang)}`);
  }
  const ifExists = body.ifExists ?? 'keep';
  if (ifExists !== 'keep' && ifExists !== 'reset') {
    throw bad(`ifExists: expected keep | reset, got ${JSON.stringify(ifExists)}`);
  }
  const scenario = body.scenario;
  if (scenario !== undefined && (typeof scenario !== 'string' || scenario.trim() === '')) {
    throw bad('scenario: expected a scenario name');
  }
  return {
    trainees,
    lang: lang as ClassroomLang,
    ifExists,
    ...(scenario === undefined ? {} : { scenario: scenario.trim() }),
  };
}

/** The trainee numbers a selection names, each checked against the class's size. */
export function selectTrainees(selection: unknown, classSize: number): number[] {
  if (selection === undefined || selection === 'all') {
    return Array.from({ length: classSize }, (_, i) => i + 1);
  }
  const list = typeof selection === 'string' || typeof selection === 'number' ? [selection] : selection;
  if (!Array.isArray(list) || list.length === 0) {
    throw bad('trainees: expected "all" or a list of trainees (3 or "trainee03")');
  }
  return [...new Set(list.map((t: unknown) => traineeOf(t, classSize)))];
}

/** One trainee by number or username; NOT_FOUND when the class has no such trainee. */
export function traineeOf(value: unknown, classSize: number): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? traineeNumber(value) : undefined;
  if (n === undefined || !Number.isInteger(n) || n < 1 || n > classSize) {
    throw new KantaSimError(
      'NOT_FOUND',
      `no trainee ${JSON.stringify(value)} in this class (trainee01 .. trainee${String(classSize).padStart(2, '0')})`,
    );
  }
  return n;
}

export function objectOf(raw: unknown): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw bad('the body must be a JSON object');
  }
  return raw as Record<string, unknown>;
}

export function bad(message: string): KantaSimError {
  return new KantaSimError('BAD_REQUEST', `classroom: ${message}`);
}
