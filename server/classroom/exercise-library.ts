/**
 * The shipped exercises (fixtures/exercises/*.json) and any directory a trainer adds: read once, checked,
 * in file-name order so that a class sees them in the order the files are numbered.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KantaSimError } from '../errors.js';
import { parseExercise, type Exercise } from './exercise.js';

/** fixtures/exercises beside the sources, or beside dist/ when built. */
export function defaultExerciseDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [
    path.resolve(here, '../../fixtures/exercises'),
    path.resolve(here, '../../../fixtures/exercises'),
  ];
  return candidates.find((c) => existsSync(c)) ?? (candidates[0] as string);
}

/** Reads and checks one exercise file; its id must be its file name. */
export function readExerciseFile(file: string): Exercise {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new KantaSimError('BAD_REQUEST', `cannot read exercise ${file}: ${(cause as Error).message}`, {
      cause,
    });
  }
  const exercise = parseExercise(raw, path.basename(file));
  const expected = path.basename(file, '.json').replace(/^\d+-/, '');
  if (exercise.id !== expected) {
    throw new KantaSimError(
      'BAD_REQUEST',
      `${path.basename(file)}: id "${exercise.id}" must be the file's name ("${expected}")`,
    );
  }
  return exercise;
}

/**
 * The exercises of the directories; a later directory's id replaces an earlier one. Read on each call: a
 * trainer may drop a file into the data directory's exercise folder during a class, and a handful of small
 * files costs less than a stale list.
 */
export class ExerciseLibrary {
  constructor(private readonly dirs: readonly string[] = [defaultExerciseDir()]) {}

  /** The exercises, of one scenario when given. Throws BAD_REQUEST naming a broken file. */
  list(scenario?: string): readonly Exercise[] {
    const byId = new Map<string, Exercise>();
    for (const dir of this.dirs.filter((d) => existsSync(d))) {
      for (const file of readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()) {
        const exercise = readExerciseFile(path.join(dir, file));
        byId.set(exercise.id, exercise);
      }
    }
    const all = [...byId.values()];
    return scenario === undefined ? all : all.filter((e) => e.scenario === scenario);
  }

  /** The exercise with this id, or NOT_FOUND. */
  get(id: string): Exercise {
    const found = this.list().find((e) => e.id === id);
    if (!found) {
      throw new KantaSimError('NOT_FOUND', `no exercise "${id}"`);
    }
    return found;
  }
}
