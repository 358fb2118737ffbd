/**
 * Where a class's history comes from: a library of named scenarios and a way to move one scenario into a
 * trainee's own register keeper. The composition root wires the scenario library of server/control; tests
 * pass their own.
 */
import { KantaSimError } from '../errors.js';
import type { Scenario, ScenarioDescription } from '../control/scenario.js';
import type { ClassroomLang } from '../store/classroom-store.js';
import { organisationName, sandboxOid } from './sandbox-names.js';

export interface ScenarioLibrary {
  /** The scenario a class gets when none is named. */
  readonly defaultName: string;
  /** Every scenario's name. */
  names(): Promise<readonly string[]>;
  /** The named scenario; NOT_FOUND (naming the known ones) for an unknown name. */
  load(name: string): Promise<Scenario>;
  /**
   * The title a person reads the scenario by (the console names scenarios by it); undefined when the
   * scenario has none or cannot be read, and the name is shown instead.
   */
  title(name: string): Promise<ScenarioDescription | undefined>;
}

/** A trainee's register keeper, as a scenario is retargeted to it (its units: the scenario keeper's, moved). */
export interface SandboxKeeper {
  readonly oid: string;
  readonly name: string;
}

/** Moves a scenario into another register keeper (deterministic, disjoint ids per keeper). */
export type Retarget = (scenario: Scenario, keeper: SandboxKeeper) => Scenario;

/** An unknown scenario name, answered the same way by every surface. */
export function unknownScenario(name: string, known: readonly string[]): KantaSimError {
  return new KantaSimError(
    'NOT_FOUND',
    `no scenario "${name}"; known: ${known.length > 0 ? known.join(', ') : '(none)'}`,
  );
}

/** The scenario retargeted into one sandbox, without the scenario's own archivists (the class has its own). */
export function sandboxScenario(
  retarget: Retarget,
  scenario: Scenario,
  trainee: number,
  lang: ClassroomLang,
): Scenario {
  const keeper = { oid: sandboxOid(trainee), name: organisationName(trainee, lang) };
  return retarget({ ...scenario, archivists: [] }, keeper);
}
