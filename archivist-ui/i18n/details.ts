/**
 * Texts for what the server reports as codes and values: the notes of signature checks, the details of
 * usage-log lines. (The rehearsal's findings are worded in server/rehearsal/finding-texts.ts, which the
 * report shares.) The domain hands over data (a code and its values); these
 * word it in the reader's language, so no English sentence of the JSON answers reaches a page.
 */
import type { Lang } from './index.js';

const fi = {
  signature: {
    referencesMatch: (n: number): string => (n === 1 ? '1 viittaus täsmää' : `${n} viittausta täsmää`),
    verifiesWithKeyInfoKey: 'Allekirjoitusarvo todentuu KeyInfo-varmenteen avaimella',
    chainsToTrustedCa: 'Varmenne ketjuuntuu luotettuun varmentajaan allekirjoitushetkellä',
    validAt: 'Voimassa allekirjoitushetkellä',
    signedAt: 'Allekirjoitettu',
    bodyId: 'Allekirjoitetun sisällön tunniste',
    signerId: 'Allekirjoittajan tunniste',
    skipped: {
      'profile-failed': 'Ei tarkistettu, koska edellä oleva profiilin tarkistus epäonnistui',
      'digest-failed': 'Ei tarkistettu, koska tiiviste ei täsmännyt',
      unprocessable: 'Ei tarkistettu, koska allekirjoitusta ei voitu käsitellä',
      'no-certificate': 'Ei tarkistettu, koska varmennetta ei voitu lukea',
      'no-signing-time': 'Ei tarkistettu, koska kelvollista allekirjoitusaikaa ei ole',
      'unknown-type': 'Ei tarkistettu, koska allekirjoituksen tyyppi on tuntematon',
    },
    whitespaceHint:
      'Asiakirja todentuu, kun tagien välinen tyhjä tila poistetaan: se on sisennetty uudelleen allekirjoittamisen jälkeen.',
    location: 'Kohta',
  },
  usage: {
    filters: {
      palvelutehtava: 'Palvelutehtävä',
      documentType: 'Asiakirjatyyppi',
      prosessivaihe: 'Prosessivaihe',
      caseId: 'Asian tunniste',
      from: 'Päivämäärä alkaen',
      to: 'Päivämäärä päättyen',
      state: 'Tila',
      registerOid: 'Rekisteri',
    },
    compared: (ok: number, all: number): string => `${ok} / ${all} tietoa vastaa`,
    invalidationReason: 'Mitätöinnin peruste',
    rehearsalSteps: {
      started: 'Harjoitus aloitettu',
      viewed: 'Harjoitus katsottu',
      report: 'Raportti avattu',
      finished: 'Harjoitus päätetty',
      cancelled: 'Harjoitus peruttu',
    },
    rehearsalOutcomes: { passed: 'hyväksytty', failed: 'hylätty' },
    reportKinds: { html: 'HTML', pdf: 'PDF', eml: 'sähköpostiluonnos' },
  },
};

export type DetailMessages = typeof fi;

const sv: DetailMessages = {
  signature: {
    referencesMatch: (n: number): string => (n === 1 ? '1 referens stämmer' : `${n} referenser stämmer`),
    verifiesWithKeyInfoKey: 'Underskriftsvärdet verifieras med nyckeln i KeyInfo-certifikatet',
    chainsToTrustedCa:
      'Certifikatet kedjar till en betrodd certifikatutfärdare vid tidpunkten för underskriften',
    validAt: 'Giltigt vid tidpunkten för underskriften',
    signedAt: 'Undertecknat',
    bodyId: 'Det undertecknade innehållets identifierare',
    signerId: 'Undertecknarens identifierare',
    skipped: {
      'profile-failed': 'Inte kontrollerat, eftersom en profilkontroll ovan misslyckades',
      'digest-failed': 'Inte kontrollerat, eftersom en kontrollsumma inte stämde',
      unprocessable: 'Inte kontrollerat, eftersom underskriften inte kunde behandlas',
      'no-certificate': 'Inte kontrollerat, eftersom certifikatet inte kunde läsas',
      'no-signing-time': 'Inte kontrollerat, eftersom en giltig tidpunkt för underskriften saknas',
      'unknown-type': 'Inte kontrollerat, eftersom underskriftens typ är okänd',
    },
    whitespaceHint:
      'Dokumentet verifieras när tomrummet mellan taggarna tas bort: det har indenterats om efter att det undertecknades.',
    location: 'Plats',
  },
  usage: {
    filters: {
      palvelutehtava: 'Serviceuppgift',
      documentType: 'Dokumenttyp',
      prosessivaihe: 'Processfas',
      caseId: 'Ärendets identifierare',
      from: 'Datum från',
      to: 'Datum till',
      state: 'Status',
      registerOid: 'Register',
    },
    compared: (ok: number, all: number): string => `${ok} / ${all} uppgifter stämmer`,
    invalidationReason: 'Grund för makulering',
    rehearsalSteps: {
      started: 'Övningen startad',
      viewed: 'Övningen visad',
      report: 'Rapporten öppnad',
      finished: 'Övningen avslutad',
      cancelled: 'Övningen avbruten',
    },
    rehearsalOutcomes: { passed: 'godkänd', failed: 'underkänd' },
    reportKinds: { html: 'HTML', pdf: 'PDF', eml: 'e-postutkast' },
  },
};

const en: DetailMessages = {
  signature: {
    referencesMatch: (n: number): string => (n === 1 ? '1 reference matches' : `${n} references match`),
    verifiesWithKeyInfoKey: 'The signature value verifies with the key of the KeyInfo certificate',
    chainsToTrustedCa: 'The certificate chains to a trusted CA at signing time',
    validAt: 'Valid at signing time',
    signedAt: 'Signed',
    bodyId: 'Identifier of the signed content',
    signerId: "Signer's identifier",
    skipped: {
      'profile-failed': 'Not checked: a profile check above failed',
      'digest-failed': 'Not checked: a digest did not match',
      unprocessable: 'Not checked: the signature could not be processed',
      'no-certificate': 'Not checked: the certificate could not be read',
      'no-signing-time': 'Not checked: there is no valid signing time',
      'unknown-type': 'Not checked: the signature type is unknown',
    },
    whitespaceHint:
      'The document verifies once whitespace between tags is removed: it was re-indented after signing.',
    location: 'Location',
  },
  usage: {
    filters: {
      palvelutehtava: 'Service task',
      documentType: 'Document type',
      prosessivaihe: 'Process phase',
      caseId: 'Case identifier',
      from: 'Date from',
      to: 'Date to',
      state: 'State',
      registerOid: 'Register',
    },
    compared: (ok: number, all: number): string => `${ok} / ${all} fields match`,
    invalidationReason: 'Reason for invalidation',
    rehearsalSteps: {
      started: 'Rehearsal started',
      viewed: 'Rehearsal viewed',
      report: 'Report opened',
      finished: 'Rehearsal finished',
      cancelled: 'Rehearsal cancelled',
    },
    rehearsalOutcomes: { passed: 'passed', failed: 'failed' },
    reportKinds: { html: 'HTML', pdf: 'PDF', eml: 'e-mail draft' },
  },
};

const BY_LANG: Record<Lang, DetailMessages> = { fi, sv, en };

export function detailMessages(lang: Lang): DetailMessages {
  return BY_LANG[lang];
}

/** Every language's detail texts, for the catalogue-completeness check. */
export const DETAIL_MESSAGES: Readonly<Record<Lang, DetailMessages>> = BY_LANG;
