/**
 * Texts of the rehearsal's deviations (what is missing, wrong or unexpected), Finnish first. The rehearsal
 * hands deviations over as data; these word them. `what` is the expected document as named by the view.
 */
import type { Lang } from './index.js';

const fi = {
  fields: {
    serviceTask: 'palvelutehtävä',
    processPhase: 'prosessivaihe',
    case: 'asia',
    invalidated: 'mitätöity',
    setId: 'asiakirjasarja (setId)',
    documentId: 'asiakirjan tunniste',
    version: 'versio',
    documentGroup: 'asiakirjaryhmä',
    documentType: 'asiakirjatyyppi',
    registerOid: 'rekisteri',
  } as Record<string, string>,
  noValue: '(ei arvoa)',
  yes: 'kyllä',
  no: 'ei',
  group: (g: string): string => `asiakirjaryhmä ${g}`,
  version: (v: number): string => `versio ${v}`,
  missing: (what: string, register: string): string =>
    `${what}: ei arkistoitu (odotettiin rekisteriin ${register})`,
  wrongRegister: (what: string, id: string, register: string, expected: string): string =>
    `${what}: asiakirja ${id} on rekisterissä ${register}, odotettiin ${expected}`,
  differs: (what: string, id: string, field: string, actual: string, expected: string): string =>
    `${what}: asiakirjan ${id} ${field} on ${actual}, odotettiin ${expected}`,
  otherCase: (what: string, id: string, other: string): string =>
    `${what}: asiakirja ${id} on samassa asiassa kuin ${other}, odotettiin eri asiaa`,
  sameSet: (what: string, id: string): string =>
    `${what}: asiakirjan ${id} pitäisi jatkaa korvaamansa version asiakirjasarjaa, mutta korvattua versiota ei ole arkistoitu`,
  clientSystemDiffers: (what: string, fields: string): string =>
    `${what}: asiakastietojärjestelmässä ${fields}`,
  clientSystemField: (field: string, shown: string, archived: string): string =>
    `${field} ${shown}, arkistossa ${archived}`,
  archivistFoundDifference: (what: string, id: string): string =>
    `${what}: asiakirja ${id} ei vastaa asiakastietojärjestelmää (arkistonhoitajan vertailu)`,
  note: (note: string): string => `huomautus: ${note}`,
  notCompared: (what: string, id: string): string =>
    `${what}: asiakirjaa ${id} ei verrattu asiakastietojärjestelmään ennen kokeen päättämistä`,
  unexpected: (id: string, details: string): string => `odottamaton asiakirja ${id} (${details})`,
  refused: (what: string, sender: string, code: string, rules: string): string =>
    `arkisto hylkäsi sanoman ${what} lähettäjältä ${sender} (${code}: ${rules})`,
  aMessage: '(ei asiakirjan tunnistetta)',
  unknownSender: 'tuntematon',
};

export type RehearsalDeviationMessages = typeof fi;

const sv: RehearsalDeviationMessages = {
  fields: {
    serviceTask: 'serviceuppgift',
    processPhase: 'processfas',
    case: 'ärende',
    invalidated: 'makulerat',
    setId: 'dokumentserie (setId)',
    documentId: 'dokumentets identifierare',
    version: 'version',
    documentGroup: 'dokumentgrupp',
    documentType: 'dokumenttyp',
    registerOid: 'register',
  },
  noValue: '(inget värde)',
  yes: 'ja',
  no: 'nej',
  group: (g: string): string => `dokumentgrupp ${g}`,
  version: (v: number): string => `version ${v}`,
  missing: (what: string, register: string): string =>
    `${what}: inte arkiverat (förväntades i registret ${register})`,
  wrongRegister: (what: string, id: string, register: string, expected: string): string =>
    `${what}: dokumentet ${id} finns i registret ${register}, förväntades ${expected}`,
  differs: (what: string, id: string, field: string, actual: string, expected: string): string =>
    `${what}: dokumentets ${id} ${field} är ${actual}, förväntades ${expected}`,
  otherCase: (what: string, id: string, other: string): string =>
    `${what}: dokumentet ${id} hör till samma ärende som ${other}, ett annat ärende förväntades`,
  sameSet: (what: string, id: string): string =>
    `${what}: dokumentet ${id} borde fortsätta dokumentserien för den version det ersätter, men den ersatta versionen har inte arkiverats`,
  clientSystemDiffers: (what: string, fields: string): string => `${what}: i klientdatasystemet ${fields}`,
  clientSystemField: (field: string, shown: string, archived: string): string =>
    `${field} ${shown}, i arkivet ${archived}`,
  archivistFoundDifference: (what: string, id: string): string =>
    `${what}: dokumentet ${id} motsvarar inte klientdatasystemet (arkivariens jämförelse)`,
  note: (note: string): string => `anmärkning: ${note}`,
  notCompared: (what: string, id: string): string =>
    `${what}: dokumentet ${id} jämfördes inte med klientdatasystemet innan provet avslutades`,
  unexpected: (id: string, details: string): string => `oväntat dokument ${id} (${details})`,
  refused: (what: string, sender: string, code: string, rules: string): string =>
    `arkivet avvisade meddelandet ${what} från ${sender} (${code}: ${rules})`,
  aMessage: '(utan dokumentidentifierare)',
  unknownSender: 'okänd',
};

const en: RehearsalDeviationMessages = {
  fields: {
    serviceTask: 'service task',
    processPhase: 'process phase',
    case: 'case',
    invalidated: 'invalidated',
    setId: 'document set (setId)',
    documentId: 'document id',
    version: 'version',
    documentGroup: 'document group',
    documentType: 'document type',
    registerOid: 'register',
  },
  noValue: '(no value)',
  yes: 'yes',
  no: 'no',
  group: (g: string): string => `document group ${g}`,
  version: (v: number): string => `version ${v}`,
  missing: (what: string, register: string): string =>
    `${what}: not archived (expected in register ${register})`,
  wrongRegister: (what: string, id: string, register: string, expected: string): string =>
    `${what}: document ${id} is in register ${register}, expected ${expected}`,
  differs: (what: string, id: string, field: string, actual: string, expected: string): string =>
    `${what}: document ${id} has ${field} ${actual}, expected ${expected}`,
  otherCase: (what: string, id: string, other: string): string =>
    `${what}: document ${id} is in the same case as ${other}, expected another case`,
  sameSet: (what: string, id: string): string =>
    `${what}: document ${id} should continue the set of the version it replaces, but that version was not archived`,
  clientSystemDiffers: (what: string, fields: string): string => `${what}: the client system shows ${fields}`,
  clientSystemField: (field: string, shown: string, archived: string): string =>
    `${field} ${shown}, the archive ${archived}`,
  archivistFoundDifference: (what: string, id: string): string =>
    `${what}: document ${id} does not match the client system (the archivist's comparison)`,
  note: (note: string): string => `note: ${note}`,
  notCompared: (what: string, id: string): string =>
    `${what}: document ${id} was not compared with the client system before the test was finished`,
  unexpected: (id: string, details: string): string => `unexpected document ${id} (${details})`,
  refused: (what: string, sender: string, code: string, rules: string): string =>
    `the archive refused a message ${what} from ${sender} (${code}: ${rules})`,
  aMessage: '(no document id)',
  unknownSender: 'unknown',
};

const BY_LANG: Record<Lang, RehearsalDeviationMessages> = { fi, sv, en };

export function rehearsalDeviationMessages(lang: Lang): RehearsalDeviationMessages {
  return BY_LANG[lang];
}
