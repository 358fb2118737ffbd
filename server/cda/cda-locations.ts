/**
 * Fixed XPath locations of the CDA fields, shared by the parser and the validators so that every
 * acknowledgementDetail points at a field the same way. Prefix hl7fi: = urn:hl7finland, default = urn:hl7-org:v3.
 */
const LSH = '/ClinicalDocument/hl7fi:localSocialHeader';

export const CDA_LOCATIONS = Object.freeze({
  root: '/ClinicalDocument',
  id: '/ClinicalDocument/id/@root',
  setId: '/ClinicalDocument/setId/@root',
  versionNumber: '/ClinicalDocument/versionNumber/@value',
  code: '/ClinicalDocument/code/@code',
  effectiveTime: '/ClinicalDocument/effectiveTime/@value',
  confidentialityCode: '/ClinicalDocument/confidentialityCode/@code',
  languageCode: '/ClinicalDocument/languageCode/@code',
  hetu: '/ClinicalDocument/recordTarget/patientRole/id[@root="1.2.246.21"]/@extension',
  gender: '/ClinicalDocument/recordTarget/patientRole/patient/administrativeGenderCode/@code',
  birthTime: '/ClinicalDocument/recordTarget/patientRole/patient/birthTime/@value',
  authorId: '/ClinicalDocument/author/assignedAuthor/id/@extension',
  custodian: '/ClinicalDocument/custodian/assignedCustodian/representedCustodianOrganization/id/@root',
  consent: '/ClinicalDocument/authorization/consent/code/@code',
  caseId: '/ClinicalDocument/componentOf/encompassingEncounter/id/@root',
  responsibleOrganisation:
    '/ClinicalDocument/componentOf/encompassingEncounter/responsibleParty/assignedEntity/representedOrganization/id/@root',
  serviceUnit:
    '/ClinicalDocument/componentOf/encompassingEncounter/encounterParticipant[@typeCode="ADM"]/assignedEntity/representedOrganization/id/@root',
  replaces: '/ClinicalDocument/relatedDocument[@typeCode="RPLC"]/parentDocument/id/@root',
  localSocialHeader: LSH,
  specificDocumentType: `${LSH}/hl7fi:specificDocumentType/@code`,
  creationTime: `${LSH}/hl7fi:creationTime/@value`,
  documentGroup: `${LSH}/hl7fi:documentGroup/@code`,
  fileFormat: `${LSH}/hl7fi:fileFormat/@code`,
  structuredFileFormat: `${LSH}/hl7fi:structuredFileFormat/@code`,
  palvelutehtava: `${LSH}/hl7fi:functionCode/@code`,
  recordStatus: `${LSH}/hl7fi:recordStatus/@code`,
  registryType: `${LSH}/hl7fi:registryType/@code`,
  outsourcingServiceCustomer: `${LSH}/hl7fi:outsourcingServiceCustomer/@root`,
  totalRetentionPeriodClass: `${LSH}/hl7fi:totalRetentionPeriodClass/@code`,
  specialContent: `${LSH}/hl7fi:specialContent/@code`,
  contentSpecificationId: `${LSH}/hl7fi:contentSpecificationId`,
  encompassingClientRelationship: `${LSH}/hl7fi:encompassingClientRelationship/@root`,
  prosessivaihe: `${LSH}/hl7fi:serviceProcess/hl7fi:code/@code`,
  inaccessibleArgument: `${LSH}/hl7fi:inaccessibleArgument/@code`,
  reasonOfCorrection: `${LSH}/hl7fi:reasonOfCorrection/@code`,
  signerRegistrationNumber: `${LSH}/hl7fi:signature/hl7fi:assignedAuthorSigner`,
  signerAuthenticationMethod: `${LSH}/hl7fi:signature/hl7fi:authenticationMethod/@code`,
  body: '/ClinicalDocument/component/nonXMLBody',
  bodyText: '/ClinicalDocument/component/nonXMLBody/text',
  bodyJson: '/ClinicalDocument/component/nonXMLBody/hl7fi:json',
});

/** The location of a field of the n-th (1-based) header signer; no index when there is only one signer. */
export function signerLocation(
  index: number,
  count: number,
  field: 'hl7fi:assignedAuthorSigner' | 'hl7fi:authenticationMethod/@code',
): string {
  return `${LSH}/hl7fi:signature${count > 1 ? `[${index}]` : ''}/${field}`;
}

export type CdaField = keyof typeof CDA_LOCATIONS;
