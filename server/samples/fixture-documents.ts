/**
 * The valid fixture documents: for each test client a client-relationship document (SP1) and the client
 * documents of one case (initiation, assessment, client plan, decision; SP17), signed with the parties'
 * keys. Ids come from seeded sequences named after the document (family + kind), and the dates from one
 * base date, so regenerating with the same parties gives byte-identical files.
 */
import { createHash } from 'node:crypto';
import type { DocumentSpec, SpecOrganisation } from '../cda/build-spec.js';
import { createOidSequence } from '../cda/build-ids.js';
import { formatIsoDate } from '../hl7/time.js';
import type { CaseDocumentInput } from '../cda/templates-common.js';
import { SOCIAL_SERVICES } from '../cda/templates-codes.js';
import { assessment, clientPlan, decision, initiation } from '../cda/templates-documents.js';
import { clientRelationshipDocument } from '../cda/templates-relationship.js';
import type { EnvelopeStyle } from '../wire/archive-frame.js';
import type { FixtureClient, FixtureParties } from './fixture-parties.js';
import { buildSignedMessage, type SignedMessage, type SigningKey } from './signed-message.js';

const MINUTE_MS = 60_000;

/** Everything a fixture builder needs: the parties, the base date and seeded identifiers. */
export interface FixtureContext {
  readonly parties: FixtureParties;
  /** When the first document was written; the others follow at fixed offsets. */
  readonly base: Date;
  /** The organiser OID without its `.10.0` unit arc: the root of document, case and relationship ids. */
  readonly orgBase: string;
  readonly year: number;
}

/**
 * The context for a set of parties. Without an explicit date, the base is an hour after the later of the
 * two signing certificates' notBefore, so every signature falls inside their validity; a fresh data
 * directory's certificates start a day before they were made, which leaves a day for all the fixtures.
 */
export function fixtureContext(parties: FixtureParties, date?: Date): FixtureContext {
  const notBefore = Math.max(
    parties.organiser.signingNotBefore.getTime(),
    parties.professional.notBefore.getTime(),
  );
  const base = date ?? new Date(Math.ceil((notBefore + 60 * MINUTE_MS) / (10 * MINUTE_MS)) * 10 * MINUTE_MS);
  return {
    parties,
    base,
    orgBase: parties.organiser.oid.replace(/\.10\.0$/, ''),
    year: base.getUTCFullYear(),
  };
}

/** A time `minutes` after the base. */
export function at(ctx: FixtureContext, minutes: number): Date {
  return new Date(ctx.base.getTime() + minutes * MINUTE_MS);
}

/** A document OID that depends only on the organiser, the year and `seed`. */
export function seededDocumentId(ctx: FixtureContext, seed: string): string {
  return createOidSequence({ orgBase: ctx.orgBase, year: ctx.year, seed }).next();
}

/** A number in 1..999999999 derived from `seed`: for message ids and case numbers. */
export function seededNumber(seed: string): number {
  return (createHash('sha256').update(seed).digest().readUInt32BE(0) % 999_999_999) + 1;
}

/** The client documents of a case, in process order. */
export const CASE_KINDS = ['initiation', 'assessment', 'clientPlan', 'decision'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** The service unit a client's case is handled in: the first unit for families, the second for protection. */
export function serviceUnitFor(ctx: FixtureContext, fc: FixtureClient): SpecOrganisation {
  const { organiser } = ctx.parties;
  const units = organiser.units;
  const unit = fc.family === 'lastensuojelu' ? (units[1] ?? units[0]) : units[0];
  return unit ?? { oid: organiser.oid, name: organiser.name };
}

/** The minimal input of a client document of `fc`'s case, written at `date`. */
export function caseInput(ctx: FixtureContext, fc: FixtureClient, id: string, date: Date): CaseDocumentInput {
  const { organiser, professional } = ctx.parties;
  return {
    id,
    caseId: `${ctx.orgBase}.96.${ctx.year}.${seededNumber(`case/${fc.family}`)}`,
    client: fc.client,
    organiser: { oid: organiser.oid, name: organiser.name },
    serviceUnit: serviceUnitFor(ctx, fc),
    author: {
      regNo: professional.regno,
      given: professional.given,
      family: professional.family,
      title: professional.title,
    },
    date,
    serviceTask: fc.serviceTask,
    clientRelationshipId: clientRelationshipId(ctx, fc),
  };
}

function clientRelationshipId(ctx: FixtureContext, fc: FixtureClient): string {
  return `${ctx.orgBase}.97.${ctx.year}.${seededNumber(`relationship/${fc.family}`)}`;
}

/** Child-protection wording; the templates' defaults are written for families-with-children services. */
const CHILD_PROTECTION_TEXTS = {
  initiation: {
    channel: 'Lastensuojeluilmoitus',
    contactPerson: 'Koulukuraattori',
    description:
      'Koulukuraattori teki lastensuojeluilmoituksen: lapsi on ollut toistuvasti poissa koulusta ja kertoo riidoista kotona.',
  },
  assessment: {
    situation: 'Lapsi asuu äitinsä kanssa. Koulupoissaoloja on kertynyt syyslukukaudella runsaasti.',
    clientView: 'Lapsi toivoo, että kotona olisi rauhallisempaa ja että hän saisi apua koulutehtäviin.',
    conclusion: 'Lapsi on lastensuojelun asiakas. Tarvitaan avohuollon tukitoimia ja perhetyötä.',
    services: [SOCIAL_SERVICES.avohuollonTukitoimet, SOCIAL_SERVICES.perhetyo],
  },
  clientPlan: {
    situation: 'Tavoitteena on säännöllinen koulunkäynti ja turvallinen arki kotona.',
    services: [SOCIAL_SERVICES.avohuollonTukitoimet, SOCIAL_SERVICES.perhetyo],
    meetings: 'Sosiaalityöntekijä tapaa lasta ja äitiä kuukausittain; perhetyöntekijä käy viikoittain.',
  },
  decision: { service: SOCIAL_SERVICES.avohuollonTukitoimet },
} as const;

/** The DocumentSpec of one client document of `fc`'s case. */
export function caseDocumentSpec(kind: CaseKind, input: CaseDocumentInput, fc: FixtureClient): DocumentSpec {
  const protection = fc.family === 'lastensuojelu';
  switch (kind) {
    case 'initiation':
      return initiation({ ...input, ...(protection ? CHILD_PROTECTION_TEXTS.initiation : {}) });
    case 'assessment':
      return assessment({ ...input, ...(protection ? CHILD_PROTECTION_TEXTS.assessment : {}) });
    case 'clientPlan':
      return clientPlan({ ...input, ...(protection ? CHILD_PROTECTION_TEXTS.clientPlan : {}) });
    case 'decision':
      return decision({ ...input, ...(protection ? CHILD_PROTECTION_TEXTS.decision : {}) });
  }
}

/** The client-relationship document (asiakkuusasiakirja) of `fc` with the organiser's unit of the case. */
export function relationshipSpec(
  ctx: FixtureContext,
  fc: FixtureClient,
  id: string,
  date: Date,
): DocumentSpec {
  const unit = serviceUnitFor(ctx, fc);
  const { organiser } = ctx.parties;
  return clientRelationshipDocument({
    id,
    clientRelationshipId: clientRelationshipId(ctx, fc),
    client: fc.client,
    organiser: { oid: organiser.oid, name: organiser.name },
    date,
    serviceTasks: [
      {
        palvelutehtava: fc.serviceTask,
        organiserUnits: [
          {
            unit,
            startDate: formatIsoDate(date),
            contact: { streetAddress: 'Kokeilutie 1', postalCode: '00990', city: 'Kiintoniemi' },
          },
        ],
        providers: [],
      },
    ],
  });
}

export interface SignOptions {
  /** Default: the organiser's signing key; null = no system signature. */
  readonly system?: SigningKey | null;
  /** Default: for client documents the professional, for SP1 none. */
  readonly professionals?: readonly (SigningKey & { readonly regNo: string })[];
  readonly signingTime?: Date;
  readonly style?: EnvelopeStyle;
  /** Default: the spec's group decides (1 = SP1, else SP17). */
  readonly serviceRequest?: string;
}

/** Signs and frames a spec as the organiser would send it; the message id is seeded by the document id. */
export function signAndFrame(
  ctx: FixtureContext,
  spec: DocumentSpec,
  options: SignOptions = {},
): SignedMessage {
  const { organiser, professional } = ctx.parties;
  const isRelationship = spec.documentGroup === '1';
  const written = spec.effectiveTime;
  return buildSignedMessage({
    spec,
    serviceRequest: options.serviceRequest ?? (isRelationship ? 'SP1' : 'SP17'),
    senderOid: organiser.oid,
    messageId: { root: organiser.oid, extension: String(seededNumber(`message/${spec.id}`)) },
    creationTime: new Date(written.getTime() + 2 * MINUTE_MS),
    signingTime: options.signingTime ?? new Date(written.getTime() + MINUTE_MS),
    system: options.system === null ? undefined : (options.system ?? organiser.signing),
    professionals:
      options.professionals ?? (isRelationship ? [] : [{ ...professional.key, regNo: professional.regno }]),
    style: options.style,
  });
}

/** One valid document of the fixture set. */
export interface ValidFixture {
  /** Base name without extension: valid_<family>_<kind>. */
  readonly name: string;
  readonly description: string;
  readonly serviceRequest: string;
  readonly style: EnvelopeStyle;
  readonly signed: SignedMessage;
}

const KIND_WORDS: Readonly<Record<CaseKind | 'clientRelationship', string>> = {
  clientRelationship: 'sp1_client_relationship',
  initiation: 'initiation',
  assessment: 'assessment',
  clientPlan: 'client_plan',
  decision: 'decision',
};

/** The valid documents of one test client: SP1 first, then the case in process order. */
export function validFixturesFor(
  ctx: FixtureContext,
  fc: FixtureClient,
  clientIndex: number,
): ValidFixture[] {
  const step = (k: number): Date => at(ctx, (clientIndex * 5 + k) * 20);
  const relationship = relationshipSpec(
    ctx,
    fc,
    seededDocumentId(ctx, `${fc.family}/clientRelationship`),
    step(0),
  );
  const out: ValidFixture[] = [
    {
      name: `valid_${fc.family}_${KIND_WORDS.clientRelationship}`,
      description: `client-relationship document (asiakkuusasiakirja) of ${fc.client.hetu}, system signature, SP1`,
      serviceRequest: 'SP1',
      style: 'bare',
      signed: signAndFrame(ctx, relationship),
    },
  ];
  CASE_KINDS.forEach((kind, i) => {
    const input = caseInput(ctx, fc, seededDocumentId(ctx, `${fc.family}/${kind}`), step(i + 1));
    const spec = caseDocumentSpec(kind, input, fc);
    out.push({
      name: `valid_${fc.family}_${KIND_WORDS[kind]}`,
      description: `${spec.specificDocumentType?.displayName ?? kind} of ${fc.client.hetu}, professional signature, SP17`,
      serviceRequest: 'SP17',
      style: 'bare',
      // Signed by the professional only, as the real client plan sample is (and it keeps the set small).
      signed: signAndFrame(ctx, spec, { system: null }),
    });
  });
  return out;
}
