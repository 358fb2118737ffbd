/**
 * A scenario's entries as signed archiving messages, in the order they are archived: documents (a new
 * version after the one it replaces), then invalidations (nullified versions), then expected refusals. The
 * template builds the CDA, the professional and the writing organisation (the provider's, when a provider
 * writes) sign it at the document's own date, and the frame names that organisation as sender.
 */
import type { DocumentSpec } from '../cda/build-spec.js';
import type { CaseDocumentInput } from '../cda/templates-common.js';
import { assessment, clientNote, clientPlan, decision, initiation } from '../cda/templates-documents.js';
import type { CodeLists } from '../codes/code-lists.js';
import { KantaSimError } from '../errors.js';
import type { Organisation } from '../pki/organisations.js';
import type { Professional } from '../pki/professionals.js';
import { without } from './scenario-entries.js';
import type { Scenario, SeedDocument, SeedIdentity, SeedInvalidation, SeedTemplateName } from './scenario.js';
import {
  caseIdFor,
  documentIdFor,
  documentIdOf,
  invalidationIdFor,
  organisationBase,
} from './scenario-ids.js';
import { relationshipSpec } from './seed-relationship.js';
import {
  seedSigningJob,
  signSeedJob,
  type SeedKeys,
  type SeedSigningDeps,
  type SeedSigningJob,
} from './seed-signing.js';

export type { SeedSigningDeps } from './seed-signing.js';

const CASE_TEMPLATES = {
  initiation,
  assessment,
  'client-plan': clientPlan,
  decision,
  'client-note': clientNote,
} as const satisfies Record<string, (input: CaseDocumentInput) => unknown>;

export type SeedTemplate = SeedTemplateName;
export const SEED_TEMPLATES: readonly SeedTemplate[] = [
  ...Object.keys(CASE_TEMPLATES),
  'client-relationship',
] as SeedTemplate[];

/** One seeded entry, signed and framed, not yet archived. */
export interface SeedMessage {
  readonly where: string;
  readonly kind: 'document' | 'invalidation' | 'refusal';
  readonly id: string;
  /** The sender: the register keeper, or the provider that wrote the document. */
  readonly organisation: Organisation;
  /** The register keeper. */
  readonly keeper: Organisation;
  readonly entry: SeedDocument;
  readonly spec: DocumentSpec;
  readonly bytes: Buffer;
  /** For a refusal: the rule the archive must refuse it with. */
  readonly rule?: string;
}

/** Builds and signs every message of the scenario, in the order they are archived. */
export function buildSeedMessages(
  scenario: Scenario,
  deps: SeedSigningDeps,
  codes: CodeLists,
): SeedMessage[] {
  return planSeedMessages(scenario, deps, codes).map(({ signing, ...m }) => ({
    ...m,
    bytes: signSeedJob(signing),
  }));
}

/** A message planned and ready to sign: its spec is built, its signing job holds the keys. */
export type PlannedSeedMessage = Omit<SeedMessage, 'bytes'> & { readonly signing: SeedSigningJob };
type SeedKind = SeedMessage['kind'];

/**
 * Plans every message of the scenario without signing it; a reference to anything unknown names its
 * entry. Signing is the costly part, so a caller may sign the jobs elsewhere (a worker thread).
 */
export function planSeedMessages(
  scenario: Scenario,
  deps: SeedSigningDeps,
  codes: CodeLists,
): PlannedSeedMessage[] {
  const keys = new Map<string, SeedKeys>();
  const built = new Map<string, PlannedSeedMessage>();
  const build = (entry: SeedDocument, where: string, id: string, kind: SeedKind): PlannedSeedMessage => {
    const previous = entry.replaces === undefined ? undefined : built.get(entry.replaces);
    return buildOne({ entry, where, id, kind, previous, scenario, deps, codes, keys });
  };
  const documents = scenario.documents.map((d, i) => {
    const m = build(d, `seed: documents[${i}]`, documentIdOf(d, i), 'document');
    if (d.key !== undefined) {
      built.set(d.key, m);
    }
    return m;
  });
  const invalidations = scenario.invalidations.map((inv, i) =>
    buildInvalidation(
      inv,
      `seed: invalidations[${i}]`,
      latestOfSet(inv.document, scenario, built),
      (e, w, id) => build(e, w, id, 'invalidation'),
    ),
  );
  const refusals = scenario.refusals.map((r, i) => {
    const key = r.key ?? `#${i}`;
    return {
      ...build(r, `seed: refusals[${i}]`, documentIdFor(r.organisation, `refusal:${key}`), 'refusal'),
      rule: r.rule,
    };
  });
  return [...documents, ...invalidations, ...refusals];
}

/** The latest version of the set a key belongs to (the one no other document replaces). */
function latestOfSet(
  key: string,
  scenario: Scenario,
  built: ReadonlyMap<string, PlannedSeedMessage>,
): PlannedSeedMessage {
  let current = key;
  for (;;) {
    const next = scenario.documents.find((d) => d.replaces === current)?.key;
    if (next === undefined) {
      break;
    }
    current = next;
  }
  const m = built.get(current);
  if (!m) {
    throw new KantaSimError('BAD_REQUEST', `seed: document "${key}" was not built`);
  }
  return m;
}

function buildInvalidation(
  inv: SeedInvalidation,
  where: string,
  latest: PlannedSeedMessage,
  build: (entry: SeedDocument, where: string, id: string) => PlannedSeedMessage,
): PlannedSeedMessage {
  const latestDate = latest.spec.effectiveTime;
  const date = inv.date ?? new Date(latestDate.getTime() + 86_400_000).toISOString();
  if (new Date(date) < latestDate) {
    throw new KantaSimError('BAD_REQUEST', `${where}.date: ${date} is before the version it invalidates`);
  }
  const entry: SeedDocument = {
    ...without(latest.entry, ['key']),
    replaces: latest.entry.key,
    reason: inv.reason,
    date,
    ...(inv.professional === undefined ? {} : { professional: inv.professional }),
  };
  return build(entry, where, invalidationIdFor(latest.keeper.oid, inv));
}

interface BuildInput {
  readonly entry: SeedDocument;
  readonly where: string;
  readonly id: string;
  readonly kind: SeedKind;
  readonly previous: PlannedSeedMessage | undefined;
  readonly scenario: Scenario;
  readonly deps: SeedSigningDeps;
  readonly codes: CodeLists;
  readonly keys: Map<string, SeedKeys>;
}

function buildOne(input: BuildInput): PlannedSeedMessage {
  const { entry: d, where, id, previous, deps } = input;
  const fail = (message: string): never => {
    throw new KantaSimError('BAD_REQUEST', `${where}: ${message}`);
  };
  const keeper =
    deps.organisations.get(d.organisation) ?? fail(`organisation ${d.organisation} is not registered`);
  const sender =
    d.provider === undefined
      ? keeper
      : (deps.organisations.get(d.provider) ?? fail(`provider ${d.provider} is not registered`));
  const unit =
    d.unit === undefined
      ? (sender.units[0] ?? { oid: sender.oid, name: sender.name })
      : (sender.units.find((u) => u.oid === d.unit) ??
        fail(`unit ${d.unit} is not one of ${sender.oid}'s units`));
  const pro = d.professional ? deps.professionals.get(d.professional) : deps.defaultProfessional;
  const author = pro ?? fail(`professional ${d.professional ?? ''} is not registered`);
  const identity =
    input.scenario.identities.find((x) => x.hetu === d.hetu) ??
    fail(`hetu ${d.hetu} is not among the scenario's identities`);
  const date = d.date ? new Date(d.date) : deps.clock();
  if (previous && date < previous.spec.effectiveTime) {
    fail(
      `date ${date.toISOString()} is before the version it replaces (${previous.spec.effectiveTime.toISOString()})`,
    );
  }
  const version =
    previous === undefined
      ? {}
      : {
          setId: previous.spec.setId ?? previous.spec.id,
          versionNumber: (previous.spec.versionNumber ?? 1) + 1,
          replaces: { parentId: previous.id },
          ...(d.reason === undefined
            ? {}
            : { reasonOfCorrection: { code: d.reason.code, displayName: d.reason.text } }),
        };
  const client = clientOf(identity);
  const organiser = { oid: keeper.oid, name: keeper.name };
  const spec =
    d.template === 'client-relationship'
      ? relationshipSpec({
          entry: d,
          id,
          client,
          organiser,
          unit,
          date,
          version,
          previous: previous?.spec,
          deps,
          codes: input.codes,
          where,
        })
      : caseSpec(d, {
          id,
          caseId: caseIdOf(d, keeper.oid, date),
          client,
          organiser,
          serviceUnit: unit,
          date,
          author: authorOf(author),
          ...version,
        });
  const signing = seedSigningJob({
    spec,
    sender,
    professional: d.template === 'client-relationship' ? undefined : author,
    serviceRequest:
      input.kind === 'invalidation' ? 'SP19' : d.template === 'client-relationship' ? 'SP1' : 'SP17',
    nullified: input.kind === 'invalidation',
    stamp: `${date.getTime()}-${id.split('.').pop() ?? ''}`,
    keys: input.keys,
  });
  return { where, kind: input.kind, id, organisation: sender, keeper, entry: d, spec, signing };
}

function caseIdOf(d: SeedDocument, keeperOid: string, date: Date): string {
  if (d.caseId !== undefined) {
    return d.caseId;
  }
  return d.case === undefined
    ? `${organisationBase(keeperOid)}.96.${date.getUTCFullYear()}.1.1`
    : caseIdFor(keeperOid, d.case);
}

function clientOf(identity: SeedIdentity): CaseDocumentInput['client'] {
  return { hetu: identity.hetu, given: identity.given, family: identity.family, gender: identity.gender };
}

function authorOf(pro: Professional): CaseDocumentInput['author'] {
  return { regNo: pro.regno, given: pro.given, family: pro.family, title: pro.title };
}

/** A case document: the template with the entry's service task and its own texts. */
function caseSpec(d: SeedDocument, input: CaseDocumentInput): DocumentSpec {
  const texts = d.text ?? {};
  const common = { ...input, ...(d.serviceTask === undefined ? {} : { serviceTask: d.serviceTask }) };
  switch (d.template) {
    case 'initiation':
      return initiation({ ...common, ...texts });
    case 'assessment':
      return assessment({ ...common, ...texts });
    case 'client-plan':
      return clientPlan({ ...common, ...texts });
    case 'decision':
      return decision({
        ...common,
        ...texts,
        outcome: texts.outcome === 'Kielteinen' ? 'Kielteinen' : 'Myönteinen',
      });
    case 'client-note':
      return clientNote({
        ...common,
        ...(texts.note === undefined ? {} : { entries: [{ date: input.date, text: texts.note }] }),
      });
    default:
      throw new KantaSimError('BAD_REQUEST', `seed: ${d.template} is not a case document template`);
  }
}
