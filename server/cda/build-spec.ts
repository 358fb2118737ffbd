/**
 * What the CDA builder needs to write one unsigned social welfare document: plain values, no XML. The
 * templates (templates-*.ts) produce these from a few inputs; tests and the fixture generator may also
 * write them by hand, e.g. to make a deliberately wrong document.
 */
import type { CodeDisplay, DocumentGroupCode, DocumentKindKey } from './templates-codes.js';

export type { CodeDisplay } from './templates-codes.js';

/** An organisation or service unit: SOTE-organisaatiorekisteri OID and name. */
export interface SpecOrganisation {
  readonly oid: string;
  readonly name: string;
}

/** The client (asiakas). */
export interface SpecClient {
  /** Personal identity code; written as given, so invalid ones can be built on purpose. */
  readonly hetu: string;
  /** First names, each written as its own `given`. */
  readonly given: readonly string[];
  readonly family: string;
  /** Call name (kutsumanimi), written as `given qualifier="CL"` as the real documents do. */
  readonly callName?: string;
  /** 1 = mies, 2 = nainen (AR/YDIN - Sukupuoli). */
  readonly gender: '1' | '2';
  /** HL7 date `YYYYMMDD`; derived from the hetu when absent. */
  readonly birthTime?: string;
}

/** A social welfare professional. */
export interface SpecProfessional {
  /** Registration number (rekisteröintinumero, root 1.2.246.537.26). */
  readonly regNo: string;
  readonly given: string;
  readonly family: string;
}

/** A signer named in hl7fi:localSocialHeader/hl7fi:signature (the XML signature itself is added later). */
export interface SpecSigner extends SpecProfessional {
  readonly time: Date;
  /** Default: 1 Sosiaali- ja terveydenhuollon ammattihenkilön varmenne. */
  readonly authenticationMethod?: CodeDisplay;
}

/** The client system named in hl7fi:softwareSupport. */
export interface SpecSoftware {
  readonly moderator: string;
  readonly product: string;
  readonly version: string;
}

/** Everything one document carries. Optional header parts are left out of the XML when absent. */
export interface DocumentSpec {
  /** Document OID. */
  readonly id: string;
  /** Default: id (a first version). */
  readonly setId?: string;
  /** Default: 1. */
  readonly versionNumber?: number;
  /** The version this one replaces: emits relatedDocument typeCode="RPLC". */
  readonly replaces?: {
    readonly parentId: string;
    /** Default: versionNumber - 1. */ readonly parentVersionNumber?: number;
  };
  readonly reasonOfCorrection?: CodeDisplay & { readonly codeSystem?: string };
  /** Document effectiveTime; creationTime defaults to it. */
  readonly effectiveTime: Date;
  readonly creationTime?: Date;
  /** IANA zone for the HL7 times; default Europe/Helsinki. */
  readonly timeZone?: string;
  /** Default 'fi'. */
  readonly languageCode?: string;
  readonly client: SpecClient;
  /** Absent for the client-relationship document: author written with nullFlavor, as the real one. */
  readonly author?: SpecProfessional;
  /** The register keeper (rekisterinpitäjä). */
  readonly custodian: SpecOrganisation;
  /** The producing service unit (encounterParticipant ADM). */
  readonly serviceUnit: SpecOrganisation;
  /** The case (asia) OID; without it the encounter id is nullFlavor NA. */
  readonly caseId?: string;
  /** Responsible organisation of the case; default custodian. Written only with a caseId. */
  readonly responsibleOrganisation?: SpecOrganisation;
  /** authorization/consent (minors' data to guardians); left out when absent. */
  readonly consent?: CodeDisplay;
  /** Which template kind this is (for fixture naming and checks; the codes below are what is written). */
  readonly documentKind: DocumentKindKey;
  /** Left out of the header when absent (the real client-relationship document has none). */
  readonly specificDocumentType?: CodeDisplay;
  /** Absent: `code nullFlavor="NA"`, as the real client-relationship document. */
  readonly generalDocumentType?: CodeDisplay;
  readonly documentGroup: DocumentGroupCode;
  /** Service task (palvelutehtävä), hl7fi:functionCode. */
  readonly palvelutehtava?: CodeDisplay;
  /** Process phase, hl7fi:serviceProcess/hl7fi:code. */
  readonly prosessivaihe?: CodeDisplay;
  /** The service organiser; default custodian (the real documents always write it). */
  readonly outsourcingServiceCustomer?: SpecOrganisation;
  readonly software: SpecSoftware;
  readonly signers: readonly SpecSigner[];
  /** Display form: an XHTML fragment, written Base64. */
  readonly xhtml: string;
  /** Structured form: JSON-serialisable, written Base64 UTF-8. */
  readonly json: unknown;
  readonly contentSpecificationId: string;
  /** hl7fi:encompassingClientRelationship (the client relationship's id). */
  readonly clientRelationshipId?: string;
  /** Default 1 Säilytetään pysyvästi. */
  readonly retention?: CodeDisplay;
  /** Default E Ei. */
  readonly specialContent?: CodeDisplay;
  readonly authorizationRestrictionArgument?: string;
  readonly inaccessibleArgument?: CodeDisplay;
}
