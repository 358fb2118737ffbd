/**
 * Texts of the rehearsal's states, its finish and cancel actions, the start form's errors and the table
 * captions of the deployment-test pages, Finnish first.
 */
import type { Lang } from './index.js';

const fi = {
  state: 'Tila',
  states: {
    'not-started': 'Ei aloitettu',
    waiting: 'Odottaa asiakirjoja',
    'in-progress': 'Kesken',
    passed: 'Hyväksytty',
    failed: 'Hylätty',
    finished: 'Päätetty',
    cancelled: 'Peruttu',
  },
  outcome: 'Tulos',
  outcomes: { passed: 'Hyväksytty', failed: 'Hylätty' },
  noOutcomeYet:
    'Tulosta ei vielä ole: se annetaan, kun kaikki odotetut asiakirjat on arkistoitu ja verrattu.',
  progress: (archived: number, expected: number, compared: number): string =>
    archived === 0
      ? `Arkistoitu 0/${expected}`
      : `Arkistoitu ${archived}/${expected}, verrattu asiakastietojärjestelmään ${compared}/${archived}`,
  finishedBy: (who: string, when: string): string => `Päättänyt ${who} ${when}`,
  finishedAt: (when: string): string => `Päätetty ${when}`,
  cancelledBy: (who: string, when: string): string => `Perunut ${who} ${when}`,
  cancelledAt: (when: string): string => `Peruttu ${when}`,
  closeTitle: 'Kokeen päättäminen',
  finish: 'Päätä koe',
  finishHint:
    'Päättäminen säilyttää tuloksen sellaisena kuin se nyt on: puuttuva tai vertaamaton asiakirja hylkää kokeen. Myöhemmin arkistoituja asiakirjoja ei arvioida.',
  cancel: 'Peru koe',
  cancelHint: 'Peruttu koe ei saa tulosta.',
  cancelConfirmTitle: 'Peru käyttöönottokoe?',
  cancelConfirmText:
    'Koe suljetaan ilman tulosta. Perumista ei voi perua; aloita tarvittaessa uusi harjoitus.',
  cancelConfirm: 'Peru koe',
  keepRunning: 'Älä peru',
  startErrors: {
    'case-unknown': 'Valitse testitapaus luettelosta.',
    'case-needs-organiser':
      'Tapauksen asiakirjat arkistoidaan palvelunjärjestäjän rekisteriin, mutta organisaation käyttöönottotiedoissa ei ole rekisterikäyttöoikeutta. Kirjaa oikeus tai valitse toinen tapaus.',
    'hetu-invalid': 'Henkilötunnus ei ole oikeanmuotoinen (esim. 010181-900C).',
    'hetu-not-test-identity': 'Henkilötunnus ei ole testihenkilön tunnus: yksilönumeron on oltava 900–999.',
    'hetu-assigned-elsewhere':
      'Testihenkilö on jo luovutettu toiselle organisaatiolle tähän palvelutehtävään. Valitse toinen testihenkilö.',
    'hetu-none-handed-out':
      'Organisaatiolle ei ole luovutettu testihenkilöä tämän tapauksen palvelutehtävään. Anna testihenkilön henkilötunnus.',
  },
  checklistCaption: 'Odotetut asiakirjat ja niiden tarkistukset',
  notChecked: 'Ei tarkistettu',
  notCompared: 'Ei verrattu',
  rehearsalsCaption: 'Organisaation käyttöönottokoeharjoitukset aloitusjärjestyksessä',
  casesTitle: 'Testitapausten tilanne',
  casesCaption: 'Testitapaukset ja niiden viimeisimmän harjoituksen tila',
};

export type RehearsalStateMessages = typeof fi;

const sv: RehearsalStateMessages = {
  state: 'Status',
  states: {
    'not-started': 'Inte startad',
    waiting: 'Väntar på dokument',
    'in-progress': 'Pågår',
    passed: 'Godkänd',
    failed: 'Underkänd',
    finished: 'Avslutad',
    cancelled: 'Avbruten',
  },
  outcome: 'Resultat',
  outcomes: { passed: 'Godkänd', failed: 'Underkänd' },
  noOutcomeYet: 'Inget resultat ännu: det ges när alla förväntade dokument har arkiverats och jämförts.',
  progress: (archived: number, expected: number, compared: number): string =>
    archived === 0
      ? `Arkiverade 0/${expected}`
      : `Arkiverade ${archived}/${expected}, jämförda med klientdatasystemet ${compared}/${archived}`,
  finishedBy: (who: string, when: string): string => `Avslutad av ${who} ${when}`,
  finishedAt: (when: string): string => `Avslutad ${when}`,
  cancelledBy: (who: string, when: string): string => `Avbruten av ${who} ${when}`,
  cancelledAt: (when: string): string => `Avbruten ${when}`,
  closeTitle: 'Avsluta provet',
  finish: 'Avsluta provet',
  finishHint:
    'Avslutandet behåller resultatet som det är nu: ett dokument som saknas eller inte jämförts underkänner provet. Dokument som arkiveras senare bedöms inte.',
  cancel: 'Avbryt provet',
  cancelHint: 'Ett avbrutet prov får inget resultat.',
  cancelConfirmTitle: 'Avbryta ibruktagningsprovet?',
  cancelConfirmText: 'Provet stängs utan resultat. Det går inte att ångra; starta vid behov en ny övning.',
  cancelConfirm: 'Avbryt provet',
  keepRunning: 'Avbryt inte',
  startErrors: {
    'case-unknown': 'Välj ett testfall i listan.',
    'case-needs-organiser':
      'Fallets dokument arkiveras i anordnarens register, men organisationens ibruktagningsuppgifter saknar registeranvändningsrätt. Registrera rätten eller välj ett annat fall.',
    'hetu-invalid': 'Personbeteckningen har fel form (t.ex. 010181-900C).',
    'hetu-not-test-identity': 'Personbeteckningen är inte en testpersons: individnumret ska vara 900–999.',
    'hetu-assigned-elsewhere':
      'Testpersonen har redan lämnats ut till en annan organisation för denna serviceuppgift. Välj en annan testperson.',
    'hetu-none-handed-out':
      'Ingen testperson har lämnats ut till organisationen för fallets serviceuppgift. Ange testpersonens personbeteckning.',
  },
  checklistCaption: 'Förväntade dokument och deras kontroller',
  notChecked: 'Inte kontrollerat',
  notCompared: 'Inte jämfört',
  rehearsalsCaption: 'Organisationens övningar av ibruktagningsprovet i den ordning de startades',
  casesTitle: 'Testfallens läge',
  casesCaption: 'Testfallen och statusen för deras senaste övning',
};

const en: RehearsalStateMessages = {
  state: 'Status',
  states: {
    'not-started': 'Not started',
    waiting: 'Waiting for documents',
    'in-progress': 'In progress',
    passed: 'Passed',
    failed: 'Failed',
    finished: 'Finished',
    cancelled: 'Cancelled',
  },
  outcome: 'Result',
  outcomes: { passed: 'Passed', failed: 'Failed' },
  noOutcomeYet: 'No result yet: it is given once every expected document is archived and compared.',
  progress: (archived: number, expected: number, compared: number): string =>
    archived === 0
      ? `Archived 0/${expected}`
      : `Archived ${archived}/${expected}, compared with the client system ${compared}/${archived}`,
  finishedBy: (who: string, when: string): string => `Finished by ${who} ${when}`,
  finishedAt: (when: string): string => `Finished ${when}`,
  cancelledBy: (who: string, when: string): string => `Cancelled by ${who} ${when}`,
  cancelledAt: (when: string): string => `Cancelled ${when}`,
  closeTitle: 'Closing the test',
  finish: 'Finish the test',
  finishHint:
    'Finishing keeps the result as it is now: a document missing or not compared fails the test. Documents archived later are not judged.',
  cancel: 'Cancel the test',
  cancelHint: 'A cancelled test gets no result.',
  cancelConfirmTitle: 'Cancel the deployment test?',
  cancelConfirmText:
    'The test is closed without a result. This cannot be undone; start a new rehearsal if needed.',
  cancelConfirm: 'Cancel the test',
  keepRunning: 'Do not cancel',
  startErrors: {
    'case-unknown': 'Choose a test case from the list.',
    'case-needs-organiser':
      "The case's documents go to the organiser's register, but the organisation's onboarding record has no register access right. Record the right or choose another case.",
    'hetu-invalid': 'The personal identity code is not well formed (e.g. 010181-900C).',
    'hetu-not-test-identity':
      'The personal identity code is not a test identity: the individual number must be 900-999.',
    'hetu-assigned-elsewhere':
      'The test identity is already handed to another organisation for this service. Choose another test identity.',
    'hetu-none-handed-out':
      "No test identity is handed to the organisation for the case's service. Give the test identity's code.",
  },
  checklistCaption: 'Expected documents and their checks',
  notChecked: 'Not checked',
  notCompared: 'Not compared',
  rehearsalsCaption: "The organisation's deployment-test rehearsals in the order they were started",
  casesTitle: 'Test cases',
  casesCaption: 'The test cases and the state of their latest rehearsal',
};

const BY_LANG: Record<Lang, RehearsalStateMessages> = { fi, sv, en };

export function rehearsalStateMessages(lang: Lang): RehearsalStateMessages {
  return BY_LANG[lang];
}
