/**
 * The OIDs of the code systems and identifier roots the archive reads, named once. The code values
 * themselves live in ./lists/*.json (data, replaceable by the official lists); only the systems' identities
 * are code, because parsers and validators must know which field belongs to which system.
 */
export const CODE_SYSTEMS = Object.freeze({
  /** General and specific document type (yleinen / tarkennettu asiakirjatyyppi). */
  DOCUMENT_TYPE: '1.2.246.537.6.1506.201701',
  /** Document group (asiakirjaryhmä): 1 client-relationship document, 5 client document. */
  DOCUMENT_GROUP: '1.2.246.537.6.1505.201601',
  /** Service task (palvelutehtävä). */
  SERVICE_TASK: '1.2.246.537.6.1221.201601',
  /** Social service (sosiaalipalvelu). */
  SOCIAL_SERVICE: '1.2.246.537.6.1222.201601',
  /** Process phase (prosessivaihe) of the social welfare service process. */
  PROCESS_PHASE: '1.2.246.537.6.1277.201701',
  FILE_FORMAT: '1.2.246.537.6.1502.201601',
  STRUCTURED_FILE_FORMAT: '1.2.246.537.5.40179.2008',
  RECORD_STATUS: '1.2.246.537.5.40154.2008',
  REGISTRY_TYPE: '1.2.246.537.6.1264.201701',
  RETENTION_CLASS: '1.2.246.537.6.1258.201601',
  SPECIAL_CONTENT: '1.2.246.537.6.112.2007',
  CONFIDENTIALITY: '1.2.246.777.5.99902.2006',
  GENDER: '1.2.246.537.5.1.1997',
  SIGNATURE_TYPE: '1.2.246.537.5.40127.2006',
  AUTHENTICATION_METHOD: '1.2.246.537.5.40128.2006',
  /** Disclosure of a minor's data to guardians (authorization/consent). */
  CONSENT: '1.2.246.537.6.1286.201901',
  /** Grounds for delaying or hiding a document from the citizen's view. */
  INACCESSIBLE_ARGUMENT: '1.2.246.537.6.1288.201901',
  /** Service request (palvelupyyntö) carried as controlActProcess/reasonCode. */
  SERVICE_REQUEST: '1.2.246.537.6.1503.201601',
  /** Use situation (käyttötilanne) carried as the second reasonCode. */
  USE_SITUATION: '1.2.246.537.6.1289.201901',
  COMPLETION_CODE: '1.2.246.537.5.40115.2006',
  STORAGE_CODE: '1.2.246.537.5.40116.2006',
  /** SOTE organisation register (organisations and service units). */
  ORGANISATION_REGISTER: '1.2.246.537.6.202.2008',
});

/** Identifier roots and fixed identities. */
export const ID_ROOTS = Object.freeze({
  /** Personal identity code (henkilötunnus). */
  HETU: '1.2.246.21',
  /** Professional registration number (Valvira / JulkiTerhikki-Suosikki). */
  PROFESSIONAL: '1.2.246.537.26',
  /** The archive device: receiver of every request, sender of every acknowledgement. */
  ARCHIVE_DEVICE: '1.2.246.556.18007.2',
  /** HL7 interaction id root. */
  HL7_INTERACTION: '2.16.840.1.113883.1.6',
  /** kanta-sim's own code system for rule codes in acknowledgementDetail/code [S]. */
  KANTA_SIM_RULES: '1.2.246.556.18007.2.99.1',
});
