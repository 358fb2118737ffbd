/**
 * The deployment-test report's texts in fi, sv and en: the HTML page, the PDF and the e-mail draft. The
 * archivist interface asks for the report in the archivist's language; the CLI and the control API get
 * Finnish unless they ask otherwise. Here, not in archivist-ui, because the report is built on this floor.
 */
import type { TextLang } from './finding-texts.js';

const fi = {
  title: 'SHA käyttöönottokoe – raportti',
  subject: (organisation: string): string => `SHA käyttöönottokoe ${organisation}`,
  organisation: 'Organisaatio',
  oid: 'Organisaation OID',
  registerKeeper: 'Rekisterinpitäjä (OID)',
  role: 'Rooli',
  roles: { provider: 'Palveluntuottaja', organiser: 'Palvelunjärjestäjä' },
  units: 'Palveluyksiköt',
  accessRights: 'Rekisterikäyttöoikeudet',
  serviceUnit: 'palveluyksikkö',
  clientSystem: 'Asiakastietojärjestelmä ja versio',
  notDeclared: 'ei ilmoitettu',
  systemProfile: 'Järjestelmäprofiili',
  phase: 'Liittymisvaihe',
  testCase: 'Testitapaus',
  testedAt: 'Testin ajankohta',
  at: 'klo',
  participants: 'Osallistujat',
  participantRoles: {
    performer: 'Testin suorittaja',
    'application-support': 'Sovellustuki',
    'network-support': 'Verkkotuki',
    'kanta-archivist': 'Kanta-arkistonhoitaja',
  },
  testIdentities: 'Käytetyt testihenkilöt',
  serviceTask: 'palvelutehtävä',
  clientRelationshipDocument: 'Asiakkuusasiakirja',
  documentGroup: 'asiakirjaryhmä',
  documents: 'Asiakirjat',
  deviations: 'Poikkeamat',
  noDeviations: 'Ei poikkeamia.',
  refused: (doc: string, sender: string, rules: string): string =>
    `arkisto hylkäsi sanoman ${doc} lähettäjältä ${sender} (${rules})`,
  aMessage: 'nimeämätön sanoma',
  result: 'Tulos',
  results: {
    passed: 'Hyväksytty',
    failed: 'Poikkeamia',
    pending: 'Kesken: arkistonhoitajan vertailu puuttuu',
  },
  deadline: 'Raportti Kelalle viimeistään',
  rehearsal: 'Harjoituksen tunniste',
  columns: [
    'Asiakirja',
    'OID',
    'setId',
    'Versio',
    'Tyyppi',
    'Palvelutehtävä',
    'Arkistoitu',
    'Oikea rekisteri',
    'Kuvailutiedot oikein',
    'Vastaa asiakastietojärjestelmää',
  ],
  marks: { ok: 'OK', fail: 'EI', open: '–' },
  greeting: 'Hei,',
  intro: (organisation: string): string =>
    `${organisation} on suorittanut SHA-käyttöönottokokeen. Raportti on liitteenä.`,
};

export type ReportTexts = typeof fi;

const sv: ReportTexts = {
  title: 'SHA ibruktagningsprov – rapport',
  subject: (organisation: string): string => `SHA ibruktagningsprov ${organisation}`,
  organisation: 'Organisation',
  oid: 'Organisationens OID',
  registerKeeper: 'Registeransvarig (OID)',
  role: 'Roll',
  roles: { provider: 'Serviceproducent', organiser: 'Serviceanordnare' },
  units: 'Serviceenheter',
  accessRights: 'Registeranvändningsrättigheter',
  serviceUnit: 'serviceenhet',
  clientSystem: 'Klientdatasystem och version',
  notDeclared: 'inte anmält',
  systemProfile: 'Systemprofil',
  phase: 'Anslutningsfas',
  testCase: 'Testfall',
  testedAt: 'Tidpunkt för testet',
  at: 'kl.',
  participants: 'Deltagare',
  participantRoles: {
    performer: 'Testets utförare',
    'application-support': 'Applikationsstöd',
    'network-support': 'Nätverksstöd',
    'kanta-archivist': 'Kanta-arkivarie',
  },
  testIdentities: 'Testpersoner som använts',
  serviceTask: 'serviceuppgift',
  clientRelationshipDocument: 'Klientrelationsdokument',
  documentGroup: 'dokumentgrupp',
  documents: 'Dokument',
  deviations: 'Avvikelser',
  noDeviations: 'Inga avvikelser.',
  refused: (doc: string, sender: string, rules: string): string =>
    `arkivet avvisade meddelandet ${doc} från ${sender} (${rules})`,
  aMessage: 'ett namnlöst meddelande',
  result: 'Resultat',
  results: {
    passed: 'Godkänd',
    failed: 'Avvikelser',
    pending: 'Pågår: arkivariens jämförelse saknas',
  },
  deadline: 'Rapport till FPA senast',
  rehearsal: 'Övningens identifierare',
  columns: [
    'Dokument',
    'OID',
    'setId',
    'Version',
    'Typ',
    'Serviceuppgift',
    'Arkiverat',
    'Rätt register',
    'Metadata korrekt',
    'Motsvarar klientdatasystemet',
  ],
  marks: { ok: 'OK', fail: 'NEJ', open: '–' },
  greeting: 'Hej,',
  intro: (organisation: string): string =>
    `${organisation} har utfört SHA-ibruktagningsprovet. Rapporten finns som bilaga.`,
};

const en: ReportTexts = {
  title: 'SHA deployment test – report',
  subject: (organisation: string): string => `SHA deployment test ${organisation}`,
  organisation: 'Organisation',
  oid: 'Organisation OID',
  registerKeeper: 'Register keeper (OID)',
  role: 'Role',
  roles: { provider: 'Service provider', organiser: 'Service organiser' },
  units: 'Service units',
  accessRights: 'Register access rights',
  serviceUnit: 'service unit',
  clientSystem: 'Client system and version',
  notDeclared: 'not declared',
  systemProfile: 'System profile',
  phase: 'Joining phase',
  testCase: 'Test case',
  testedAt: 'Time of the test',
  at: 'at',
  participants: 'Participants',
  participantRoles: {
    performer: 'Performer of the test',
    'application-support': 'Application support',
    'network-support': 'Network support',
    'kanta-archivist': 'Kanta archivist',
  },
  testIdentities: 'Test identities used',
  serviceTask: 'service task',
  clientRelationshipDocument: 'Client-relationship document',
  documentGroup: 'document group',
  documents: 'Documents',
  deviations: 'Deviations',
  noDeviations: 'No deviations.',
  refused: (doc: string, sender: string, rules: string): string =>
    `the archive refused ${doc} from ${sender} (${rules})`,
  aMessage: 'an unnamed message',
  result: 'Result',
  results: {
    passed: 'Passed',
    failed: 'Deviations found',
    pending: "In progress: the archivist's comparison is missing",
  },
  deadline: 'Report to Kela by',
  rehearsal: 'Rehearsal identifier',
  columns: [
    'Document',
    'OID',
    'setId',
    'Version',
    'Type',
    'Service task',
    'Archived',
    'Right register',
    'Metadata valid',
    'Matches the client system',
  ],
  marks: { ok: 'OK', fail: 'NO', open: '–' },
  greeting: 'Hello,',
  intro: (organisation: string): string =>
    `${organisation} has carried out the SHA deployment test. The report is attached.`,
};

/** Every language's report texts (the catalogue-completeness test reads them too). */
export const REPORT_TEXTS: Readonly<Record<TextLang, ReportTexts>> = { fi, sv, en };

export function reportTexts(lang: TextLang): ReportTexts {
  return REPORT_TEXTS[lang];
}
