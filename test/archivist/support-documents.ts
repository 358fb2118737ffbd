/**
 * Archived documents built in memory for the archivist's pure functions: a client-relationship document
 * and client plans in the shape the archive stores them (index row + metadata_json), from the same
 * templates the client-system samples use.
 */
import { readArchivedDocument, type ArchivedDocument } from '../../server/archivist/archived-document.js';
import type { DocumentSpec } from '../../server/cda/build-spec.js';
import { clientPlan } from '../../server/cda/templates-documents.js';
import { clientRelationshipDocument } from '../../server/cda/templates-relationship.js';
import { SOCIAL_SERVICES } from '../../server/cda/templates-codes.js';
import { CODE_SYSTEMS } from '../../server/codes/code-systems.js';

export const ORGANISER = { oid: '1.2.246.10.12345678.10.0', name: 'Testikaupungin sosiaalipalvelut' };
export const ORGANISER_UNIT = { oid: '1.2.246.10.12345678.10.1', name: 'Perhekeskus' };
export const PROVIDER = { oid: '1.2.246.10.87654321.10.0', name: 'Perhepalvelu Oy' };
export const PROVIDER_UNIT = { oid: '1.2.246.10.87654321.10.1', name: 'Perhepalvelu Oy, perhetyö' };
export const CLIENT = { hetu: '010181-900C', given: ['Emilia'], family: 'Testinen', gender: '2' as const };

const AUTHOR = { regNo: '9990001', given: 'Sari', family: 'Sosiaalityöntekijä' };

/** An HL7 TS of a Date in UTC+2, as the templates write effectiveTime. */
function hl7(date: Date): string {
  const local = new Date(date.getTime() + 2 * 3_600_000);
  return `${local.toISOString().replace(/[-:T]/g, '').slice(0, 14)}+0200`;
}

/** The archived form of a spec: what readArchivedDocument would read back from the store. */
export function archivedFromSpec(
  spec: DocumentSpec,
  opts: { senderOid?: string; state?: 'current' | 'replaced' | 'invalidated' } = {},
): ArchivedDocument {
  const coded = (system: string, v?: { code: string; displayName: string }) =>
    v ? { code: v.code, codeSystem: system, displayName: v.displayName } : undefined;
  const document = {
    id: spec.id,
    setId: spec.setId ?? spec.id,
    versionNumber: spec.versionNumber ?? 1,
    code: coded(CODE_SYSTEMS.DOCUMENT_TYPE, spec.generalDocumentType),
    effectiveTime: hl7(spec.effectiveTime),
    client: { hetu: spec.client.hetu, given: spec.client.given, family: spec.client.family },
    custodian: spec.custodian,
    caseInfo: { caseId: spec.caseId, serviceUnit: spec.serviceUnit },
    header: {
      specificDocumentType: coded(CODE_SYSTEMS.DOCUMENT_TYPE, spec.specificDocumentType),
      documentGroup: { code: spec.documentGroup, codeSystem: CODE_SYSTEMS.DOCUMENT_GROUP },
      palvelutehtava: coded(CODE_SYSTEMS.SERVICE_TASK, spec.palvelutehtava),
      signers: [],
    },
  };
  return readArchivedDocument({
    id: spec.id,
    setId: spec.setId ?? spec.id,
    versionNumber: spec.versionNumber ?? 1,
    registerOid: spec.custodian.oid,
    senderOid: opts.senderOid ?? spec.custodian.oid,
    hetu: spec.client.hetu,
    serviceRequest: spec.documentGroup === '1' ? 'SP1' : 'SP17',
    sha256: 'ab',
    messageId: `m-${spec.id}`,
    status: 'active',
    state: opts.state ?? 'current',
    archivedAt: spec.effectiveTime.toISOString(),
    effectiveTime: document.effectiveTime,
    caseId: spec.caseId,
    palvelutehtava: spec.palvelutehtava?.code,
    metadataJson: JSON.stringify({ document, content: { json: spec.json } }),
  });
}

/** The organiser's client-relationship document listing the provider's unit from 1.11.2026. */
export function relationshipSpec(): DocumentSpec {
  return clientRelationshipDocument({
    id: '1.2.246.10.12345678.95.2026.1',
    clientRelationshipId: '1.2.246.10.12345678.97.2026.1',
    client: CLIENT,
    organiser: ORGANISER,
    date: new Date('2026-11-01T08:00:00Z'),
    municipality: { code: '092', displayName: '092 Vantaa' },
    serviceTasks: [
      {
        palvelutehtava: 'lapsiperheidenPalvelut',
        organiserUnits: [{ unit: ORGANISER_UNIT, startDate: '2026-11-01' }],
        providers: [{ unit: PROVIDER_UNIT, startDate: '2026-11-01', services: [SOCIAL_SERVICES.perhetyo] }],
      },
    ],
  });
}

/** A client plan of the case, dated `date`; `meetings` varies between versions. */
export function planSpec(id: string, date: Date, meetings?: string, unit = ORGANISER_UNIT): DocumentSpec {
  return clientPlan({
    id,
    caseId: '1.2.246.10.12345678.96.2026.1',
    client: CLIENT,
    organiser: ORGANISER,
    serviceUnit: unit,
    author: AUTHOR,
    date,
    meetings,
  });
}
