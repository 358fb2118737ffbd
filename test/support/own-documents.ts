/**
 * The project's own stand-ins for the real Kanta samples, so that every suite that only needs *a* signed
 * client plan, client-relationship document or frame runs on a fresh clone (the real corpus is optional
 * conformance data, see requirements.ts). Built once per process from the templates, signed with a
 * generated test CA, in the shapes of the real ones: the client plan carries two professional signatures
 * by one registration number (references `#OID<document id>` and `#CDA-timestamp.<signature id>`), the
 * client-relationship document one system signature the way the SP1 sample's sender makes it (enveloped
 * transform, `#CDA-aikaleima.1`), and each travels in an RCMR_IN200002FI01 frame.
 */
import { buildSocialDocumentXml } from '../../server/cda/build-cda.js';
import { SOCIAL_SERVICES } from '../../server/cda/templates-codes.js';
import { clientPlan } from '../../server/cda/templates-documents.js';
import { clientRelationshipDocument } from '../../server/cda/templates-relationship.js';
import type { SocialDocument } from '../../server/cda/social-document.js';
import type { CertificateTrust } from '../../server/pki/trust-types.js';
import { signDocument } from '../../server/signature/sign.js';
import type { VerifyContext } from '../../server/signature/signature-types.js';
import { buildArchiveFrame } from '../../server/wire/build-frame.js';
import { AnchorTrust, createCa, issueLeaf, type IssuedCert } from '../signature/support/test-ca.js';
import { documentOf } from './message-builder.js';

/** What a verify context needs to know about a document (the real samples' infos have the same shape). */
export interface DocumentInfo {
  readonly documentId: string;
  readonly senderOid: string;
  readonly custodianOid: string;
  readonly headerSignerRegNos: readonly string[];
}

const PLAN_ORGANISER = { oid: '1.2.246.10.12345678.10.0', name: 'Testin hyvinvointialue' };
const PLAN_UNIT = { oid: '1.2.246.10.12345678.10.40001', name: 'Lapsiperheiden sosiaaliohjaus, Perhekeskus' };
const RELATIONSHIP_ORGANISER = { oid: '1.2.246.10.87654321.10.0', name: 'Toisen hyvinvointialue' };
const RELATIONSHIP_UNIT = { oid: '1.2.246.10.87654321.10.2001', name: 'Lapsiperheiden palvelut, Keskusta' };
const PROVIDER_UNIT = { oid: '1.2.246.10.11223344.10.7', name: 'Perhetyö Oy, Keskustan toimipiste' };

/** The professional who signs the plan twice (two certificates, as after a card renewal). */
export const OWN_PROFESSIONAL = Object.freeze({
  regNo: '25104559650',
  given: 'Sanna',
  family: 'Sosiaalityöntekijä',
  title: 'sosiaaliohjaaja',
});

export const OWN_CLIENT = Object.freeze({
  hetu: '180418A903L',
  given: ['Kanta-Hakuat'],
  callName: 'Kanta-Hakuat',
  family: 'Sosh-Aik',
  gender: '1' as const,
});

/** The client plan (SP17): two professional signatures by OWN_PROFESSIONAL. */
export const OWN_PLAN: DocumentInfo = Object.freeze({
  documentId: '1.2.246.10.12345678.95.2026.688001.1001',
  senderOid: PLAN_ORGANISER.oid,
  custodianOid: PLAN_ORGANISER.oid,
  headerSignerRegNos: [OWN_PROFESSIONAL.regNo],
});

/** The client-relationship document (SP1): one system signature by its organiser. */
export const OWN_RELATIONSHIP: DocumentInfo = Object.freeze({
  documentId: '1.2.246.10.87654321.95.2026.688001.2001',
  senderOid: RELATIONSHIP_ORGANISER.oid,
  custodianOid: RELATIONSHIP_ORGANISER.oid,
  headerSignerRegNos: [],
});

/** The organisations named in the own documents, for tests that need them by name. */
export const OWN_PARTIES = Object.freeze({
  planOrganiser: PLAN_ORGANISER,
  planUnit: PLAN_UNIT,
  relationshipOrganiser: RELATIONSHIP_ORGANISER,
  relationshipUnit: RELATIONSHIP_UNIT,
  providerUnit: PROVIDER_UNIT,
});

/** When the documents were written, signed, and when they are verified. */
export const OWN_TIMES = Object.freeze({
  written: new Date('2026-11-20T09:00:00Z'),
  planSignedAt: [new Date('2026-11-22T10:00:00.250Z'), new Date('2026-11-22T10:30:00.500Z')],
  relationshipSignedAt: new Date('2026-11-22T10:45:00.125Z'),
  frameCreated: new Date('2026-11-22T11:00:00Z'),
  verifiedAt: new Date('2026-11-22T12:00:00Z'),
});

/** The professional signatures' hl7fi:signature IDs, in document order. */
export const OWN_PLAN_SIGNATURE_IDS = ['sig_own-professional-1', 'sig_own-professional-2'] as const;
export const OWN_RELATIONSHIP_SIGNATURE_ID = 'Own.HL7Finland.Signature.1';

export interface OwnDocuments {
  readonly ca: IssuedCert;
  /** Two certificates of OWN_PROFESSIONAL (subject serialNumber = registration number, nonRepudiation). */
  readonly professionals: readonly [IssuedCert, IssuedCert];
  /** The relationship organiser's system certificate (serialNumber = organisation OID). */
  readonly system: IssuedCert;
  readonly trust: AnchorTrust;
  /** The client plan as the template builds it, before any signature. */
  readonly unsignedPlan: string;
  readonly plan: string;
  readonly relationship: string;
  readonly planDocument: SocialDocument;
  readonly relationshipDocument: SocialDocument;
  /** RCMR_IN200002FI01 frames carrying them in their MIME packages (bare, with declaration). */
  readonly planFrame: string;
  readonly relationshipFrame: string;
}

let cached: OwnDocuments | undefined;

/** The own documents, built on first use and shared by the suites of one worker. */
export function ownDocuments(): OwnDocuments {
  cached ??= build();
  return cached;
}

/** A verify context for an own document (or a real sample: same shape), judged at OWN_TIMES.verifiedAt. */
export function ownContext(
  info: DocumentInfo,
  trust: CertificateTrust,
  trustMode: 'strict' | 'lenient',
  overrides: Partial<VerifyContext> = {},
): VerifyContext {
  return {
    documentId: info.documentId,
    senderOid: info.senderOid,
    custodianOid: info.custodianOid,
    headerSignerRegNos: info.headerSignerRegNos,
    trust,
    trustMode,
    now: OWN_TIMES.verifiedAt,
    ...overrides,
  };
}

/** The own client plan before signing: cheap, no keys made. */
export function ownUnsignedPlan(): string {
  return buildSocialDocumentXml(
    clientPlan({
      id: OWN_PLAN.documentId,
      caseId: '1.2.246.10.12345678.95.2026.688001.1000',
      client: OWN_CLIENT,
      organiser: PLAN_ORGANISER,
      serviceUnit: PLAN_UNIT,
      author: OWN_PROFESSIONAL,
      date: OWN_TIMES.written,
    }),
  );
}

function ownUnsignedRelationship(): string {
  return buildSocialDocumentXml(
    clientRelationshipDocument({
      id: OWN_RELATIONSHIP.documentId,
      clientRelationshipId: '1.2.246.10.87654321.97.2026.688001.2000',
      client: OWN_CLIENT,
      organiser: RELATIONSHIP_ORGANISER,
      date: OWN_TIMES.written,
      serviceTasks: [
        {
          palvelutehtava: 'lapsiperheidenPalvelut',
          organiserUnits: [{ unit: RELATIONSHIP_UNIT, startDate: '2026-07-17' }],
          providers: [
            {
              unit: PROVIDER_UNIT,
              startDate: '2026-07-17',
              endDate: '2026-08-31',
              services: [SOCIAL_SERVICES.perhetyo],
            },
          ],
        },
      ],
    }),
  );
}

function build(): OwnDocuments {
  const ca = createCa('kanta-sim own documents test CA');
  const professional = (): IssuedCert =>
    issueLeaf(ca, {
      commonName: `${OWN_PROFESSIONAL.family} ${OWN_PROFESSIONAL.given} ${OWN_PROFESSIONAL.regNo}`,
      serialNumber: OWN_PROFESSIONAL.regNo,
      keyUsage: { nonRepudiation: true },
    });
  const professionals: [IssuedCert, IssuedCert] = [professional(), professional()];
  const system = issueLeaf(ca, {
    commonName: 'Asiakastietojärjestelmä',
    serialNumber: RELATIONSHIP_ORGANISER.oid,
    keyUsage: { digitalSignature: true, nonRepudiation: true },
  });
  const unsignedPlan = ownUnsignedPlan();
  const plan = professionals.reduce(
    (xml, cert, i) =>
      signDocument(xml, {
        documentId: OWN_PLAN.documentId,
        signatureId: OWN_PLAN_SIGNATURE_IDS[i] ?? `sig_own-professional-${i + 1}`,
        type: 'professional',
        keyPem: cert.keyPem,
        certPem: cert.certPem,
        signingTime: OWN_TIMES.planSignedAt[i] ?? OWN_TIMES.written,
        signerRegNo: OWN_PROFESSIONAL.regNo,
      }),
    unsignedPlan,
  );
  const relationship = signDocument(ownUnsignedRelationship(), {
    documentId: OWN_RELATIONSHIP.documentId,
    signatureId: OWN_RELATIONSHIP_SIGNATURE_ID,
    type: 'system',
    keyPem: system.keyPem,
    certPem: system.certPem,
    signingTime: OWN_TIMES.relationshipSignedAt,
    envelopedTransform: true,
    timestampIdStyle: 'aikaleima',
  });
  const planDocument = parsed(plan, 'client plan');
  const relationshipDocument = parsed(relationship, 'client-relationship document');
  const frame = (serviceRequest: string, document: SocialDocument, cda: string): string =>
    buildArchiveFrame({
      serviceRequest,
      messageId: { root: document.id },
      senderOid: document.custodian.oid,
      creationTime: OWN_TIMES.frameCreated,
      document,
      cdaBytes: Buffer.from(cda, 'utf8'),
    });
  return {
    ca,
    professionals,
    system,
    trust: new AnchorTrust([ca.x509]),
    unsignedPlan,
    plan,
    relationship,
    planDocument,
    relationshipDocument,
    planFrame: frame('SP17', planDocument, plan),
    relationshipFrame: frame('SP1', relationshipDocument, relationship),
  };
}

function parsed(xml: string, what: string): SocialDocument {
  const document = documentOf(xml);
  if (!document) {
    throw new Error(`the own ${what} does not parse`);
  }
  return document;
}
