/**
 * Builds the signed archive messages a client system would send for a test case: the documents from the
 * CDA templates (server/cda/templates-*.ts), signed and framed by buildSignedMessage. The end-to-end test
 * and a vendor's CI use it to produce a known-good run, and `deviations` to produce a known-bad one.
 */
import type { CodeDisplay, DocumentSpec, SpecSoftware } from '../cda/build-spec.js';
import { clientRelationshipDocument } from '../cda/templates-relationship.js';
import { assessment, clientNote, clientPlan, decision, initiation } from '../cda/templates-documents.js';
import type { CaseDocumentInput } from '../cda/templates-common.js';
import { SERVICE_TASKS, SOCIAL_SERVICES, type ServiceTaskKey } from '../cda/templates-codes.js';
import { KantaSimError } from '../errors.js';
import { buildSignedMessage } from '../samples/signed-message.js';
import type { ExpectedDocument, TestCase } from './test-case.js';

/** An organisation's identity and system-signature key (OrganisationCredentials fits). */
export interface GeneratorParty {
  readonly oid: string;
  readonly name: string;
  readonly units: readonly { readonly oid: string; readonly name: string }[];
  readonly signingKeyPem: string;
  readonly signingCertPem: string;
}

/** The professional who records the test case (ProfessionalCredentials fits). */
export interface GeneratorProfessional {
  readonly regno: string;
  readonly given: string;
  readonly family: string;
  readonly title?: string;
  readonly keyPem: string;
  readonly certPem: string;
}

/** The test client. */
export interface GeneratorIdentity {
  readonly hetu: string;
  readonly given: readonly string[];
  readonly family: string;
  readonly gender: '1' | '2';
}

/** A deliberate mistake in one document, to rehearse a failing run. */
export interface Deviation {
  /** Do not send the document at all. */
  readonly omit?: boolean;
  /** Write this service task code into hl7fi:functionCode instead of the expected one. */
  readonly serviceTask?: string;
  /** Archive into this register (custodian) instead of the expected one. */
  readonly register?: { readonly oid: string; readonly name: string };
}

export interface GenerateInput {
  readonly testCase: TestCase;
  /** The organisation that runs the test case (the sender of its documents). */
  readonly organisation: GeneratorParty;
  /** The organiser whose register a provider archives into; it also sends the setup documents. */
  readonly organiser?: GeneratorParty;
  readonly identity: GeneratorIdentity;
  readonly professional: GeneratorProfessional;
  /** When the test takes place: document dates count back from here. */
  readonly at: Date;
  /** A number making this run's OIDs unique; default the test time in milliseconds. */
  readonly runId?: number;
  /** The organisation's service unit that produces the documents; default its first unit. */
  readonly serviceUnitOid?: string;
  readonly software?: SpecSoftware;
  /** Mistakes by document key. */
  readonly deviations?: Readonly<Record<string, Deviation>>;
  /** Case OIDs by case key, to continue cases begun elsewhere; others are minted for this run. */
  readonly caseIds?: Readonly<Record<string, string>>;
}

export interface GeneratedMessage {
  readonly key: string;
  readonly phase: 'setup' | 'test';
  /** Which credentials must send it over mutual TLS. */
  readonly sender: 'organisation' | 'organiser';
  readonly senderOid: string;
  readonly documentId: string;
  readonly setId: string;
  readonly versionNumber: number;
  readonly registerOid: string;
  readonly caseId?: string;
  readonly serviceRequest: string;
  readonly messageXml: string;
}

/** Builds every message of the case in sending order: setup documents first, then the test documents. */
export function generateTestCaseMessages(input: GenerateInput): GeneratedMessage[] {
  const tc = input.testCase;
  if (tc.role === 'provider' || [...tc.setup, ...tc.documents].some((d) => d.register === 'organiser')) {
    if (input.organiser === undefined) {
      throw new KantaSimError('BAD_REQUEST', `test case ${tc.name} needs the organiser's credentials`);
    }
  }
  const runId = input.runId ?? input.at.getTime();
  const ids = new Map<string, { id: string; setId: string }>();
  const cases = new Map<string, string>(Object.entries(input.caseIds ?? {}));
  const all = [
    ...tc.setup.map((d) => ({ d, phase: 'setup' as const })),
    ...tc.documents.map((d) => ({ d, phase: 'test' as const })),
  ];
  const out: GeneratedMessage[] = [];
  all.forEach(({ d, phase }, index) => {
    const deviation = input.deviations?.[d.key] ?? {};
    const senderRole = phase === 'setup' ? 'organiser' : 'organisation';
    const sender = senderRole === 'organiser' ? (input.organiser as GeneratorParty) : input.organisation;
    const base = oidBase(sender.oid);
    const year = input.at.getUTCFullYear();
    const id = `${base}.95.${year}.${runId}.${index + 1}`;
    const replaced = d.replaces === undefined ? undefined : ids.get(d.replaces);
    const setId = replaced?.setId ?? id;
    ids.set(d.key, { id, setId });
    if (d.case !== undefined && !cases.has(d.case)) {
      cases.set(d.case, `${oidBase(registerParty(d, input).oid)}.96.${year}.${runId}.${cases.size + 1}`);
    }
    if (deviation.omit === true) {
      return;
    }
    const date = documentDate(d, input.at, all.length - index);
    let spec = buildSpec(d, input, {
      id,
      setId,
      replaced,
      date,
      caseId: d.case === undefined ? undefined : (cases.get(d.case) as string),
      clientRelationshipId: `${oidBase(registerParty(d, input).oid)}.97.${year}.${runId}`,
      sender,
    });
    if (deviation.serviceTask !== undefined) {
      spec = { ...spec, palvelutehtava: serviceTaskCode(deviation.serviceTask) };
    }
    if (deviation.register !== undefined) {
      spec = { ...spec, custodian: deviation.register, outsourcingServiceCustomer: deviation.register };
    }
    const signingTime = signingTimeOf(d, date, input.at, all.length - index);
    const message = buildSignedMessage({
      spec,
      serviceRequest: d.serviceRequest,
      senderOid: sender.oid,
      messageId: { root: sender.oid, extension: `${runId}${index + 1}` },
      creationTime: input.at,
      signingTime,
      system: { keyPem: sender.signingKeyPem, certPem: sender.signingCertPem },
      professionals:
        d.template === 'clientRelationship'
          ? []
          : [
              {
                keyPem: input.professional.keyPem,
                certPem: input.professional.certPem,
                regNo: input.professional.regno,
              },
            ],
    });
    out.push({
      key: d.key,
      phase,
      sender: senderRole,
      senderOid: sender.oid,
      documentId: id,
      setId,
      versionNumber: d.version,
      registerOid: spec.custodian.oid,
      ...(spec.caseId === undefined ? {} : { caseId: spec.caseId }),
      serviceRequest: d.serviceRequest,
      messageXml: message.messageXml,
    });
  });
  return out;
}

/** The organisation base of an OID for minting document OIDs (`1.2.246.10.<business id>`). */
function oidBase(oid: string): string {
  return oid.replace(/\.10\.0$/, '');
}

function registerParty(d: ExpectedDocument, input: GenerateInput): GeneratorParty {
  return d.register === 'organiser' ? (input.organiser ?? input.organisation) : input.organisation;
}

/** A fixed date (old data) at 10:00 Finnish time, or `daysBeforeTest` back with a minute per document. */
function documentDate(d: ExpectedDocument, at: Date, stepsBack: number): Date {
  if (d.date !== undefined) {
    return new Date(`${d.date}T08:00:00Z`);
  }
  return new Date(at.getTime() - d.daysBeforeTest * 86_400_000 - stepsBack * 60_000);
}

/**
 * When a document is signed: an old document (fixed date) when it was written, so the rehearsal signs
 * history at its own dates (the test PKI is valid from 2008 by default); others a second apart just
 * before the test.
 */
function signingTimeOf(d: ExpectedDocument, date: Date, at: Date, stepsBack: number): Date {
  return d.date !== undefined ? new Date(date.getTime() + 1000) : new Date(at.getTime() - stepsBack * 1000);
}

function serviceTaskKey(code: string | undefined): ServiceTaskKey {
  const entry = Object.entries(SERVICE_TASKS).find(([, v]) => v.code === (code ?? '24'));
  if (entry === undefined) {
    throw new KantaSimError(
      'BAD_REQUEST',
      `service task ${code} has no document templates (known: ${Object.values(SERVICE_TASKS)
        .map((t) => t.code)
        .join(', ')})`,
    );
  }
  return entry[0] as ServiceTaskKey;
}

function serviceTaskCode(code: string): CodeDisplay {
  return (
    Object.values(SERVICE_TASKS).find((t) => t.code === code) ?? {
      code,
      displayName: `Palvelutehtävä ${code}`,
    }
  );
}

interface SpecContext {
  readonly id: string;
  readonly setId: string;
  readonly replaced?: { readonly id: string };
  readonly date: Date;
  readonly caseId?: string;
  readonly clientRelationshipId: string;
  readonly sender: GeneratorParty;
}

function buildSpec(d: ExpectedDocument, input: GenerateInput, ctx: SpecContext): DocumentSpec {
  const register = registerParty(d, input);
  const organiser = { oid: register.oid, name: register.name };
  const unit = producingUnit(
    ctx.sender,
    ctx.sender === input.organisation ? input.serviceUnitOid : undefined,
  );
  const client = { ...input.identity, given: [...input.identity.given] };
  const taskKey = serviceTaskKey(d.serviceTask ?? input.testCase.serviceTask);
  const version = {
    setId: ctx.setId,
    versionNumber: d.version,
    ...(ctx.replaced === undefined
      ? {}
      : {
          replaces: { parentId: ctx.replaced.id },
          reasonOfCorrection: { code: '1', displayName: 'Asiakirjan tietojen korjaus' },
        }),
  };
  if (d.template === 'clientRelationship') {
    const startDate = ctx.date.toISOString().slice(0, 10);
    const providerUnit =
      input.testCase.role === 'provider'
        ? producingUnit(input.organisation, input.serviceUnitOid)
        : undefined;
    return clientRelationshipDocument({
      id: ctx.id,
      clientRelationshipId: ctx.clientRelationshipId,
      client,
      organiser,
      date: ctx.date,
      serviceTasks: [
        {
          palvelutehtava: taskKey,
          organiserUnits: [{ unit: producingUnit(register, undefined), startDate }],
          providers:
            providerUnit === undefined
              ? []
              : [{ unit: providerUnit, services: [SOCIAL_SERVICES.perhetyo], startDate }],
        },
      ],
      software: input.software,
      ...version,
    });
  }
  const caseInput: CaseDocumentInput = {
    id: ctx.id,
    caseId: ctx.caseId ?? `${oidBase(register.oid)}.96.${ctx.date.getUTCFullYear()}.1`,
    client,
    organiser,
    serviceUnit: unit,
    author: {
      regNo: input.professional.regno,
      given: input.professional.given,
      family: input.professional.family,
      title: input.professional.title,
    },
    date: ctx.date,
    serviceTask: taskKey,
    signers: [
      {
        regNo: input.professional.regno,
        given: input.professional.given,
        family: input.professional.family,
        time: new Date(ctx.date.getTime() + 1000),
      },
    ],
    clientRelationshipId: ctx.clientRelationshipId,
    ...(input.software === undefined ? {} : { software: input.software }),
    ...version,
  };
  switch (d.template) {
    case 'initiation':
      return initiation(caseInput);
    case 'assessment':
      return assessment(caseInput);
    case 'clientPlan':
      return clientPlan(caseInput);
    case 'decision':
      return decision(caseInput);
    case 'clientNote':
      return clientNote(caseInput);
  }
}

function producingUnit(party: GeneratorParty, unitOid: string | undefined): { oid: string; name: string } {
  const unit = unitOid === undefined ? party.units[0] : party.units.find((u) => u.oid === unitOid);
  if (unitOid !== undefined && unit === undefined) {
    throw new KantaSimError('BAD_REQUEST', `${party.name} has no service unit ${unitOid}`);
  }
  return unit ?? { oid: party.oid, name: party.name };
}
