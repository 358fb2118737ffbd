/**
 * The CDA document specs of a generated test case: each expected document from its template
 * (server/cda/templates-*.ts), with the run's ids, the parties' units and the professional as author.
 */
import type { CodeDisplay, DocumentSpec } from '../cda/build-spec.js';
import { clientRelationshipDocument } from '../cda/templates-relationship.js';
import { assessment, clientNote, clientPlan, decision, initiation } from '../cda/templates-documents.js';
import type { CaseDocumentInput } from '../cda/templates-common.js';
import { SERVICE_TASKS, SOCIAL_SERVICES, type ServiceTaskKey } from '../cda/templates-codes.js';
import { KantaSimError } from '../errors.js';
import type { GenerateInput, GeneratorIdentity, GeneratorParty } from './generator-input.js';
import type { ExpectedDocument } from './test-case.js';

/** The organisation base of an OID for minting document OIDs (`1.2.246.10.<business id>`). */
export function oidBase(oid: string): string {
  return oid.replace(/\.10\.0$/, '');
}

/** The party whose register the document goes to. */
export function registerParty(d: ExpectedDocument, input: GenerateInput): GeneratorParty {
  return d.register === 'organiser' ? (input.organiser ?? input.organisation) : input.organisation;
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

/** The code and display name of a service task code, for a deviation that writes another one. */
export function serviceTaskCode(code: string): CodeDisplay {
  return (
    Object.values(SERVICE_TASKS).find((t) => t.code === code) ?? {
      code,
      displayName: `Palvelutehtävä ${code}`,
    }
  );
}

/** Where one document stands in the run: its ids, date, case and sender. */
export interface SpecContext {
  readonly id: string;
  readonly setId: string;
  readonly replaced?: { readonly id: string };
  readonly date: Date;
  readonly caseId?: string;
  readonly clientRelationshipId: string;
  readonly sender: GeneratorParty;
}

/** The CDA document spec of one expected document, from its template. */
export function buildSpec(d: ExpectedDocument, input: GenerateInput, ctx: SpecContext): DocumentSpec {
  const register = registerParty(d, input);
  const common: CommonSpec = {
    organiser: { oid: register.oid, name: register.name },
    client: { ...input.identity, given: [...input.identity.given] },
    // Looked up for every template, so an unknown service unit is refused whichever document comes first.
    serviceUnit: producingUnit(
      ctx.sender,
      ctx.sender === input.organisation ? input.serviceUnitOid : undefined,
    ),
    taskKey: serviceTaskKey(d.serviceTask ?? input.testCase.serviceTask),
    version: {
      setId: ctx.setId,
      versionNumber: d.version,
      ...(ctx.replaced === undefined
        ? {}
        : {
            replaces: { parentId: ctx.replaced.id },
            reasonOfCorrection: { code: '1', displayName: 'Asiakirjan tietojen korjaus' },
          }),
    },
  };
  if (d.template === 'clientRelationship') {
    return clientRelationshipSpec(register, input, ctx, common);
  }
  const caseInput = caseDocumentInput(register, input, ctx, common);
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

/** What every template gets alike: the register keeper, the client, the service task and the version. */
interface CommonSpec {
  readonly organiser: { readonly oid: string; readonly name: string };
  readonly client: GeneratorIdentity;
  readonly serviceUnit: { readonly oid: string; readonly name: string };
  readonly taskKey: ServiceTaskKey;
  readonly version: Pick<DocumentSpec, 'setId' | 'versionNumber' | 'replaces' | 'reasonOfCorrection'>;
}

/** The client-relationship document: the organiser's unit, and the provider's when a provider runs the case. */
function clientRelationshipSpec(
  register: GeneratorParty,
  input: GenerateInput,
  ctx: SpecContext,
  common: CommonSpec,
): DocumentSpec {
  const startDate = ctx.date.toISOString().slice(0, 10);
  const providerUnit =
    input.testCase.role === 'provider' ? producingUnit(input.organisation, input.serviceUnitOid) : undefined;
  return clientRelationshipDocument({
    id: ctx.id,
    clientRelationshipId: ctx.clientRelationshipId,
    client: common.client,
    organiser: common.organiser,
    date: ctx.date,
    serviceTasks: [
      {
        palvelutehtava: common.taskKey,
        organiserUnits: [{ unit: producingUnit(register, undefined), startDate }],
        providers:
          providerUnit === undefined
            ? []
            : [{ unit: providerUnit, services: [SOCIAL_SERVICES.perhetyo], startDate }],
      },
    ],
    software: input.software,
    ...common.version,
  });
}

/** The input of a case document template, written and signed by the test case's professional. */
function caseDocumentInput(
  register: GeneratorParty,
  input: GenerateInput,
  ctx: SpecContext,
  common: CommonSpec,
): CaseDocumentInput {
  const pro = input.professional;
  return {
    id: ctx.id,
    caseId: ctx.caseId ?? `${oidBase(register.oid)}.96.${ctx.date.getUTCFullYear()}.1`,
    client: common.client,
    organiser: common.organiser,
    serviceUnit: common.serviceUnit,
    author: { regNo: pro.regno, given: pro.given, family: pro.family, title: pro.title },
    date: ctx.date,
    serviceTask: common.taskKey,
    signers: [
      { regNo: pro.regno, given: pro.given, family: pro.family, time: new Date(ctx.date.getTime() + 1000) },
    ],
    clientRelationshipId: ctx.clientRelationshipId,
    ...(input.software === undefined ? {} : { software: input.software }),
    ...common.version,
  };
}

function producingUnit(party: GeneratorParty, unitOid: string | undefined): { oid: string; name: string } {
  const unit = unitOid === undefined ? party.units[0] : party.units.find((u) => u.oid === unitOid);
  if (unitOid !== undefined && unit === undefined) {
    throw new KantaSimError('BAD_REQUEST', `${party.name} has no service unit ${unitOid}`);
  }
  return unit ?? { oid: party.oid, name: party.name };
}
