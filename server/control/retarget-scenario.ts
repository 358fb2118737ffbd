/**
 * Moving a scenario's register keeper to another organisation, so that one scenario can be applied to many
 * organisations (a classroom's trainee sandboxes) without two copies sharing a document, a case or an
 * archivist. Documents name each other by scenario-local keys and their ids are derived from the keeper
 * and the key (scenario-ids.ts), so moving the keeper moves every id with it; providers and identities are
 * not moved, so one provider organisation can serve every copy.
 */
import { KantaSimError } from '../errors.js';
import type { Scenario, ScenarioOrganisation, SeedDocument } from './scenario.js';
import { organisationBase } from './scenario-ids.js';

export interface RetargetTarget {
  readonly oid: string;
  readonly name: string;
  /** The new organisation's units, in the order of the old one's; default the old units under the new OID. */
  readonly units?: readonly { readonly oid: string; readonly name: string }[];
}

export interface RetargetOptions {
  /** The register keeper to move: one of the scenario's organisations. */
  readonly from: string;
  readonly to: RetargetTarget;
  /** Appended to each moved archivist's username; default `-<the new organisation's distinguishing arc>`. */
  readonly usernameSuffix?: string;
}

/**
 * A copy of the scenario with `from` replaced by `to` everywhere it keeps the register: the organisation
 * entry, its units, the documents and expected refusals it keeps (a provider's unit stays the provider's)
 * and the archivists of its register (usernames made unique per copy). Pure.
 */
export function retargetScenario(scenario: Scenario, options: RetargetOptions): Scenario {
  const { from, to } = options;
  const original = scenario.organisations.find((o) => o.oid === from);
  if (!original) {
    throw bad(`${from} is not one of the scenario's organisations`);
  }
  if (from !== to.oid && scenario.organisations.some((o) => o.oid === to.oid)) {
    throw bad(`${to.oid} is already one of the scenario's organisations`);
  }
  const units = unitMap(original, to);
  const moveOid = (oid: string, where: string): string => moveUnder(oid, from, to.oid, where);
  const suffix = options.usernameSuffix ?? `-${organisationBase(to.oid).split('.').pop() ?? ''}`;
  return {
    ...scenario,
    organisations: scenario.organisations.map((o) =>
      o.oid === from
        ? { oid: to.oid, name: to.name, units: (original.units ?? []).map((u) => units.get(u.oid) ?? u) }
        : o,
    ),
    documents: scenario.documents.map((d, i) =>
      d.organisation === from ? moveDocument(d, `documents[${i}]`, to.oid, units, moveOid) : d,
    ),
    refusals: scenario.refusals.map((r, i) =>
      r.organisation === from
        ? { ...moveDocument(r, `refusals[${i}]`, to.oid, units, moveOid), rule: r.rule }
        : r,
    ),
    archivists: scenario.archivists.map((a, i) => moveArchivist(a, i, from, to.oid, suffix)),
  };
}

/** The old unit OIDs mapped to the new units: given ones by position, else the old ones under the new base. */
function unitMap(
  original: ScenarioOrganisation,
  to: RetargetTarget,
): Map<string, { oid: string; name: string }> {
  const old = original.units ?? [];
  if (to.units !== undefined && to.units.length < old.length) {
    throw bad(`${original.oid} has ${old.length} units; the new organisation gives ${to.units.length}`);
  }
  return new Map(
    old.map((u, i) => [
      u.oid,
      to.units?.[i] ?? { oid: moveUnder(u.oid, original.oid, to.oid, `unit ${u.oid}`), name: u.name },
    ]),
  );
}

function moveDocument(
  d: SeedDocument,
  where: string,
  keeper: string,
  units: ReadonlyMap<string, { oid: string }>,
  moveOid: (oid: string, where: string) => string,
): SeedDocument {
  // A provider's unit is the provider's: it stays, as one provider serves every copy.
  const unit =
    d.unit === undefined || d.provider !== undefined
      ? d.unit
      : (units.get(d.unit)?.oid ?? moveOid(d.unit, `${where}.unit`));
  return {
    ...d,
    organisation: keeper,
    ...(unit === undefined ? {} : { unit }),
    ...(d.id === undefined ? {} : { id: moveOid(d.id, `${where}.id`) }),
    ...(d.caseId === undefined ? {} : { caseId: moveOid(d.caseId, `${where}.caseId`) }),
  };
}

function moveArchivist(
  a: Record<string, unknown>,
  index: number,
  from: string,
  to: string,
  suffix: string,
): Record<string, unknown> {
  const organisation = a.organisation ?? a.organisationOid;
  const registers = a.registers ?? a.registerOids;
  const keepsFrom = organisation === from || (Array.isArray(registers) && registers.includes(from));
  if (!keepsFrom) {
    return a;
  }
  if (typeof a.username !== 'string') {
    throw bad(`archivists[${index}] needs a "username" to be retargeted (each copy needs its own)`);
  }
  const moved: Record<string, unknown> = { ...a, username: `${a.username}${suffix}` };
  for (const key of ['organisation', 'organisationOid'] as const) {
    if (a[key] === from) {
      moved[key] = to;
    }
  }
  for (const key of ['registers', 'registerOids'] as const) {
    const list = a[key];
    if (Array.isArray(list)) {
      moved[key] = list.map((r) => (r === from ? to : r));
    }
  }
  return moved;
}

/** An absolute OID under the old organisation's base, moved under the new one's; anything else is refused. */
function moveUnder(oid: string, from: string, to: string, where: string): string {
  const fromBase = organisationBase(from);
  if (oid !== from && !oid.startsWith(`${fromBase}.`)) {
    throw bad(`${where}: ${oid} is not under ${fromBase}, so it cannot follow the register keeper`);
  }
  return oid === from ? to : `${organisationBase(to)}${oid.slice(fromBase.length)}`;
}

function bad(message: string): KantaSimError {
  return new KantaSimError('BAD_REQUEST', `retarget: ${message}`);
}
