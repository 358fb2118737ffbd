/**
 * Seeding from a scenario (POST /__sim/seed, `kanta-sim start --seed FILE`): organisations, professionals,
 * archivists, test identities and pre-archived documents. Documents are built with buildSignedMessage and
 * archived through the archive service itself, with the organisation's own TLS identity, so a seeded
 * document is exactly what a client system would have archived, signed at its own date (the test PKI is
 * valid from pkiValidFrom, 2008 by default, so history can be seeded). Idempotent: an existing organisation
 * or professional is kept, and a scenario whose documents are all archived already (their ids are derived
 * from keeper and key, scenario-ids.ts) is a no-op that says so; whole or nothing for everything else.
 */
import { readFile, rm } from 'node:fs/promises';
import type { ExchangeOutcome } from '../archive/archive-answer.js';
import { KantaSimError, isKantaSimError } from '../errors.js';
import { addOrganisation, type Organisation } from '../pki/organisations.js';
import { addProfessional } from '../pki/professionals.js';
import { checkHetu, isTestIdentity } from '../hl7/hetu.js';
import type { RuleViolation } from '../rules/rule.js';
import { parseScenario, type Scenario, type SeedIdentity } from './scenario.js';
import { plannedDocumentIds } from './scenario-ids.js';
import { buildSeedMessage, type SeedMessage, type SeedSigningDeps } from './seed-message.js';
import { validateSubmission, type ValidationContext } from './validate-submission.js';

export type { Scenario, SeedIdentity } from './scenario.js';

export { SEED_TEMPLATES, type SeedTemplate } from './seed-message.js';

export interface SeedDeps extends SeedSigningDeps {
  readonly dataDir: string;
  /** Archives one message as the organisation (its client certificate is the TLS identity). */
  readonly archive: (messageBytes: Buffer, as: Organisation) => Promise<ExchangeOutcome>;
  readonly testIdentityGuardrail: boolean;
  /** The archive's rules without storing, at the simulated now: a seed is checked whole before it writes. */
  readonly validation: () => ValidationContext;
  /** Whether a document id is already archived. */
  readonly documentExists: (id: string) => Promise<boolean>;
  /** Creates archivists, once the archivist module provides it; without it, archivists are refused. */
  readonly seedArchivists?: (archivists: readonly Record<string, unknown>[]) => Promise<number>;
}

export interface SeedResult {
  readonly organisations: { readonly created: string[]; readonly existing: string[] };
  readonly professionals: { readonly created: string[]; readonly existing: string[] };
  readonly archivists: number;
  readonly identities: readonly SeedIdentity[];
  /** The documents this seed archived. */
  readonly documents: readonly string[];
  /** The scenario's documents that were archived before (all of them when `alreadyApplied`). */
  readonly existing: readonly string[];
  /** True when every document of the scenario was already archived: nothing was done. */
  readonly alreadyApplied: boolean;
}

/** Reads and parses a scenario file (JSON). */
export async function readScenarioFile(file: string): Promise<Scenario> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (cause) {
    throw new KantaSimError('CONFIG_INVALID', `cannot read scenario ${file}: ${(cause as Error).message}`, {
      cause,
    });
  }
  return parseScenario(raw);
}

/**
 * Applies a scenario whole or not at all: every document is built, signed and checked with the archive's
 * own rules (validate-submission.ts) before anything is archived, so a document the archive would refuse
 * stops the seed with BAD_REQUEST naming its entry (`documents[i]`) and its rules, and nothing is stored.
 * Organisations and professionals the scenario registered for signing are removed again on that failure.
 */
export async function applySeed(scenario: Scenario, deps: SeedDeps): Promise<SeedResult> {
  checkIdentities(scenario.identities, deps);
  if (scenario.archivists.length > 0 && !deps.seedArchivists) {
    throw new KantaSimError(
      'BAD_REQUEST',
      'seed: this kanta-sim has no archivist module to seed "archivists" into',
    );
  }
  const planned = plannedDocumentIds(scenario);
  const existing = await alreadyArchived(planned, deps);
  const alreadyApplied = planned.length > 0 && existing.length === planned.length;
  const created: string[] = [];
  const orgs = { created: [] as string[], existing: [] as string[] };
  const pros = { created: [] as string[], existing: [] as string[] };
  let messages: SeedMessage[];
  let archivists = 0;
  try {
    for (const o of scenario.organisations) {
      if (deps.organisations.get(o.oid)) {
        orgs.existing.push(o.oid);
      } else {
        await orExisting(addOrganisation(deps.dataDir, { ...o, now: deps.clock() }), orgs, o.oid, created);
      }
    }
    for (const p of scenario.professionals) {
      if (deps.professionals.get(p.regno)) {
        pros.existing.push(p.regno);
      } else {
        await orExisting(addProfessional(deps.dataDir, { ...p, now: deps.clock() }), pros, p.regno, created);
      }
    }
    if (alreadyApplied) {
      return {
        organisations: orgs,
        professionals: pros,
        archivists,
        identities: scenario.identities,
        documents: [],
        existing,
        alreadyApplied,
      };
    }
    messages = scenario.documents.map((d, i) => buildSeedMessage(d, i, scenario.identities, deps));
    await checkMessages(messages, deps);
    if (deps.seedArchivists && scenario.archivists.length > 0) {
      archivists = await deps.seedArchivists(scenario.archivists);
    }
  } catch (e) {
    await Promise.all(created.map((dir) => rm(dir, { recursive: true, force: true })));
    throw e;
  }
  const documents: string[] = [];
  for (const m of messages) {
    const outcome = await deps.archive(m.bytes, m.organisation);
    if (outcome.typeCode !== 'AA') {
      // Checked above with the same rules; only a concurrent write can get here.
      throw seedRefusal(m, outcome.violations, `archived ${documents.length} before it`);
    }
    documents.push(m.id);
  }
  return {
    organisations: orgs,
    professionals: pros,
    archivists,
    identities: scenario.identities,
    documents,
    existing: [],
    alreadyApplied: false,
  };
}

/**
 * The planned ids already archived. None: a fresh apply. All: applied before. Some: the data is neither
 * (a sandbox half reset, or another scenario reusing keys), and applying it would mix the two, so it is
 * refused with what is present and what is missing.
 */
async function alreadyArchived(planned: readonly string[], deps: SeedDeps): Promise<string[]> {
  const present: string[] = [];
  for (const id of new Set(planned)) {
    if (await deps.documentExists(id)) {
      present.push(id);
    }
  }
  if (present.length > 0 && present.length < new Set(planned).size) {
    const missing = planned.filter((id) => !present.includes(id));
    throw new KantaSimError(
      'CONFLICT',
      `seed: ${present.length} of this scenario's ${planned.length} documents are archived already and ${missing.length} are not; reset the register (or restore a snapshot) before applying it`,
      { details: { present, missing } },
    );
  }
  return present;
}

function checkIdentities(identities: readonly SeedIdentity[], deps: SeedDeps): void {
  for (const identity of identities) {
    const check = checkHetu(identity.hetu);
    if (!check.ok || (deps.testIdentityGuardrail && !isTestIdentity(identity.hetu))) {
      throw new KantaSimError(
        'BAD_REQUEST',
        `seed: identity ${identity.hetu} is not a valid test identity (${check.ok ? 'individual number below 900' : check.reason})`,
      );
    }
  }
}

/** Every message as the archive would judge it now, and ids neither repeated nor already archived. */
async function checkMessages(messages: readonly SeedMessage[], deps: SeedDeps): Promise<void> {
  const seen = new Set<string>();
  for (const m of messages) {
    if (seen.has(m.id) || (await deps.documentExists(m.id))) {
      throw new KantaSimError(
        'BAD_REQUEST',
        `${m.where}: document ${m.id} is already archived or seeded twice`,
        {
          details: { entry: entryOf(m), rules: [] },
        },
      );
    }
    seen.add(m.id);
    const report = validateSubmission({ frameXml: m.bytes.toString('utf8') }, deps.validation());
    if (!report.ok) {
      throw seedRefusal(m, report.violations, 'nothing was stored');
    }
  }
}

function seedRefusal(m: SeedMessage, violations: readonly RuleViolation[], what: string): KantaSimError {
  const rules = [...new Set(violations.map((v) => v.rule.code))];
  const detail = violations.map((v) => `${v.rule.code} ${v.detail ?? ''}`.trim()).join('; ');
  return new KantaSimError(
    'BAD_REQUEST',
    `${m.where}: the archive would refuse document ${m.id} (${detail}); ${what}`,
    {
      details: { entry: entryOf(m), documentId: m.id, rules },
    },
  );
}

const entryOf = (m: SeedMessage): string => m.where.replace(/^seed: /, '');

async function orExisting(
  creating: Promise<{ readonly dir: string }>,
  into: { created: string[]; existing: string[] },
  key: string,
  createdDirs: string[],
): Promise<void> {
  try {
    createdDirs.push((await creating).dir);
    into.created.push(key);
  } catch (e) {
    if (isKantaSimError(e) && (e.code === 'ORG_EXISTS' || e.code === 'PRO_EXISTS')) {
      into.existing.push(key);
      return;
    }
    throw e;
  }
}
