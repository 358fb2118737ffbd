/**
 * Every metadata field the archivist sees, in the order shown: one extractor per field giving the value,
 * and for coded fields the code, its system and the code list's names. Labels live in the translations
 * (archivist-ui/i18n), keyed by MetadataKey, so the compare form and the version diff use the same keys.
 */
import type { CodeLists } from '../codes/code-lists.js';
import { CODE_SYSTEMS } from '../codes/code-systems.js';
import type { CodedValue } from '../cda/social-document.js';
import { clientName, type ArchivedDocument } from './archived-document.js';

export const METADATA_KEYS = [
  'documentId',
  'setId',
  'versionNumber',
  'status',
  'archivedAt',
  'effectiveTime',
  'creationTime',
  'clientHetu',
  'clientName',
  'clientGender',
  'registerKeeper',
  'sender',
  'serviceRequest',
  'documentGroup',
  'generalDocumentType',
  'specificDocumentType',
  'palvelutehtava',
  'prosessivaihe',
  'caseId',
  'serviceUnit',
  'responsibleOrganisation',
  'outsourcingServiceCustomer',
  'author',
  'signers',
  'recordStatus',
  'registryType',
  'confidentiality',
  'retentionClass',
  'specialContent',
  'consent',
  'inaccessibleArgument',
  'reasonOfCorrection',
  'fileFormat',
  'structuredFileFormat',
  'contentSpecificationId',
  'clientRelationship',
  'software',
  'languageCode',
  'replaces',
] as const;

export type MetadataKey = (typeof METADATA_KEYS)[number];

export interface CodeNames {
  readonly fi?: string;
  readonly sv?: string;
  readonly en?: string;
}

export interface MetadataValue {
  readonly key: MetadataKey;
  /** The value as text (for coded fields the document's own displayName). */
  readonly text?: string;
  readonly code?: string;
  readonly system?: string;
  /** The code list's names for the code, when the list knows it. */
  readonly names?: CodeNames;
}

type Extract = (d: ArchivedDocument) => Omit<MetadataValue, 'key' | 'names'> | undefined;

const coded =
  (system: string, pick: (d: ArchivedDocument) => CodedValue | undefined): Extract =>
  (d) => {
    const v = pick(d);
    return v ? { code: v.code, system: v.codeSystem ?? system, text: v.displayName } : undefined;
  };
const text =
  (pick: (d: ArchivedDocument) => string | number | undefined): Extract =>
  (d) => {
    const v = pick(d);
    return v === undefined || v === '' ? undefined : { text: String(v) };
  };
const org =
  (pick: (d: ArchivedDocument) => { oid: string; name?: string } | undefined): Extract =>
  (d) => {
    const o = pick(d);
    return o ? { code: o.oid, system: CODE_SYSTEMS.ORGANISATION_REGISTER, text: o.name } : undefined;
  };

const EXTRACT: Record<MetadataKey, Extract> = {
  documentId: text((d) => d.stored.id),
  setId: text((d) => d.stored.setId),
  versionNumber: text((d) => d.stored.versionNumber),
  status: (d) => ({ code: d.stored.status }),
  archivedAt: text((d) => d.stored.archivedAt),
  effectiveTime: text((d) => d.document.effectiveTime),
  creationTime: text((d) => d.document.header.creationTime),
  clientHetu: text((d) => d.document.client.hetu),
  clientName: text((d) => clientName(d.document)),
  clientGender: coded(CODE_SYSTEMS.GENDER, (d) => d.document.client.gender),
  registerKeeper: org((d) => d.document.custodian),
  sender: (d) => ({ code: d.stored.senderOid, system: CODE_SYSTEMS.ORGANISATION_REGISTER }),
  serviceRequest: (d) => ({ code: d.stored.serviceRequest, system: CODE_SYSTEMS.SERVICE_REQUEST }),
  documentGroup: coded(CODE_SYSTEMS.DOCUMENT_GROUP, (d) => d.document.header.documentGroup),
  generalDocumentType: coded(CODE_SYSTEMS.DOCUMENT_TYPE, (d) => d.document.code),
  specificDocumentType: coded(CODE_SYSTEMS.DOCUMENT_TYPE, (d) => d.document.header.specificDocumentType),
  palvelutehtava: coded(CODE_SYSTEMS.SERVICE_TASK, (d) => d.document.header.palvelutehtava),
  prosessivaihe: coded(CODE_SYSTEMS.PROCESS_PHASE, (d) => d.document.header.prosessivaihe),
  caseId: text((d) => d.document.caseInfo.caseId),
  serviceUnit: org((d) => d.document.caseInfo.serviceUnit),
  responsibleOrganisation: org((d) => d.document.caseInfo.responsibleOrganisation),
  outsourcingServiceCustomer: org((d) => d.document.header.outsourcingServiceCustomer),
  author: text((d) =>
    d.document.author ? [d.document.author.name, d.document.author.id].filter(Boolean).join(', ') : undefined,
  ),
  signers: text((d) =>
    d.document.header.signers
      .map((s) => [s.name, s.registrationNumber].filter(Boolean).join(', '))
      .join('; '),
  ),
  recordStatus: coded(CODE_SYSTEMS.RECORD_STATUS, (d) => d.document.header.recordStatus),
  registryType: coded(CODE_SYSTEMS.REGISTRY_TYPE, (d) => d.document.header.registryType),
  confidentiality: coded(CODE_SYSTEMS.CONFIDENTIALITY, (d) => d.document.confidentialityCode),
  retentionClass: coded(CODE_SYSTEMS.RETENTION_CLASS, (d) => d.document.header.totalRetentionPeriodClass),
  specialContent: coded(CODE_SYSTEMS.SPECIAL_CONTENT, (d) => d.document.header.specialContent),
  consent: coded(CODE_SYSTEMS.CONSENT, (d) => d.document.consent),
  inaccessibleArgument: coded(
    CODE_SYSTEMS.INACCESSIBLE_ARGUMENT,
    (d) => d.document.header.inaccessibleArgument,
  ),
  reasonOfCorrection: coded('', (d) => d.document.header.reasonOfCorrection),
  fileFormat: coded(CODE_SYSTEMS.FILE_FORMAT, (d) => d.document.header.fileFormat),
  structuredFileFormat: coded(
    CODE_SYSTEMS.STRUCTURED_FILE_FORMAT,
    (d) => d.document.header.structuredFileFormat,
  ),
  contentSpecificationId: text((d) => d.document.header.contentSpecificationId),
  clientRelationship: text((d) => d.document.header.encompassingClientRelationship),
  software: text((d) => {
    const s = d.document.header.softwareSupport;
    return s ? [s.moderator, s.product, s.version].filter(Boolean).join(' / ') : undefined;
  }),
  languageCode: text((d) => d.document.languageCode),
  replaces: text((d) => d.document.replaces?.parentId),
};

/** Every field of the document, with code-list names; fields the document lacks come back without a value. */
export function metadataValues(
  doc: ArchivedDocument,
  codes: CodeLists,
  organisationName: (oid: string) => string | undefined = () => undefined,
): MetadataValue[] {
  return METADATA_KEYS.map((key) => {
    const v = EXTRACT[key](doc);
    if (!v) {
      return { key };
    }
    if (v.system === CODE_SYSTEMS.ORGANISATION_REGISTER && v.code !== undefined) {
      // Organisations are named by the register kanta-sim knows; the document's own name is kept as text.
      const name = organisationName(v.code);
      return name ? { key, ...v, names: { fi: name } } : { key, ...v };
    }
    const entry = v.code !== undefined && v.system ? codes.lookup(v.system, v.code) : undefined;
    return entry ? { key, ...v, names: { fi: entry.fi, sv: entry.sv, en: entry.en } } : { key, ...v };
  });
}

/** One comparable string per field (code and text), for the version diff. */
export function metadataComparable(value: MetadataValue): string {
  return [value.code, value.text].filter((s) => s !== undefined && s !== '').join(' ');
}
