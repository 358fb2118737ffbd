/**
 * Texts that turn a document's data into words: case titles, the provider badge, the register access
 * rights panel, structured-content values. Finnish first; sv and en are typed against it.
 */
import type { Lang } from './index.js';

const fi = {
  caseTitle: (task: string | undefined, date: string | undefined): string =>
    [task ?? 'Asia', date ? `alkaen ${date}` : undefined].filter(Boolean).join(', '),
  caseId: 'Asian tunniste',
  providerBadge: 'Palveluntuottaja',
  providerArchived: (name: string): string => `Palveluntuottajan arkistoima: ${name}`,
  providerUnknown: 'tuntematon palveluntuottaja',
  yes: 'Kyllä',
  no: 'Ei',
  empty: 'ei tietoa',
  identifierOf: (system: string): string => `tunniste, ${system}`,
  unknownCodeSystem: 'tuntematon koodisto',
  unknownIdentifierSystem: 'tuntematon tunnisteavaruus',
  contentPrefix: 'Rakenteinen sisältö',
  rightsTitle: 'Rekisterin käyttöoikeudet',
  rightsIntro: (register: string): string =>
    `Palveluntuottajat, joilla on asiakkuusasiakirjan mukaan oikeus arkistoida tämän asiakkaan asiakirjoja rekisterinpitäjän ${register} rekisteriin.`,
  rightsNone: 'Asiakkuusasiakirja ei anna yhdellekään palveluntuottajalle oikeutta tähän rekisteriin.',
  rightsNoRelationship: 'Rekisterissä ei ole tämän asiakkaan voimassa olevaa asiakkuusasiakirjaa.',
  rightsCaption: 'Palveluntuottajien käyttöoikeudet rekisteriin',
  rightsProvider: 'Palveluntuottajan palveluyksikkö',
  rightsServiceTask: 'Palvelutehtävä',
  rightsPeriod: 'Voimassa',
  rightsFrom: (date: string): string => `alkaen ${date}`,
  rightsSource: 'Lähde: asiakkuusasiakirja',
  rightsThisDocument: 'Tämän asiakirjan oikeus',
  rightsOwnRegister: 'Rekisterinpitäjä arkistoi asiakirjan omaan rekisteriinsä.',
};

export type DocumentContentMessages = typeof fi;

const sv: DocumentContentMessages = {
  caseTitle: (task, date) => [task ?? 'Ärende', date ? `från ${date}` : undefined].filter(Boolean).join(', '),
  caseId: 'Ärendets identifierare',
  providerBadge: 'Serviceproducent',
  providerArchived: (name) => `Arkiverat av serviceproducenten: ${name}`,
  providerUnknown: 'okänd serviceproducent',
  yes: 'Ja',
  no: 'Nej',
  empty: 'uppgift saknas',
  identifierOf: (system) => `identifierare, ${system}`,
  unknownCodeSystem: 'okänt kodverk',
  unknownIdentifierSystem: 'okänd identifierarrymd',
  contentPrefix: 'Strukturerat innehåll',
  rightsTitle: 'Registeranvändningsrätter',
  rightsIntro: (register) =>
    `Serviceproducenter som enligt klientrelationsdokumentet får arkivera denna klients dokument i registret som förs av ${register}.`,
  rightsNone: 'Klientrelationsdokumentet ger ingen serviceproducent rätt till detta register.',
  rightsNoRelationship: 'Registret har inget gällande klientrelationsdokument för denna klient.',
  rightsCaption: 'Serviceproducenternas rätt att använda registret',
  rightsProvider: 'Serviceproducentens serviceenhet',
  rightsServiceTask: 'Serviceuppgift',
  rightsPeriod: 'Giltig',
  rightsFrom: (date) => `från ${date}`,
  rightsSource: 'Källa: klientrelationsdokument',
  rightsThisDocument: 'Detta dokuments rätt',
  rightsOwnRegister: 'Registeransvarige arkiverade dokumentet i sitt eget register.',
};

const en: DocumentContentMessages = {
  caseTitle: (task, date) => [task ?? 'Case', date ? `from ${date}` : undefined].filter(Boolean).join(', '),
  caseId: 'Case identifier',
  providerBadge: 'Service provider',
  providerArchived: (name) => `Archived by the service provider: ${name}`,
  providerUnknown: 'unknown service provider',
  yes: 'Yes',
  no: 'No',
  empty: 'not given',
  identifierOf: (system) => `identifier, ${system}`,
  unknownCodeSystem: 'unknown code system',
  unknownIdentifierSystem: 'unknown identifier system',
  contentPrefix: 'Structured content',
  rightsTitle: 'Register access rights',
  rightsIntro: (register) =>
    `Service providers that the client-relationship document allows to archive this client's documents into the register kept by ${register}.`,
  rightsNone: 'The client-relationship document gives no service provider a right to this register.',
  rightsNoRelationship: 'The register holds no current client-relationship document for this client.',
  rightsCaption: "Service providers' rights to use the register",
  rightsProvider: "Provider's service unit",
  rightsServiceTask: 'Service task',
  rightsPeriod: 'Valid',
  rightsFrom: (date) => `from ${date}`,
  rightsSource: 'Source: client-relationship document',
  rightsThisDocument: "This document's right",
  rightsOwnRegister: 'The register keeper archived the document into its own register.',
};

const BY_LANG: Record<Lang, DocumentContentMessages> = { fi, sv, en };

/** The document-content texts of a language. */
export function documentContentMessages(lang: Lang): DocumentContentMessages {
  return BY_LANG[lang];
}
