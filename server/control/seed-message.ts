/**
 * One scenario document as a signed archiving message: the template builds the CDA, the professional and
 * the organisation sign it at the document's own date, and the frame names the organisation as sender.
 */
import { readFileSync } from 'node:fs';
import type { CaseDocumentInput } from '../cda/templates-common.js';
import { assessment, clientNote, clientPlan, decision, initiation } from '../cda/templates-documents.js';
import { KantaSimError } from '../errors.js';
import type { Organisation } from '../pki/organisations.js';
import type { Professional } from '../pki/professionals.js';
import { buildSignedMessage } from '../samples/signed-message.js';
import type { Scenario, SeedIdentity } from './scenario.js';
import { caseIdFor, documentIdOf, organisationBase } from './scenario-ids.js';

const TEMPLATES = {
  initiation,
  assessment,
  'client-plan': clientPlan,
  decision,
  'client-note': clientNote,
} as const satisfies Record<string, (input: CaseDocumentInput) => unknown>;

export type SeedTemplate = keyof typeof TEMPLATES;
export const SEED_TEMPLATES = Object.keys(TEMPLATES) as SeedTemplate[];

/** What building and signing a seed message needs. */
export interface SeedSigningDeps {
  readonly organisations: { get(oid: string): Organisation | undefined };
  readonly professionals: { get(regno: string): Professional | undefined };
  readonly clock: () => Date;
  /** The default author of seeded documents. */
  readonly defaultProfessional: Professional;
}

/** One seeded document, signed and framed, not yet archived. */
export interface SeedMessage {
  readonly where: string;
  readonly id: string;
  readonly organisation: Organisation;
  readonly bytes: Buffer;
}

export function buildSeedMessage(
  d: Scenario['documents'][number],
  index: number,
  identities: readonly SeedIdentity[],
  deps: SeedSigningDeps,
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
  const stamp = `${date.getTime()}${index}`;
  const id = documentIdOf(d, index);
  const caseId =
    d.caseId ??
    (d.case === undefined
      ? `${organisationBase(org.oid)}.96.${date.getUTCFullYear()}.1.1`
      : caseIdFor(org.oid, d.case));
  const spec = TEMPLATES[d.template]({
    id,
    caseId,
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
