/**
 * Texts of the usage log's (käyttöloki) filters and of its CSV export, Finnish first. The names of the
 * actions and purposes are the catalogue's (fi.ts `actions`, `reasons`), shared with the page.
 */
import type { CsvColumn } from '../../server/archivist/view-models.js';
import type { Lang } from './index.js';

const fi = {
  filtersTitle: 'Rajaa merkintöjä',
  client: 'Asiakkaan henkilötunnus',
  from: 'Alkaen (päivä)',
  to: 'Päättyen (päivä)',
  apply: 'Rajaa',
  clear: 'Poista rajaukset',
  pageLimit:
    'Sivulla näytetään enintään 1 000 uusinta merkintää; CSV-tiedostossa ovat kaikki rajatut merkinnät.',
  dateInvalid: 'Anna päivämäärä muodossa VVVV-KK-PP.',
  rangeInvalid: 'Alkupäivä on myöhemmin kuin loppupäivä.',
  errorSummary: 'Rajausta ei voitu käyttää. Korjaa merkitty kenttä.',
  csvFile: 'kayttoloki.csv',
  csvColumns: {
    seq: 'Järjestysnumero',
    at: 'Aika (UTC)',
    archivistName: 'Arkistonhoitaja',
    archivistId: 'Arkistonhoitajan tunniste',
    action: 'Tapahtuma',
    hetu: 'Asiakkaan henkilötunnus',
    documentId: 'Asiakirjan tunniste',
    registerOid: 'Rekisterinpitäjän tunniste',
    reason: 'Käyttötarkoitus',
    detail: 'Lisätieto',
  } satisfies Record<CsvColumn, string>,
};

export type UsageLogMessages = typeof fi;

const sv: UsageLogMessages = {
  filtersTitle: 'Avgränsa anteckningarna',
  client: 'Klientens personbeteckning',
  from: 'Från (dag)',
  to: 'Till (dag)',
  apply: 'Avgränsa',
  clear: 'Ta bort avgränsningarna',
  pageLimit:
    'Sidan visar högst de 1 000 senaste anteckningarna; CSV-filen innehåller alla avgränsade anteckningar.',
  dateInvalid: 'Ange datumet i formen ÅÅÅÅ-MM-DD.',
  rangeInvalid: 'Startdagen är senare än slutdagen.',
  errorSummary: 'Avgränsningen kunde inte användas. Rätta det markerade fältet.',
  csvFile: 'anvandningslogg.csv',
  csvColumns: {
    seq: 'Löpnummer',
    at: 'Tid (UTC)',
    archivistName: 'Arkivarie',
    archivistId: 'Arkivariens identifierare',
    action: 'Händelse',
    hetu: 'Klientens personbeteckning',
    documentId: 'Dokumentets identifierare',
    registerOid: 'Registeransvarigs identifierare',
    reason: 'Användningsändamål',
    detail: 'Tilläggsuppgift',
  },
};

const en: UsageLogMessages = {
  filtersTitle: 'Narrow the entries',
  client: "Client's personal identity code",
  from: 'From (day)',
  to: 'To (day)',
  apply: 'Apply',
  clear: 'Clear the filters',
  pageLimit: 'The page shows at most the 1,000 newest entries; the CSV file has every entry that matches.',
  dateInvalid: 'Give the date as YYYY-MM-DD.',
  rangeInvalid: 'The first day is after the last day.',
  errorSummary: 'The filter could not be used. Correct the marked field.',
  csvFile: 'usage-log.csv',
  csvColumns: {
    seq: 'Sequence number',
    at: 'Time (UTC)',
    archivistName: 'Archivist',
    archivistId: "Archivist's identifier",
    action: 'Event',
    hetu: "Client's personal identity code",
    documentId: "Document's identifier",
    registerOid: "Register keeper's identifier",
    reason: 'Purpose of use',
    detail: 'Details',
  },
};

const BY_LANG: Record<Lang, UsageLogMessages> = { fi, sv, en };

export function usageLogMessages(lang: Lang): UsageLogMessages {
  return BY_LANG[lang];
}
