/**
 * The typed form of a social welfare CDA R2 document (SHA-SPEC section 4). The domain works on this, never
 * on raw XML. Finnish field names are kept where the English word would blur the meaning (docs/glossary.md).
 */

import type { CodedValue } from '../hl7/datatypes.js';

// Re-exported: the document's coded fields are HL7 CD values, defined with their reader below cda/ and wire/.
export type { CodedValue };

/** The client (asiakas) the document is about. */
export interface Client {
  /** Personal identity code (henkilötunnus), root 1.2.246.21. */
  readonly hetu: string;
  readonly given: readonly string[];
  readonly family: string;
  readonly gender?: CodedValue;
  readonly birthTime?: string;
}

export interface Organisation {
  readonly oid: string;
  readonly name?: string;
}

/** A professional signer named in hl7fi:localSocialHeader/hl7fi:signature. */
export interface HeaderSigner {
  readonly registrationNumber: string;
  readonly name?: string;
  readonly authenticationMethod?: CodedValue;
  readonly time?: string;
}

/** hl7fi:localSocialHeader: the descriptive metadata (kuvailutiedot). */
export interface LocalSocialHeader {
  readonly specificDocumentType?: CodedValue;
  readonly creationTime?: string;
  readonly documentGroup?: CodedValue;
  readonly fileFormat?: CodedValue;
  readonly structuredFileFormat?: CodedValue;
  readonly softwareSupport?: {
    readonly moderator?: string;
    readonly product?: string;
    readonly version?: string;
  };
  /** Service task (palvelutehtävä), e.g. 24 families-with-children services. */
  readonly palvelutehtava?: CodedValue;
  readonly recordStatus?: CodedValue;
  readonly registryType?: CodedValue;
  readonly outsourcingServiceCustomer?: Organisation;
  readonly totalRetentionPeriodClass?: CodedValue;
  readonly specialContent?: CodedValue;
  readonly contentSpecificationId?: string;
  readonly encompassingClientRelationship?: string;
  /** Process phase (prosessivaihe) from serviceProcess/code. */
  readonly prosessivaihe?: CodedValue;
  readonly authorizationRestrictionArgument?: string;
  readonly inaccessibleArgument?: CodedValue;
  readonly reasonOfCorrection?: CodedValue;
  readonly signers: readonly HeaderSigner[];
}

/** The case (asia) from componentOf/encompassingEncounter. */
export interface CaseInfo {
  readonly caseId?: string;
  readonly responsibleOrganisation?: Organisation;
  /** The producing service unit (encounterParticipant typeCode="ADM"). */
  readonly serviceUnit?: Organisation;
}

export interface SocialDocument {
  /** Document OID (ClinicalDocument/id/@root). */
  readonly id: string;
  readonly setId: string;
  readonly versionNumber: number;
  /** General document type (yleinen asiakirjatyyppi). */
  readonly code?: CodedValue;
  readonly effectiveTime?: string;
  readonly confidentialityCode?: CodedValue;
  readonly languageCode?: string;
  readonly client: Client;
  readonly author?: { readonly id?: string; readonly idRoot?: string; readonly name?: string };
  /** The register keeper (rekisterinpitäjä). */
  readonly custodian: Organisation;
  readonly consent?: CodedValue;
  readonly caseInfo: CaseInfo;
  /** relatedDocument typeCode="RPLC": the version this one replaces. */
  readonly replaces?: { readonly typeCode: string; readonly parentId: string };
  readonly header: LocalSocialHeader;
  /** ID attribute of component/nonXMLBody as found in the document. */
  readonly bodyId?: string;
}

/** The content read from what was signed: the nonXMLBody's display and structured forms. */
export interface SignedContent {
  /** The display form: an XHTML fragment, decoded from Base64. Untrusted. */
  readonly xhtml?: string;
  /** The structured form, decoded from Base64 UTF-8 JSON. */
  readonly json?: unknown;
}
