/**
 * Test support for the lifecycle suites: builds signed messages for one client story (relationship
 * document, case documents, new versions, invalidations) for the demo organiser or provider, and sends
 * queries over the Kanta interface, HL7 and JSON. Every document gets a fresh OID.
 */
import request from 'supertest';
import type { DocumentSpec, SpecClient } from '../../../server/cda/build-spec.js';
import { formatIsoDate } from '../../../server/hl7/time.js';
import type { TemplateAuthor } from '../../../server/cda/templates-common.js';
import {
  clientRelationshipDocument,
  type ProviderEntry,
} from '../../../server/cda/templates-relationship.js';
import { SOCIAL_SERVICES, type ServiceTaskKey } from '../../../server/cda/templates-codes.js';
import { clientPlan } from '../../../server/cda/templates-documents.js';
import type { OrganisationCredentials } from '../../../server/index.js';
import { buildSignedMessage, type SignedMessage } from '../../../server/samples/signed-message.js';
import { buildQueryRequest, type QueryParameters } from '../../../server/wire/query-request.js';
import { parseQueryResponse, type ParsedQueryResponse } from '../../../server/wire/parse-query-response.js';
import { send, type KantaSimInstance } from '../../support/sim.js';

let counter = 0;
const RUN = Date.now() % 1_000_000_000;

/** A fresh document OID under the organisation's base. */
export function newOid(org: { readonly oid: string }, kind = 95): string {
  counter += 1;
  return `${org.oid.replace(/\.10\.0$/, '')}.${kind}.2026.${RUN}.${counter}`;
}

/** Noon of the day `offset` days from today (keeps dates clear of midnight in any time zone). */
export function day(offset: number): Date {
  const d = new Date();
  d.setUTCHours(10, 0, 0, 0);
  return new Date(d.getTime() + offset * 86_400_000);
}

export const isoDay = (offset: number): string => formatIsoDate(day(offset));

/** The second test client: the demo client is used by other suites. */
export const CLIENT: SpecClient = Object.freeze({
  hetu: '010181-900C',
  given: ['Testi'],
  family: 'Lifecyclenen',
  gender: '1' as const,
});
export const OTHER_CLIENT: SpecClient = Object.freeze({
  hetu: '180418A903L',
  given: ['Toinen'],
  family: 'Asiakas',
  gender: '2' as const,
});

export function author(sim: KantaSimInstance): TemplateAuthor {
  const p = sim.demo.professional;
  return { regNo: p.regno, given: p.given, family: p.family };
}

export interface SendAs {
  readonly from?: OrganisationCredentials;
  readonly serviceRequest?: string;
  readonly statusCode?: string;
}

/** Signs (professional + the sender's system signature) and frames a spec. */
export function message(sim: KantaSimInstance, spec: DocumentSpec, opts: SendAs = {}): SignedMessage {
  const from = opts.from ?? sim.demo.organiser;
  const pro = sim.demo.professional;
  const now = new Date();
  return buildSignedMessage({
    spec,
    serviceRequest: opts.serviceRequest ?? (spec.documentGroup === '1' ? 'SP1' : 'SP17'),
    senderOid: from.oid,
    messageId: { root: from.oid, extension: newOid(from, 77) },
    creationTime: now,
    system: { keyPem: from.signingKeyPem, certPem: from.signingCertPem },
    professionals:
      spec.signers.length > 0 ? [{ keyPem: pro.keyPem, certPem: pro.certPem, regNo: pro.regno }] : [],
    statusCode: opts.statusCode,
  });
}

/** Builds, sends and returns the acknowledgement's type and rule codes. */
export async function archive(
  sim: KantaSimInstance,
  spec: DocumentSpec,
  opts: SendAs = {},
): Promise<{ typeCode?: string; codes: string[] }> {
  const from = opts.from ?? sim.demo.organiser;
  const res = await send(sim, message(sim, spec, opts).messageXml, { as: from });
  return {
    typeCode: res.ack.typeCode,
    codes: res.ack.details.filter((d) => d.typeCode === 'E').map((d) => d.code ?? ''),
  };
}

/** A corrected version of a spec: same set, next version, RPLC the given id, with a reason. */
export function nextVersion(
  spec: DocumentSpec,
  replaces: string,
  version: number,
  org: { readonly oid: string },
  change: Partial<DocumentSpec> = {},
): DocumentSpec {
  return {
    ...spec,
    id: newOid(org),
    setId: spec.setId ?? spec.id,
    versionNumber: version,
    replaces: { parentId: replaces },
    reasonOfCorrection: { code: '1', displayName: 'Virheellinen tieto korjattu' },
    ...change,
  };
}

/** A new client plan (version 1, a new case) of the demo organiser's first unit for `client`. */
export function organiserPlan(
  sim: KantaSimInstance,
  client: SpecClient,
  date: Date,
  serviceTask?: ServiceTaskKey,
): DocumentSpec {
  const org = sim.demo.organiser;
  return clientPlan({
    id: newOid(org),
    caseId: newOid(org, 96),
    client,
    organiser: { oid: org.oid, name: org.name },
    serviceUnit: org.units[0] as { oid: string; name: string },
    author: author(sim),
    date,
    serviceTask,
  });
}

/** The organiser's client-relationship document listing providers. */
export function relationship(
  sim: KantaSimInstance,
  client: SpecClient,
  providers: readonly ProviderEntry[],
  date: Date = day(-60),
): DocumentSpec {
  const org = sim.demo.organiser;
  const unit = org.units[0] as { oid: string; name: string };
  return clientRelationshipDocument({
    id: newOid(org),
    clientRelationshipId: newOid(org, 97),
    client,
    organiser: { oid: org.oid, name: org.name },
    date,
    startDate: formatIsoDate(date),
    serviceTasks: [
      {
        palvelutehtava: 'lapsiperheidenPalvelut',
        organiserUnits: [{ unit, startDate: formatIsoDate(date) }],
        providers,
      },
    ],
  });
}

/** A provider entry for the demo provider's unit. */
export function providerRight(sim: KantaSimInstance, startDate: string, endDate?: string): ProviderEntry {
  const unit = sim.demo.provider.units[0] as { oid: string; name: string };
  return {
    unit,
    startDate,
    ...(endDate === undefined ? {} : { endDate }),
    services: [SOCIAL_SERVICES.perhetyo],
  };
}

/** Sends an HL7 V3 query as `as` and parses the response. */
export async function hl7Query(
  sim: KantaSimInstance,
  serviceRequest: string,
  parameters: QueryParameters,
  as: OrganisationCredentials = sim.demo.organiser,
): Promise<ParsedQueryResponse> {
  const xml = buildQueryRequest({
    serviceRequest,
    messageId: { root: as.oid, extension: newOid(as, 78) },
    senderOid: as.oid,
    creationTime: new Date(),
    parameters,
  });
  const res = await send(sim, xml, { as });
  return parseQueryResponse(res.body);
}

/** GETs a JSON API path over mutual TLS as `as`. */
export async function api(
  sim: KantaSimInstance,
  path: string,
  as: OrganisationCredentials | null = sim.demo.organiser,
): Promise<{ status: number; body: unknown; text: string; type: string }> {
  const base = sim.kantaUrl.replace(/\/sha$/, '');
  let req = request(base).get(`/api/v1${path}`).ca(sim.caBundlePem);
  if (as) {
    req = req.cert(as.clientCertPem).key(as.clientKeyPem);
  }
  const res = await req.buffer(true).parse((r, done) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => done(null, Buffer.concat(chunks)));
  });
  const bytes = res.body as Buffer;
  const type = String(res.headers['content-type'] ?? '');
  const text = bytes.toString('utf8');
  return {
    status: res.status,
    text,
    type,
    body: type.includes('json') ? (JSON.parse(text) as unknown) : undefined,
  };
}
