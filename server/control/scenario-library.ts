/**
 * The shipped scenario library (fixtures/scenarios/*.json, format in docs/scenarios.md): a scenario's name
 * is its file name without `.json`. The classroom seeds its sandboxes from here; `listScenarios()` feeds the
 * trainer's choice and `loadScenario(name)` returns the parsed scenario.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KantaSimError } from '../errors.js';
import { parseScenario, type Scenario, type ScenarioDescription } from './scenario.js';

/** The scenario the classroom uses when none is named. */
export const DEFAULT_SCENARIO = 'classroom';

export interface ScenarioSummary {
  readonly name: string;
  readonly description?: ScenarioDescription;
  readonly documents: number;
  readonly clients: number;
}

/** fixtures/scenarios beside the sources (tsx), or beside dist/ when built. */
export function defaultScenarioDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [
    path.resolve(here, '../../fixtures/scenarios'),
    path.resolve(here, '../../../fixtures/scenarios'),
  ];
  return candidates.find((c) => existsSync(c)) ?? (candidates[0] as string);
}

/** The names of the scenarios in the directory, sorted. */
export function scenarioNames(dir: string = defaultScenarioDir()): string[] {
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** Every scenario with its description and size. Throws BAD_REQUEST naming a broken file. */
export function listScenarios(dir: string = defaultScenarioDir()): ScenarioSummary[] {
  return scenarioNames(dir).map((name) => {
    const scenario = loadScenario(name, dir);
    return {
      name,
      ...(scenario.description === undefined ? {} : { description: scenario.description }),
      documents: scenario.documents.length + scenario.invalidations.length,
      clients: scenario.identities.length,
    };
  });
}

/** One scenario by name; an unknown name is BAD_REQUEST listing the known ones. */
export function loadScenario(name: string, dir: string = defaultScenarioDir()): Scenario {
  const known = scenarioNames(dir);
  if (!known.includes(name)) {
    throw new KantaSimError(
      'BAD_REQUEST',
      `no scenario "${name}"; known: ${known.join(', ') || '(none)'} (in ${dir})`,
    );
  }
  const file = path.join(dir, `${name}.json`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new KantaSimError('BAD_REQUEST', `scenario ${file} is not JSON: ${(cause as Error).message}`, {
      cause,
    });
  }
  try {
    return parseScenario(raw);
  } catch (e) {
    throw new KantaSimError('BAD_REQUEST', `scenario ${file}: ${(e as Error).message}`, { cause: e });
  }
}
