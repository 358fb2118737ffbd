/**
 * The coded values the document builder writes, with the code-system OIDs, names and display names copied
 * from the real documents (../../shared/interop/kanta-samples). Values not seen there and not confirmed in
 * SHA-SPEC section 8 are kanta-sim PLACEHOLDERS, marked as such, to be replaced by the official code lists
 * (server/codes/lists/*.json carry the same placeholder values). The OIDs come from the archive's one
 * list of code systems (server/codes/code-systems.ts), so the builder and the validators cannot drift.
 */
import { CODE_SYSTEMS as SYSTEMS } from '../codes/code-systems.js';

/** A code with its display name; the builder adds the code system. */
export interface CodeDisplay {
  readonly code: string;
  readonly displayName: string;
}

/** Code systems: OID and the codeSystemName the real documents write. */
export const CODE_SYSTEMS = Object.freeze({
  documentType: { oid: SYSTEMS.DOCUMENT_TYPE, name: 'Sosiaalihuolto - Asiakasasiakirjatyyppi' },
  confidentiality: {
    oid: SYSTEMS.CONFIDENTIALITY,
    name: 'KanTa-palvelut - Asiakirjan luottamuksellisuus',
  },
  gender: { oid: SYSTEMS.GENDER, name: 'AR/YDIN - Sukupuoli' },
  consent: {
    oid: SYSTEMS.CONSENT,
    name: 'Sosiaalihuolto - Alaikäisen asiakastietojen luovuttaminen huoltajille',
  },
  documentGroup: { oid: SYSTEMS.DOCUMENT_GROUP, name: 'Sosiaalihuolto - Asiakirjaryhmä' },
  fileFormat: {
    oid: SYSTEMS.FILE_FORMAT,
    name: 'Sosiaalihuolto - Asiakirjan näyttömuodon formaatti',
  },
  structuredFileFormat: { oid: SYSTEMS.STRUCTURED_FILE_FORMAT, name: 'eArkisto - Asiakirjan tiedostomuoto' },
  serviceTask: { oid: SYSTEMS.SERVICE_TASK, name: 'Sosiaalihuolto - Palvelutehtävä' },
  socialService: { oid: SYSTEMS.SOCIAL_SERVICE, name: 'Sosiaalihuolto - Sosiaalipalvelu' },
  recordStatus: { oid: SYSTEMS.RECORD_STATUS, name: 'eArkisto - Asiakirjan valmistumisen tila' },
  registryType: { oid: SYSTEMS.REGISTRY_TYPE, name: 'Sosiaalihuolto - Asiakirjan rekisteritunnus' },
  retention: { oid: SYSTEMS.RETENTION_CLASS, name: 'Sosiaalihuolto - asiakirjan kokonaissäilytysaika' },
  specialContent: { oid: SYSTEMS.SPECIAL_CONTENT, name: 'AR/YDIN - Kyllä/EI/Ei tietoa' },
  processPhase: {
    oid: SYSTEMS.PROCESS_PHASE,
    name: 'Sosiaalihuolto - Sosiaalihuollon palveluprosessi',
  },
  inaccessibleArgument: {
    oid: SYSTEMS.INACCESSIBLE_ARGUMENT,
    name: 'Sosiaalihuolto - Perustelut asiakirjan näyttämisen rajaamiselle Omakannassa',
  },
  authenticationMethod: { oid: SYSTEMS.AUTHENTICATION_METHOD, name: 'KanTa-palvelut - Tunnistautumistapa' },
  organisation: { oid: SYSTEMS.ORGANISATION_REGISTER, name: 'SOTE-organisaatiorekisteri' },
  municipality: { oid: '1.2.246.537.6.21.2003', name: 'Kuntakoodit' },
  goalAchievement: { oid: '1.2.246.537.6.1253.201501', name: 'Tavoitteiden saavuttaminen' },
  // PLACEHOLDER: the reason-of-correction code system is not in the samples (SHA-SPEC marks it [S]). A
  // UUID-based OID (X.667, arc 2.25) so it can never be mistaken for, or collide with, an official list.
  reasonOfCorrection: {
    oid: '2.25.75796614283110935691943447841610716325',
    name: 'kanta-sim - Asiakirjan korvauksen syy (placeholder)',
  },
} as const);

/** Fixed header values, as in both real documents. */
export const HEADER_CODES = Object.freeze({
  confidentialitySocial: { code: '6', displayName: 'Sosiaalihuollon salassapidettävä' },
  fileFormatXhtml: { code: '2', displayName: 'XHTML_1.1' },
  structuredFormatJson: { code: '5', displayName: 'JSON' },
  recordStatusReady: { code: '3', displayName: 'Arkistointivalmis' },
  registrySocialClient: { code: '1', displayName: 'Sosiaalihuollon asiakasrekisteri' },
  retentionPermanent: { code: '1', displayName: 'Säilytetään pysyvästi' },
  specialContentYes: { code: 'K', displayName: 'Kyllä' },
  specialContentNo: { code: 'E', displayName: 'Ei' },
  authenticationProfessionalCert: {
    code: '1',
    displayName: 'Sosiaali- ja terveydenhuollon ammattihenkilön varmenne',
  },
  consentMinorMayBeDisclosed: {
    code: '1',
    displayName:
      'Alaikäisen asiakkaan asiakirja voidaan luovuttaa huoltajille ja muille tiedonsaantiin oikeutetuille, koska alaikäinen ei kiellä asiakirjan luovuttamista',
  },
} as const satisfies Record<string, CodeDisplay>);

/** Gender (AR/YDIN - Sukupuoli). The CDA header capitalises, the JSON of the real SP1 document does not. */
export const GENDERS = Object.freeze({
  '1': { code: '1', displayName: 'Mies' },
  '2': { code: '2', displayName: 'Nainen' },
} as const);

/** Document groups: both confirmed (SHA-SPEC section 8). */
export const DOCUMENT_GROUPS = Object.freeze({
  '1': { code: '1', displayName: 'Asiakkuusasiakirja' },
  '5': { code: '5', displayName: 'Toisen tai myöhemmän vaiheen asiakasasiakirja' },
} as const);

export type DocumentGroupCode = keyof typeof DOCUMENT_GROUPS;

/** Service tasks (palvelutehtävä). */
export const SERVICE_TASKS = Object.freeze({
  /** Confirmed. */
  lapsiperheidenPalvelut: { code: '24', displayName: 'Lapsiperheiden palvelut' },
  /** PLACEHOLDER code: the official code of Lastensuojelu is not in the samples. */
  lastensuojelu: { code: '25', displayName: 'Lastensuojelu' },
  /** PLACEHOLDER code, as codes/lists/service-task.json. */
  aikuissosiaalityo: { code: '21', displayName: 'Aikuissosiaalityö' },
  /** PLACEHOLDER code, as codes/lists/service-task.json. */
  ikaantyneidenPalvelut: { code: '22', displayName: 'Ikääntyneiden palvelut' },
  /** PLACEHOLDER code, as codes/lists/service-task.json. */
  vammaispalvelut: { code: '23', displayName: 'Vammaispalvelut' },
} as const);

export type ServiceTaskKey = keyof typeof SERVICE_TASKS;

/** Social services (sosiaalipalvelu). */
export const SOCIAL_SERVICES = Object.freeze({
  /** Confirmed. */
  kasvatusJaPerheneuvonta: { code: '15', displayName: 'Kasvatus- ja perheneuvonta' },
  /** Confirmed. */
  sosiaaliohjaus: { code: '45', displayName: 'Sosiaaliohjaus' },
  /** PLACEHOLDER code. */
  perhetyo: { code: '20', displayName: 'Perhetyö' },
  /** PLACEHOLDER code. */
  avohuollonTukitoimet: { code: '50', displayName: 'Lastensuojelun avohuollon tukitoimet' },
} as const);

/** Process phases (prosessivaihe). Only 3 is confirmed; 1, 2, 4 and 5 are PLACEHOLDER names. */
export const PROCESS_PHASES = Object.freeze({
  '1': { code: '1', displayName: 'Asian vireilletulo' },
  '2': { code: '2', displayName: 'Palvelutarpeen arviointi' },
  '3': { code: '3', displayName: 'Asiakkuuden suunnittelu' },
  '4': { code: '4', displayName: 'Sosiaalipalvelujen järjestäminen' },
  '5': { code: '5', displayName: 'Sosiaalipalvelujen toteutus' },
} as const);

/** The document kinds the templates produce. */
export type DocumentKindKey =
  'clientRelationship' | 'initiation' | 'assessment' | 'clientPlan' | 'decision' | 'clientNote';

/** One document kind: its group, general type, phase and, per service task, specific type and content spec. */
export interface DocumentKind {
  readonly documentGroup: DocumentGroupCode;
  /** Absent for the client-relationship document: the real one writes `code nullFlavor="NA"`. */
  readonly generalDocumentType?: CodeDisplay;
  readonly prosessivaihe?: CodeDisplay;
  readonly byServiceTask: Readonly<
    Partial<
      Record<
        ServiceTaskKey,
        { readonly specificDocumentType?: CodeDisplay; readonly contentSpecificationId: string }
      >
    >
  >;
}

/**
 * Document kinds. CONFIRMED (SHA-SPEC section 8 and the real samples): documentGroup 1 and 5; general type
 * 15 Suunnitelma with specific type 15007 for service task 24; process phase 3; the content specification
 * ids of the client plan (…1506.15007.2024.11.28) and of the client-relationship document (…1505.1.2023.6.1).
 * The client-relationship document carries no general or specific type and no service task (as the real
 * SP1 document). EVERYTHING ELSE is a kanta-sim PLACEHOLDER, kept equal to the placeholder entries of
 * codes/lists/document-type.json so that built documents pass the code-list check: general types 11, 12, 13,
 * 14, all specific types except 15007, all Lastensuojelu (25) entries, phases 1, 2, 4, 5 and the other content
 * specification ids. Initiation sits in group 5 because the builder only knows groups 1 and 5.
 */
export const DOCUMENT_KINDS: Readonly<Record<DocumentKindKey, DocumentKind>> = Object.freeze({
  clientRelationship: {
    documentGroup: '1',
    byServiceTask: {
      lapsiperheidenPalvelut: { contentSpecificationId: '1.2.246.537.6.1505.1.2023.6.1' },
      lastensuojelu: { contentSpecificationId: '1.2.246.537.6.1505.1.2023.6.1' },
      aikuissosiaalityo: { contentSpecificationId: '1.2.246.537.6.1505.1.2023.6.1' },
      ikaantyneidenPalvelut: { contentSpecificationId: '1.2.246.537.6.1505.1.2023.6.1' },
      vammaispalvelut: { contentSpecificationId: '1.2.246.537.6.1505.1.2023.6.1' },
    },
  },
  initiation: {
    documentGroup: '5',
    generalDocumentType: { code: '11', displayName: 'Vireilletuloasiakirja' },
    prosessivaihe: PROCESS_PHASES['1'],
    byServiceTask: {
      lapsiperheidenPalvelut: spec('11007', 'Lapsiperheiden palvelujen vireilletulo'),
      lastensuojelu: spec('11008', 'Lastensuojelun vireilletulo'),
      ...adultTaskSpecs('11', 'vireilletulo'),
    },
  },
  assessment: {
    documentGroup: '5',
    generalDocumentType: { code: '13', displayName: 'Palvelutarpeen arviointi' },
    prosessivaihe: PROCESS_PHASES['2'],
    byServiceTask: {
      lapsiperheidenPalvelut: spec('13007', 'Lapsiperheiden palvelujen palvelutarpeen arviointi'),
      lastensuojelu: spec('13008', 'Lastensuojelutarpeen selvitys'),
      ...adultTaskSpecs('13', 'palvelutarpeen arviointi'),
    },
  },
  clientPlan: {
    documentGroup: '5',
    generalDocumentType: { code: '15', displayName: 'Suunnitelma' },
    prosessivaihe: PROCESS_PHASES['3'],
    byServiceTask: {
      lapsiperheidenPalvelut: {
        specificDocumentType: { code: '15007', displayName: 'Lapsiperheiden palvelujen asiakassuunnitelma' },
        contentSpecificationId: '1.2.246.537.6.1506.15007.2024.11.28',
      },
      lastensuojelu: spec('15008', 'Lastensuojelun asiakassuunnitelma'),
      ...adultTaskSpecs('15', 'asiakassuunnitelma'),
    },
  },
  decision: {
    documentGroup: '5',
    generalDocumentType: { code: '14', displayName: 'Päätös' },
    prosessivaihe: PROCESS_PHASES['4'],
    byServiceTask: {
      lapsiperheidenPalvelut: spec('14007', 'Lapsiperheiden palvelujen päätös'),
      lastensuojelu: spec('14008', 'Lastensuojelun päätös'),
      ...adultTaskSpecs('14', 'päätös'),
    },
  },
  clientNote: {
    documentGroup: '5',
    generalDocumentType: { code: '12', displayName: 'Asiakaskertomus' },
    prosessivaihe: PROCESS_PHASES['5'],
    byServiceTask: {
      lapsiperheidenPalvelut: spec('12007', 'Lapsiperheiden palvelujen asiakaskertomus'),
      lastensuojelu: spec('12008', 'Lastensuojelun asiakaskertomus'),
      ...adultTaskSpecs('12', 'asiakaskertomus'),
    },
  },
});

/**
 * Adult social work (21), elderly services (22) and disability services (23): PLACEHOLDER specific types
 * numbered as the 24/25 ones are (general code, then 004/005/006 as 007/008 go with 24/25), kept equal to
 * codes/lists/document-type.json.
 */
function adultTaskSpecs(
  generalCode: string,
  noun: string,
): Record<'aikuissosiaalityo' | 'ikaantyneidenPalvelut' | 'vammaispalvelut', ReturnType<typeof spec>> {
  return {
    aikuissosiaalityo: spec(`${generalCode}004`, `Aikuissosiaalityön ${noun}`),
    ikaantyneidenPalvelut: spec(`${generalCode}005`, `Ikääntyneiden palvelujen ${noun}`),
    vammaispalvelut: spec(`${generalCode}006`, `Vammaispalvelujen ${noun}`),
  };
}

/** A placeholder specific type with a content specification id patterned on the confirmed 15007 one. */
function spec(
  code: string,
  displayName: string,
): { specificDocumentType: CodeDisplay; contentSpecificationId: string } {
  return {
    specificDocumentType: { code, displayName },
    contentSpecificationId: `1.2.246.537.6.1506.${code}.2024.11.28`,
  };
}
