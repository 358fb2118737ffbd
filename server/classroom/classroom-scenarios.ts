/**
 * Where a class's history comes from: a library of named scenarios and a way to move one scenario into a
 * trainee's own register keeper. The composition root wires the scenario library of server/control; tests
 * pass their own. `retargetToSandbox` is the classroom's own move for scenarios written for one keeper.
 */
import { KantaSimError } from '../errors.js';
import type { Scenario } from '../control/scenario.js';
import type { ClassroomLang } from '../store/classroom-store.js';
import { organisationName, sandboxOid, sandboxUnitOid, unitName } from './sandbox-names.js';

export interface ScenarioLibrary {
  /** The scenario a class gets when none is named. */
  readonly defaultName: string;
  /** Every scenario's name. */
  names(): Promise<readonly string[]>;
  /** The named scenario; NOT_FOUND (naming the known ones) for an unknown name. */
  load(name: string): Promise<Scenario>;
}

/** A trainee's register keeper, as a scenario is retargeted to it. */
export interface SandboxKeeper {
  readonly oid: string;
  readonly name: string;
  readonly unit: { readonly oid: string; readonly name: string };
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

/**
 * Retargets a scenario written for one register keeper (its first organisation): that organisation and its
 * units become the sandbox's, and absolute document and case ids move from the old keeper's arcs to the
 * sandbox's, so every sandbox gets the same history under ids no other sandbox has.
 */
export const retargetToSandbox: Retarget = (scenario, keeper) => {
  const source = scenario.organisations[0];
  if (!source) {
    throw new KantaSimError('BAD_REQUEST', 'the scenario names no organisation to retarget');
  }
  const units = new Set((source.units ?? []).map((u) => u.oid));
  const oldBase = base(source.oid);
  const newBase = base(keeper.oid);
  const move = (id: string | undefined): string | undefined =>
    id !== undefined && id.startsWith(`${oldBase}.`) ? `${newBase}${id.slice(oldBase.length)}` : id;
  return {
    ...scenario,
    organisations: [
      { oid: keeper.oid, name: keeper.name, units: [keeper.unit] },
      ...scenario.organisations.slice(1),
    ],
    documents: scenario.documents.map((d) => {
      if (d.organisation !== source.oid) {
        return d;
      }
      const moved = { ...d, organisation: keeper.oid };
      const id = move(d.id);
      const caseId = move(d.caseId);
      return {
        ...moved,
        ...(d.unit !== undefined && units.has(d.unit) ? { unit: keeper.unit.oid } : {}),
        ...(id === undefined ? {} : { id }),
        ...(caseId === undefined ? {} : { caseId }),
      };
    }),
  };
};

/** The scenario retargeted into one sandbox, without the scenario's own archivists (the class has its own). */
export function sandboxScenario(
  retarget: Retarget,
  scenario: Scenario,
  trainee: number,
  lang: ClassroomLang,
): Scenario {
  const keeper = {
    oid: sandboxOid(trainee),
    name: organisationName(trainee, lang),
    unit: { oid: sandboxUnitOid(trainee), name: unitName(trainee, lang) },
  };
  return { ...retarget(scenario, keeper), archivists: [] };
}

const base = (oid: string): string => oid.replace(/\.10\.0$/, '');
