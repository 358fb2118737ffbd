/**
 * Seeding from a scenario (POST /__sim/seed, `kanta-sim start --seed FILE`, the classroom): organisations,
 * professionals, archivists, test identities, documents with their versions, invalidations and expected
 * refusals. Documents are built and signed at their own dates (seed-message.ts) and archived through the
 * archive service itself, with the sending organisation's own TLS identity, so a seeded document is exactly
 * what a client system would have archived. Idempotent: an existing organisation or professional is kept,
 * and a scenario whose documents are all archived already (their ids are derived from keeper and key,
 * scenario-ids.ts) is a no-op that says so; whole or nothing for everything else.
 */
import { readFile, rm } from 'node:fs/promises';
import type { ExchangeOutcome } from '../archive/archive-answer.js';
import type { ExchangeRecord } from '../archive/exchange.js';
import { KantaSimError, isKantaSimError } from '../errors.js';
import { addOrganisation, type Organisation } from '../pki/organisations.js';
import { addProfessional } from '../pki/professionals.js';
import { checkHetu, isTestIdentity } from '../hl7/hetu.js';
import { parseScenario, type Scenario, type SeedIdentity } from './scenario.js';
import { plannedDocumentIds } from './scenario-ids.js';
import { checkSeedMessages } from './seed-checks.js';
import { buildSeedMessages, type SeedMessage, type SeedSigningDeps } from './seed-message.js';
import type { ValidationContext } from './validate-submission.js';

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
  /** Records an expected refusal in the journal, so a trainer can show it there. */
  readonly recordExchange?: (record: ExchangeRecord) => void;
}

export interface SeedResult {
  readonly organisations: { readonly created: string[]; readonly existing: string[] };
  readonly professionals: { readonly created: string[]; readonly existing: string[] };
  readonly archivists: number;
  readonly identities: readonly SeedIdentity[];
  /** The expected refusals, each refused with its rule (nothing stored). */
  readonly refused: readonly { readonly entry: string; readonly rule: string }[];
  /** The documents this seed archived (nullified versions of invalidations included). */
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
 * own rules (seed-checks.ts) before anything is archived, so a document the archive would refuse (or an
 * expected refusal it would accept) stops the seed with BAD_REQUEST naming its entry (`documents[i]`) and
 * its rules, and nothing is stored. Organisations and professionals the scenario registered for signing
 * are removed again on that failure.
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
        refused: [],
        existing,
        alreadyApplied,
      };
    }
    const validation = deps.validation();
    messages = buildSeedMessages(scenario, deps, validation.codes);
    checkSeedMessages(messages, validation);
    if (deps.seedArchivists && scenario.archivists.length > 0) {
      archivists = await deps.seedArchivists(scenario.archivists);
    }
  } catch (e) {
    await Promise.all(created.map((dir) => rm(dir, { recursive: true, force: true })));
    throw e;
  }
  const { documents, refused } = await archiveAll(messages, deps);
  return {
    organisations: orgs,
    professionals: pros,
    archivists,
    identities: scenario.identities,
    documents,
    refused,
    existing: [],
    alreadyApplied: false,
  };
}

/**
 * Archives the checked messages. The first versions the keeper writes itself depend on nothing archived,
 * so they go at once (the archive reads documents on its reader threads); then, in the scenario's order,
 * what depends on earlier documents (new versions, providers' documents under a right, invalidations), and
 * last the expected refusals, which are journaled. Extra rights only widen what a provider may write, so
 * this order accepts whatever the checked (list) order accepts.
 */
async function archiveAll(
  messages: readonly SeedMessage[],
  deps: SeedDeps,
): Promise<{ documents: string[]; refused: { entry: string; rule: string }[] }> {
  const archived = new Set<string>();
  const refused: { entry: string; rule: string }[] = [];
  const inOrder = (): string[] => messages.filter((m) => archived.has(m.id)).map((m) => m.id);
  const independent = messages.filter(
    (m) => m.kind === 'document' && m.entry.replaces === undefined && m.entry.provider === undefined,
  );
  const outcomes = await Promise.all(independent.map((m) => deps.archive(m.bytes, m.organisation)));
  independent.forEach((m, i) => {
    const outcome = outcomes[i];
    if (outcome?.typeCode === 'AA') {
      archived.add(m.id);
    }
  });
  const failed = independent.find((m) => !archived.has(m.id));
  if (failed) {
    const codes = outcomes[independent.indexOf(failed)]?.violations.map((v) => v.rule.code) ?? [];
    throw afterArchiving(failed, `was refused (${codes.join(', ')})`, inOrder());
  }
  for (const m of messages.filter((x) => !independent.includes(x))) {
    const { outcome, codes } = await archiveSeedMessage(m, deps);
    if (m.kind !== 'refusal') {
      if (outcome.typeCode !== 'AA') {
        throw afterArchiving(m, `was refused (${codes.join(', ')})`, inOrder());
      }
      archived.add(m.id);
      continue;
    }
    if (outcome.typeCode === 'AA' || !codes.includes(m.rule ?? '')) {
      // Predicted before the seed with the archive's own rules; only a concurrent write can get here.
      const answer = `${outcome.typeCode ?? ''} ${codes.join(', ')}`;
      throw afterArchiving(m, `was answered ${answer}, not ${m.rule ?? ''}`, inOrder());
    }
    refused.push({ entry: m.where.replace(/^seed: /, ''), rule: m.rule ?? '' });
  }
  return { documents: inOrder(), refused };
}

/**
 * Archives one seed message as its organisation. An expected refusal is recorded in the journal, as a
 * client system's refused message would be, so a trainer can show it there; an archived document is
 * journalled by the archive's own path.
 */
export async function archiveSeedMessage(
  m: Pick<SeedMessage, 'kind' | 'id' | 'bytes' | 'organisation'>,
  deps: Pick<SeedDeps, 'archive' | 'recordExchange'>,
): Promise<{ readonly outcome: ExchangeOutcome; readonly codes: readonly string[] }> {
  const startedAt = new Date();
  const outcome = await deps.archive(m.bytes, m.organisation);
  if (m.kind === 'refusal') {
    deps.recordExchange?.({
      outcome,
      startedAt,
      durationMs: Date.now() - startedAt.getTime(),
      tlsSubject: m.organisation.name,
      correlationId: `seed-${m.id}`,
    });
  }
  return { outcome, codes: outcome.violations.map((v) => v.rule.code) };
}

function afterArchiving(m: SeedMessage, what: string, archived: readonly string[]): KantaSimError {
  return new KantaSimError(
    'CONFLICT',
    `${m.where}: document ${m.id} ${what}; ${archived.length} were archived before it`,
    {
      details: { entry: m.where.replace(/^seed: /, ''), documentId: m.id, archived },
    },
  );
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
  identities.forEach((identity, i) => {
    const check = checkHetu(identity.hetu);
    if (!check.ok || (deps.testIdentityGuardrail && !isTestIdentity(identity.hetu))) {
      throw new KantaSimError(
        'BAD_REQUEST',
        `seed: identities[${i}].hetu: ${identity.hetu} is not a valid test identity (${check.ok ? 'individual number below 900' : check.reason})`,
      );
    }
  });
}

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
