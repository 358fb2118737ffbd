/**
 * The scenario file of POST /__sim/seed and `--seed FILE`, validated field by field:
 *
 *   {
 *     "organisations": [{ "oid": "1.2.246.10.1234567.10.0", "name": "...", "units": [{ "oid": "...", "name": "..." }] }],
 *     "professionals": [{ "regno": "25104559652", "name": "Given Family", "title": "sosiaaliohjaaja" }],
 *     "archivists":    [{ ... as the archivist module defines ... }],
 *     "identities":    [{ "hetu": "010181-900C", "given": ["Testi"], "family": "Henkilö", "gender": "1" }],
 *     "documents":     [{ "template": "client-plan", "organisation": "...", "hetu": "010181-900C" }]
 *   }
 */
import { KantaSimError } from '../errors.js';

export interface SeedIdentity {
  readonly hetu: string;
  readonly given: readonly string[];
  readonly family: string;
  readonly gender: '1' | '2';
}

export interface SeedDocument {
  /** initiation, assessment, client-plan, decision or client-note. */
  readonly template: 'initiation' | 'assessment' | 'client-plan' | 'decision' | 'client-note';
  /** The organiser (register keeper and sender); must be registered or in the scenario. */
  readonly organisation: string;
  /** One of the organisation's service units; default its first. */
  readonly unit?: string;
  /** A registered professional's registration number; default the demo professional. */
  readonly professional?: string;
  /** One of the scenario's identities. */
  readonly hetu: string;
  /**
   * The scenario-local name other entries use for this document; its id is derived from the register
   * keeper and this key (scenario-ids.ts). Default: made from the entry's place and content.
   */
  readonly key?: string;
  /** The scenario-local case (asia) key; documents sharing it share one case id. */
  readonly case?: string;
  /** An absolute document id (older format); prefer `key`, which survives retargeting. */
  readonly id?: string;
  /** An absolute case id (older format); prefer `case`. */
  readonly caseId?: string;
  /** ISO date-time the document was written; default now (the simulated clock). */
  readonly date?: string;
}

export interface ScenarioOrganisation {
  readonly oid: string;
  readonly name: string;
  readonly units?: readonly { readonly oid: string; readonly name: string }[];
}

export interface Scenario {
  readonly organisations: readonly ScenarioOrganisation[];
  readonly professionals: readonly {
    readonly regno: string;
    readonly name: string;
    readonly title?: string;
  }[];
  readonly archivists: readonly Record<string, unknown>[];
  readonly identities: readonly SeedIdentity[];
  readonly documents: readonly SeedDocument[];
}

const TEMPLATE_NAMES = ['initiation', 'assessment', 'client-plan', 'decision', 'client-note'];
const SECTIONS = ['organisations', 'professionals', 'archivists', 'identities', 'documents'];

/** Validates a scenario; every mistake names its place (e.g. `documents[2].hetu`). */
export function parseScenario(raw: unknown): Scenario {
  const root = object(raw, 'scenario');
  for (const key of Object.keys(root)) {
    if (!SECTIONS.includes(key) && key !== 'description') {
      throw bad(`unknown section "${key}"; known: ${SECTIONS.join(', ')}`);
    }
  }
  const list = (key: string): Record<string, unknown>[] => {
    const v = root[key] ?? [];
    if (!Array.isArray(v)) {
      throw bad(`"${key}" must be a list`);
    }
    return v.map((item, i) => object(item, `${key}[${i}]`));
  };
  const scenario: Scenario = {
    organisations: list('organisations').map((o, i) => ({
      oid: str(o.oid, `organisations[${i}].oid`),
      name: str(o.name, `organisations[${i}].name`),
      ...(o.units === undefined
        ? {}
        : {
            units: array(o.units, `organisations[${i}].units`).map((u, j) => {
              const unit = object(u, `organisations[${i}].units[${j}]`);
              return { oid: str(unit.oid, `…units[${j}].oid`), name: str(unit.name, `…units[${j}].name`) };
            }),
          }),
    })),
    professionals: list('professionals').map((p, i) => ({
      regno: str(p.regno, `professionals[${i}].regno`),
      name: str(p.name, `professionals[${i}].name`),
      ...(p.title === undefined ? {} : { title: str(p.title, `professionals[${i}].title`) }),
    })),
    archivists: list('archivists'),
    identities: list('identities').map((x, i) => ({
      hetu: str(x.hetu, `identities[${i}].hetu`),
      given: array(x.given, `identities[${i}].given`).map((g, j) => str(g, `identities[${i}].given[${j}]`)),
      family: str(x.family, `identities[${i}].family`),
      gender: x.gender === '1' || x.gender === '2' ? x.gender : fail(`identities[${i}].gender`, '"1" or "2"'),
    })),
    documents: list('documents').map((d, i) => {
      const at = (k: string): string => `documents[${i}].${k}`;
      const optional = (k: string): Record<string, string> =>
        d[k] === undefined ? {} : { [k]: str(d[k], at(k)) };
      if (!TEMPLATE_NAMES.includes(d.template as string)) {
        fail(at('template'), TEMPLATE_NAMES.join(' | '));
      }
      if (d.date !== undefined && Number.isNaN(new Date(str(d.date, at('date'))).getTime())) {
        fail(at('date'), 'an ISO 8601 date-time');
      }
      return {
        template: d.template as SeedDocument['template'],
        organisation: str(d.organisation, at('organisation')),
        hetu: str(d.hetu, at('hetu')),
        ...optional('unit'),
        ...optional('professional'),
        ...optional('key'),
        ...optional('case'),
        ...optional('id'),
        ...optional('caseId'),
        ...optional('date'),
      };
    }),
  };
  checkKeysUnique(scenario.documents);
  return scenario;
}

/** A key names one document: a second entry with the same key is a mistake, not a second copy. */
function checkKeysUnique(documents: readonly SeedDocument[]): void {
  const seen = new Map<string, number>();
  documents.forEach((d, i) => {
    if (d.key === undefined) {
      return;
    }
    const first = seen.get(d.key);
    if (first !== undefined) {
      throw bad(`documents[${i}].key: "${d.key}" is already the key of documents[${first}]`);
    }
    seen.set(d.key, i);
  });
}

function object(v: unknown, where: string): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : fail(where, 'an object');
}
function array(v: unknown, where: string): unknown[] {
  return Array.isArray(v) ? v : fail(where, 'a list');
}
function str(v: unknown, where: string): string {
  return typeof v === 'string' && v !== '' ? v : fail(where, 'a non-empty string');
}
function fail(where: string, expected: string): never {
  throw bad(`${where}: expected ${expected}`);
}
function bad(message: string): KantaSimError {
  return new KantaSimError('BAD_REQUEST', `seed: ${message}`);
}
