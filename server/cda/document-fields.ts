/**
 * Which document fields the metadata validator checks, where each one lives and in which code system: the
 * table form keeps validate-document.ts about rules rather than about field names.
 */
import { CDA_LOCATIONS as L } from './cda-locations.js';
import type { CodedValue, SocialDocument } from './social-document.js';
import { CODE_SYSTEMS } from '../codes/code-systems.js';

export type Requirement = 'always' | 'clientDocument' | 'optional';

export interface CodedField {
  readonly field: string;
  readonly location: string;
  readonly system: string;
  readonly required: Requirement;
  readonly get: (d: SocialDocument) => CodedValue | undefined;
}

export const CODED_FIELDS: readonly CodedField[] = [
  {
    field: 'code (general document type)',
    location: L.code,
    system: CODE_SYSTEMS.DOCUMENT_TYPE,
    required: 'clientDocument',
    get: (d) => d.code,
  },
  {
    field: 'confidentialityCode',
    location: L.confidentialityCode,
    system: CODE_SYSTEMS.CONFIDENTIALITY,
    required: 'always',
    get: (d) => d.confidentialityCode,
  },
  {
    field: 'administrativeGenderCode',
    location: L.gender,
    system: CODE_SYSTEMS.GENDER,
    required: 'optional',
    get: (d) => d.client.gender,
  },
  {
    field: 'authorization/consent/code',
    location: L.consent,
    system: CODE_SYSTEMS.CONSENT,
    required: 'optional',
    get: (d) => d.consent,
  },
  {
    field: 'specificDocumentType',
    location: L.specificDocumentType,
    system: CODE_SYSTEMS.DOCUMENT_TYPE,
    required: 'clientDocument',
    get: (d) => d.header.specificDocumentType,
  },
  {
    field: 'documentGroup',
    location: L.documentGroup,
    system: CODE_SYSTEMS.DOCUMENT_GROUP,
    required: 'always',
    get: (d) => d.header.documentGroup,
  },
  {
    field: 'fileFormat',
    location: L.fileFormat,
    system: CODE_SYSTEMS.FILE_FORMAT,
    required: 'always',
    get: (d) => d.header.fileFormat,
  },
  {
    field: 'structuredFileFormat',
    location: L.structuredFileFormat,
    system: CODE_SYSTEMS.STRUCTURED_FILE_FORMAT,
    required: 'optional',
    get: (d) => d.header.structuredFileFormat,
  },
  {
    field: 'functionCode (palvelutehtävä)',
    location: L.palvelutehtava,
    system: CODE_SYSTEMS.SERVICE_TASK,
    required: 'clientDocument',
    get: (d) => d.header.palvelutehtava,
  },
  {
    field: 'recordStatus',
    location: L.recordStatus,
    system: CODE_SYSTEMS.RECORD_STATUS,
    required: 'always',
    get: (d) => d.header.recordStatus,
  },
  {
    field: 'registryType',
    location: L.registryType,
    system: CODE_SYSTEMS.REGISTRY_TYPE,
    required: 'always',
    get: (d) => d.header.registryType,
  },
  {
    field: 'totalRetentionPeriodClass',
    location: L.totalRetentionPeriodClass,
    system: CODE_SYSTEMS.RETENTION_CLASS,
    required: 'always',
    get: (d) => d.header.totalRetentionPeriodClass,
  },
  {
    field: 'specialContent',
    location: L.specialContent,
    system: CODE_SYSTEMS.SPECIAL_CONTENT,
    required: 'optional',
    get: (d) => d.header.specialContent,
  },
  {
    field: 'serviceProcess/code (prosessivaihe)',
    location: L.prosessivaihe,
    system: CODE_SYSTEMS.PROCESS_PHASE,
    required: 'optional',
    get: (d) => d.header.prosessivaihe,
  },
  {
    field: 'inaccessibleArgument',
    location: L.inaccessibleArgument,
    system: CODE_SYSTEMS.INACCESSIBLE_ARGUMENT,
    required: 'optional',
    get: (d) => d.header.inaccessibleArgument,
  },
];

export interface OidField {
  readonly field: string;
  readonly location: string;
  readonly get: (d: SocialDocument) => string | undefined;
}

export const OID_FIELDS: readonly OidField[] = [
  { field: 'id', location: L.id, get: (d) => d.id },
  { field: 'setId', location: L.setId, get: (d) => d.setId },
  { field: 'custodian', location: L.custodian, get: (d) => d.custodian.oid },
  { field: 'case id', location: L.caseId, get: (d) => d.caseInfo.caseId },
  {
    field: 'responsible organisation',
    location: L.responsibleOrganisation,
    get: (d) => d.caseInfo.responsibleOrganisation?.oid,
  },
  { field: 'service unit', location: L.serviceUnit, get: (d) => d.caseInfo.serviceUnit?.oid },
  {
    field: 'outsourcingServiceCustomer',
    location: L.outsourcingServiceCustomer,
    get: (d) => d.header.outsourcingServiceCustomer?.oid,
  },
  {
    field: 'encompassingClientRelationship',
    location: L.encompassingClientRelationship,
    get: (d) => d.header.encompassingClientRelationship,
  },
  {
    field: 'contentSpecificationId',
    location: L.contentSpecificationId,
    get: (d) => d.header.contentSpecificationId,
  },
  { field: 'relatedDocument parentDocument id', location: L.replaces, get: (d) => d.replaces?.parentId },
];
