/**
 * The scenario file of POST /__sim/seed, `--seed FILE` and the scenario library (fixtures/scenarios/),
 * validated field by field; every mistake names its place (`documents[2].replaces`). docs/scenarios.md
 * describes the format with an example of each entry:
 *
 *   {
 *     "title":         { "fi": "...", "sv": "...", "en": "..." },
 *     "description":   { "fi": "...", "sv": "...", "en": "..." },
 *     "organisations": [{ "oid": "1.2.246.10.1234567.10.0", "name": "...", "units": [{ "oid": "...", "name": "..." }] }],
 *     "professionals": [{ "regno": "25104559652", "name": "Given Family", "title": "sosiaaliohjaaja" }],
 *     "archivists":    [{ ... as the archivist module defines ... }],
 *     "identities":    [{ "hetu": "010181-900C", "given": ["Testi"], "family": "Henkilö", "gender": "1" }],
 *     "documents":     [{ "key": "plan", "template": "client-plan", "organisation": "...", "hetu": "010181-900C" }],
 *     "invalidations": [{ "document": "plan", "reason": { "text": "..." } }],
 *     "refusals":      [{ "rule": "REGISTER_RIGHT_ENDED", "template": "client-note", ... }]
 *   }
 */
import { parseDocuments, parseInvalidations, parseRefusals } from './scenario-entries.js';
import { array, bad, fail, object, str } from './scenario-fields.js';
import type { Scenario, ScenarioDescription } from './scenario-types.js';

export type * from './scenario-types.js';

const SECTIONS = [
  'title',
  'description',
  'organisations',
  'professionals',
  'archivists',
  'identities',
  'documents',
  'invalidations',
  'refusals',
];

/** Validates a scenario; every mistake names its place (e.g. `documents[2].hetu`). */
export function parseScenario(raw: unknown): Scenario {
  const root = object(raw, 'scenario');
  for (const key of Object.keys(root)) {
    if (!SECTIONS.includes(key)) {
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
  const documents = parseDocuments(list('documents'));
  return {
    ...(root.title === undefined ? {} : { title: description(root.title, 'title') }),
    ...(root.description === undefined ? {} : { description: description(root.description) }),
    organisations: list('organisations').map((o, i) => ({
      oid: str(o.oid, `organisations[${i}].oid`),
      name: str(o.name, `organisations[${i}].name`),
      ...(o.units === undefined
        ? {}
        : {
            units: array(o.units, `organisations[${i}].units`).map((u, j) => {
              const unit = object(u, `organisations[${i}].units[${j}]`);
              const at = `organisations[${i}].units[${j}]`;
              return { oid: str(unit.oid, `${at}.oid`), name: str(unit.name, `${at}.name`) };
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
    documents,
    invalidations: parseInvalidations(list('invalidations'), documents),
    refusals: parseRefusals(list('refusals'), documents),
  };
}

/** A title or description: one text, or one per language (fi, sv and en all given). */
function description(v: unknown, at = 'description'): ScenarioDescription {
  if (typeof v === 'string') {
    return str(v, at);
  }
  const o = object(v, at);
  return {
    fi: str(o.fi, `${at}.fi`),
    sv: str(o.sv, `${at}.sv`),
    en: str(o.en, `${at}.en`),
  };
}
