/**
 * Seeding from a scenario (POST /__sim/seed, `kanta-sim start --seed FILE`): organisations, professionals,
 * archivists, test identities and pre-archived documents. Documents are built with buildSignedMessage and
 * archived through the archive service itself, with the organisation's own TLS identity, so a seeded
 * document is exactly what a client system would have archived, signed at its own date (the test PKI is
 * valid from pkiValidFrom, 2008 by default, so history can be seeded). Idempotent for organisations and
 * professionals (an existing one is kept); whole or nothing for everything else.
 */
import { readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import type { ExchangeOutcome } from '../archive/archive-answer.js';
import type { CaseDocumentInput } from '../cda/templates-common.js';
import { assessment, clientNote, clientPlan, decision, initiation } from '../cda/templates-documents.js';
import { KantaSimError, isKantaSimError } from '../errors.js';
import { addOrganisation, type Organisation } from '../pki/organisations.js';
import { addProfessional, type Professional } from '../pki/professionals.js';
import { checkHetu, isTestIdentity } from '../hl7/hetu.js';
import type { RuleViolation } from '../rules/rule.js';
import { buildSignedMessage } from '../samples/signed-message.js';
import { parseScenario, type Scenario, type SeedIdentity } from './scenario.js';
import { validateSubmission, type ValidationContext } from './validate-submission.js';

export type { Scenario, SeedIdentity } from './scenario.js';

const TEMPLATES = {
  initiation,
  assessment,
  'client-plan': clientPlan,
  decision,
  'client-note': clientNote,
} as const satisfies Record<string, (input: CaseDocumentInput) => unknown>;

export type SeedTemplate = keyof typeof TEMPLATES;
export const SEED_TEMPLATES = Object.keys(TEMPLATES) as SeedTemplate[];

export interface SeedDeps {
  readonly dataDir: string;
  readonly organisations: { get(oid: string): Organisation | undefined };
  readonly professionals: { get(regno: string): Professional | undefined };
  /** Archives one message as the organisation (its client certificate is the TLS identity). */
  readonly archive: (messageBytes: Buffer, as: Organisation) => Promise<ExchangeOutcome>;
  readonly clock: () => Date;
  readonly testIdentityGuardrail: boolean;
  /** The default author of seeded documents. */
  readonly defaultProfessional: Professional;
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
  readonly documents: readonly string[];
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
  return { organisations: orgs, professionals: pros, archivists, identities: scenario.identities, documents };
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

/** One seeded document, signed and framed, not yet archived. */
interface SeedMessage {
  readonly where: string;
  readonly id: string;
  readonly organisation: Organisation;
  readonly bytes: Buffer;
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

function buildSeedMessage(
  d: Scenario['documents'][number],
  index: number,
  identities: readonly SeedIdentity[],
  deps: SeedDeps,
): SeedMessage {
  const where = `seed: documents[${index}]`;
  const org = deps.organisations.get(d.organisation);
  if (!org) {
    throw new KantaSimError('BAD_REQUEST', `${where}: organisation ${d.organisation} is not registered`);
  }
  const pro = d.professional ? deps.professionals.get(d.professional) : deps.defaultProfessional;
  if (!pro) {
    throw new KantaSimError(
      'BAD_REQUEST',
      `${where}: professional ${d.professional ?? ''} is not registered`,
    );
  }
  const identity = identities.find((x) => x.hetu === d.hetu);
  if (!identity) {
    throw new KantaSimError('BAD_REQUEST', `${where}: hetu ${d.hetu} is not among the scenario's identities`);
  }
  const unit = (d.unit ? org.units.find((u) => u.oid === d.unit) : org.units[0]) ?? {
    oid: org.oid,
    name: org.name,
  };
  const date = d.date ? new Date(d.date) : deps.clock();
  const base = org.oid.replace(/\.10\.0$/, '');
  const stamp = `${date.getTime()}${index}`;
  const id = d.id ?? `${base}.95.${date.getUTCFullYear()}.${index + 1}.${stamp}`;
  const spec = TEMPLATES[d.template]({
    id,
    caseId: d.caseId ?? `${base}.96.${date.getUTCFullYear()}.1.1`,
    client: {
      hetu: identity.hetu,
      given: identity.given,
      family: identity.family,
      gender: identity.gender,
    },
    organiser: { oid: org.oid, name: org.name },
    serviceUnit: unit,
    author: { regNo: pro.regno, given: pro.given, family: pro.family, title: pro.title },
    date,
  });
  const message = buildSignedMessage({
    spec,
    serviceRequest: 'SP17',
    senderOid: org.oid,
    messageId: { root: org.oid, extension: `seed-${stamp}` },
    creationTime: date,
    system: {
      keyPem: readFileSync(org.files.signingKey, 'utf8'),
      certPem: readFileSync(org.files.signingCert, 'utf8'),
    },
    professionals: [
      {
        keyPem: readFileSync(pro.files.key, 'utf8'),
        certPem: readFileSync(pro.files.cert, 'utf8'),
        regNo: pro.regno,
      },
    ],
  });
  return { where, id, organisation: org, bytes: Buffer.from(message.messageXml, 'utf8') };
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
