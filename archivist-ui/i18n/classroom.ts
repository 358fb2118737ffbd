/**
 * Texts of the trainer's console (the class overview, its forms and confirmations) and of the printed
 * sign-in cards, Finnish first. The names of the usage-log actions are the catalogue's (fi.ts `actions`).
 */
import type { ConsoleFieldError, ConsoleNotice } from '../../server/classroom/view-models.js';
import type { Lang } from './index.js';

type ErrorTexts = {
  readonly [F in ConsoleFieldError['field']]: Record<
    Extract<ConsoleFieldError, { field: F }>['reason'],
    string
  >;
};

const fi = {
  title: 'Kouluttajan näkymä',
  intro:
    'Luokan jokaisella koulutettavalla on oma harjoitusympäristö: oma organisaatio, samat asiakkaat ja oma käyttöloki. Kouluttaja näkee ne kaikki.',
  noClass: 'Luokkaa ei ole vielä luotu.',
  makeTitle: 'Luo luokka',
  traineeCount: 'Koulutettavien määrä',
  traineeCountHint: (min: number, max: number): string => `${min}–${max} koulutettavaa.`,
  scenario: 'Harjoitusaineisto',
  classLang: 'Luokan kieli',
  mode: 'Jos luokka on jo olemassa',
  modeKeep: 'Säilytä ennallaan',
  modeReset: 'Palauta alkutilaan',
  make: 'Luo luokka',
  overviewTitle: 'Luokka',
  created: 'Luotu',
  trainees: 'Koulutettavat',
  name: 'Nimi',
  username: 'Käyttäjätunnus',
  organisation: 'Organisaatio',
  signedIn: 'Kirjautuminen',
  signedInYes: 'Kirjautuneena',
  signedInNo: 'Ei kirjautuneena',
  activity: 'Toiminta',
  activityCount: (n: number): string => (n === 1 ? '1 merkintä' : `${n} merkintää`),
  noActivity: 'Ei vielä toimintaa.',
  actionsColumn: 'Toiminnot',
  resetSandbox: 'Palauta alkutilaan',
  resetClass: 'Palauta koko luokka alkutilaan',
  resetHint:
    'Palauttaa harjoitusaineiston: asiakirjat, vertailu- ja mitätöintimerkinnät, käyttöloki ja kirjautumiset.',
  resetClassTitle: 'Palautetaanko koko luokka alkutilaan?',
  resetSandboxTitle: 'Palautetaanko harjoitusympäristö alkutilaan?',
  resetWarning:
    'Kaikki koulutettavien tekemät muutokset ja käyttölokin merkinnät poistetaan, ja koulutettavat kirjataan ulos. Tätä ei voi perua.',
  confirmReset: 'Palauta alkutilaan',
  keep: 'Älä palauta',
  archiveTitle: 'Arkistoi nyt',
  archiveHint:
    'Asiakirja arkistoituu heti, ja koulutettavat näkevät sen saapuvan Juuri arkistoidut -paneeliin.',
  documentType: 'Asiakirjatyyppi',
  client: 'Asiakas',
  target: 'Harjoitusympäristö',
  allSandboxes: 'Kaikki harjoitusympäristöt',
  archive: 'Arkistoi',
  failTitle: 'Hylkää seuraava asiakirja',
  failHint: 'Seuraava harjoitusympäristöön arkistoitava asiakirja hylätään valitun säännön mukaisesti.',
  rule: 'Sääntö',
  arm: 'Hylkää seuraava',
  cardsTitle: 'Kirjautumiskortit',
  cardsHint:
    'Tulosta kortit ja jaa ne koulutettaville: kortissa on nimi, käyttäjätunnus, salasana ja osoite.',
  cardsHtml: 'Tulostettavat kortit (HTML)',
  cardsPdf: 'Kortit (PDF)',
  errorSummary: 'Lomaketta ei voitu käsitellä. Korjaa merkitty kenttä.',
  errors: {
    trainees: {
      'not-a-number': 'Anna koulutettavien määrä numerona.',
      'out-of-range': 'Koulutettavien määrä on liian pieni tai suuri.',
    },
    scenario: { unknown: 'Valitse harjoitusaineisto listasta.' },
    lang: { unknown: 'Valitse kieli listasta.' },
    documentType: { unknown: 'Valitse asiakirjatyyppi listasta.' },
    client: { unknown: 'Valitse asiakas listasta.' },
    rule: { unknown: 'Valitse sääntö listasta.' },
    target: { unknown: 'Valitse harjoitusympäristö listasta.' },
  } satisfies ErrorTexts,
  notices: {
    made: 'Luokka on valmis.',
    'reset-class': 'Koko luokka on palautettu alkutilaan.',
    'reset-sandbox': 'Harjoitusympäristö on palautettu alkutilaan.',
    archived: 'Asiakirja arkistoitiin.',
    'archive-refused':
      'Arkisto hylkäsi asiakirjan ainakin yhdessä harjoitusympäristössä (esimerkiksi asetetun säännön mukaisesti).',
    'fail-armed': 'Seuraava asiakirja hylätään.',
  } satisfies Record<ConsoleNotice, string>,
  cardHeading: 'Harjoittelu: arkistonhoitajan käyttöliittymä',
  cardAddress: 'Osoite',
  cardPassword: 'Salasana',
  cardsPrintHint: 'Tulosta selaimen tulostustoiminnolla ja leikkaa kortit katkoviivoja pitkin.',
  cardsFile: 'kirjautumiskortit.pdf',
  templates: {
    initiation: 'Vireilletulo',
    assessment: 'Palvelutarpeen arviointi',
    'client-plan': 'Asiakassuunnitelma',
    decision: 'Päätös',
    'client-note': 'Asiakaskertomus',
  } as Readonly<Record<string, string>>,
  trainerSignInTitle: 'Kouluttajan tunnukset',
  trainerSignInText:
    'Luokka on valmis. Kirjaudu ulos ja kirjaudu sisään kouluttajana näillä tunnuksilla: kouluttajan näkymässä ovat luokan tilanne ja kirjautumiskortit.',
};

export type ClassroomMessages = typeof fi;

const sv: ClassroomMessages = {
  title: 'Utbildarens vy',
  intro:
    'Varje deltagare i klassen har en egen övningsmiljö: en egen organisation, samma klienter och en egen användningslogg. Utbildaren ser dem alla.',
  noClass: 'Ingen klass har skapats ännu.',
  makeTitle: 'Skapa klassen',
  traineeCount: 'Antal deltagare',
  traineeCountHint: (min: number, max: number): string => `${min}–${max} deltagare.`,
  scenario: 'Övningsmaterial',
  classLang: 'Klassens språk',
  mode: 'Om klassen redan finns',
  modeKeep: 'Behåll den som den är',
  modeReset: 'Återställ till utgångsläget',
  make: 'Skapa klassen',
  overviewTitle: 'Klassen',
  created: 'Skapad',
  trainees: 'Deltagare',
  name: 'Namn',
  username: 'Användarnamn',
  organisation: 'Organisation',
  signedIn: 'Inloggning',
  signedInYes: 'Inloggad',
  signedInNo: 'Inte inloggad',
  activity: 'Aktivitet',
  activityCount: (n: number): string => (n === 1 ? '1 anteckning' : `${n} anteckningar`),
  noActivity: 'Ingen aktivitet ännu.',
  actionsColumn: 'Åtgärder',
  resetSandbox: 'Återställ',
  resetClass: 'Återställ hela klassen till utgångsläget',
  resetHint:
    'Återställer övningsmaterialet: dokument, jämförelse- och makuleringsanteckningar, användningsloggen och inloggningar.',
  resetClassTitle: 'Återställa hela klassen till utgångsläget?',
  resetSandboxTitle: 'Återställa övningsmiljön till utgångsläget?',
  resetWarning:
    'Alla ändringar som deltagarna gjort och användningsloggens anteckningar tas bort, och deltagarna loggas ut. Det kan inte ångras.',
  confirmReset: 'Återställ',
  keep: 'Återställ inte',
  archiveTitle: 'Arkivera nu',
  archiveHint: 'Dokumentet arkiveras genast, och deltagarna ser det komma in i panelen Nyss arkiverade.',
  documentType: 'Dokumenttyp',
  client: 'Klient',
  target: 'Övningsmiljö',
  allSandboxes: 'Alla övningsmiljöer',
  archive: 'Arkivera',
  failTitle: 'Avvisa nästa dokument',
  failHint: 'Nästa dokument som arkiveras i övningsmiljön avvisas enligt den valda regeln.',
  rule: 'Regel',
  arm: 'Avvisa nästa',
  cardsTitle: 'Inloggningskort',
  cardsHint:
    'Skriv ut korten och dela ut dem till deltagarna: kortet har namn, användarnamn, lösenord och adress.',
  cardsHtml: 'Utskrivbara kort (HTML)',
  cardsPdf: 'Kort (PDF)',
  errorSummary: 'Formuläret kunde inte behandlas. Rätta det markerade fältet.',
  errors: {
    trainees: {
      'not-a-number': 'Ange antalet deltagare som ett tal.',
      'out-of-range': 'Antalet deltagare är för litet eller för stort.',
    },
    scenario: { unknown: 'Välj övningsmaterial i listan.' },
    lang: { unknown: 'Välj språk i listan.' },
    documentType: { unknown: 'Välj dokumenttyp i listan.' },
    client: { unknown: 'Välj klient i listan.' },
    rule: { unknown: 'Välj regel i listan.' },
    target: { unknown: 'Välj övningsmiljö i listan.' },
  },
  notices: {
    made: 'Klassen är klar.',
    'reset-class': 'Hela klassen har återställts till utgångsläget.',
    'reset-sandbox': 'Övningsmiljön har återställts till utgångsläget.',
    archived: 'Dokumentet arkiverades.',
    'archive-refused':
      'Arkivet avvisade dokumentet i minst en övningsmiljö (till exempel enligt den valda regeln).',
    'fail-armed': 'Nästa dokument avvisas.',
  },
  cardHeading: 'Övning: arkivariens gränssnitt',
  cardAddress: 'Adress',
  cardPassword: 'Lösenord',
  cardsPrintHint:
    'Skriv ut med webbläsarens utskriftsfunktion och klipp ut korten längs de streckade linjerna.',
  cardsFile: 'inloggningskort.pdf',
  templates: {
    initiation: 'Anhängiggörande',
    assessment: 'Bedömning av servicebehovet',
    'client-plan': 'Klientplan',
    decision: 'Beslut',
    'client-note': 'Klientberättelse',
  },
  trainerSignInTitle: 'Utbildarens inloggning',
  trainerSignInText:
    'Klassen är klar. Logga ut och logga in som utbildare med dessa uppgifter: i utbildarens vy finns klassens läge och inloggningskorten.',
};

const en: ClassroomMessages = {
  title: "Trainer's console",
  intro:
    'Every trainee of the class has a sandbox of their own: an own organisation, the same clients and an own usage log. The trainer sees them all.',
  noClass: 'No class has been made yet.',
  makeTitle: 'Make the class',
  traineeCount: 'Number of trainees',
  traineeCountHint: (min: number, max: number): string => `${min}–${max} trainees.`,
  scenario: 'Scenario',
  classLang: 'Language of the class',
  mode: 'If the class exists already',
  modeKeep: 'Keep it as it is',
  modeReset: 'Reset it to the scenario',
  make: 'Make the class',
  overviewTitle: 'The class',
  created: 'Made',
  trainees: 'Trainees',
  name: 'Name',
  username: 'Username',
  organisation: 'Organisation',
  signedIn: 'Sign-in',
  signedInYes: 'Signed in',
  signedInNo: 'Not signed in',
  activity: 'Activity',
  activityCount: (n: number): string => (n === 1 ? '1 entry' : `${n} entries`),
  noActivity: 'No activity yet.',
  actionsColumn: 'Actions',
  resetSandbox: 'Reset',
  resetClass: 'Reset the whole class to the scenario',
  resetHint:
    'Resets the scenario data: documents, compare and invalidation records, the usage log and the sign-ins.',
  resetClassTitle: 'Reset the whole class to the scenario?',
  resetSandboxTitle: 'Reset the sandbox to the scenario?',
  resetWarning:
    "Every change the trainees made and the usage log's entries are removed, and the trainees are signed out. This cannot be undone.",
  confirmReset: 'Reset',
  keep: 'Do not reset',
  archiveTitle: 'Archive now',
  archiveHint:
    'The document is archived at once, and the trainees watch it arrive in the Just archived panel.',
  documentType: 'Document type',
  client: 'Client',
  target: 'Sandbox',
  allSandboxes: 'All sandboxes',
  archive: 'Archive',
  failTitle: 'Make the next document fail',
  failHint: 'The next document archived into the sandbox is refused under the chosen rule.',
  rule: 'Rule',
  arm: 'Fail the next one',
  cardsTitle: 'Sign-in cards',
  cardsHint: 'Print the cards and hand them out: each has the name, username, password and address.',
  cardsHtml: 'Printable cards (HTML)',
  cardsPdf: 'Cards (PDF)',
  errorSummary: 'The form could not be used. Correct the marked field.',
  errors: {
    trainees: {
      'not-a-number': 'Give the number of trainees as a number.',
      'out-of-range': 'The number of trainees is too small or too large.',
    },
    scenario: { unknown: 'Choose a scenario from the list.' },
    lang: { unknown: 'Choose a language from the list.' },
    documentType: { unknown: 'Choose a document type from the list.' },
    client: { unknown: 'Choose a client from the list.' },
    rule: { unknown: 'Choose a rule from the list.' },
    target: { unknown: 'Choose a sandbox from the list.' },
  },
  notices: {
    made: 'The class is ready.',
    'reset-class': 'The whole class has been reset to the scenario.',
    'reset-sandbox': 'The sandbox has been reset to the scenario.',
    archived: 'The document was archived.',
    'archive-refused':
      'The archive refused the document in at least one sandbox (for example under the chosen rule).',
    'fail-armed': 'The next document will be refused.',
  },
  cardHeading: "Training: the archivist's interface",
  cardAddress: 'Address',
  cardPassword: 'Password',
  cardsPrintHint: "Print with the browser's print command and cut the cards along the dashed lines.",
  cardsFile: 'sign-in-cards.pdf',
  templates: {
    initiation: 'Initiation',
    assessment: 'Assessment of service need',
    'client-plan': 'Client plan',
    decision: 'Decision',
    'client-note': 'Client note',
  },
  trainerSignInTitle: "The trainer's sign-in",
  trainerSignInText:
    "The class is ready. Sign out and sign in as the trainer with these: the trainer's console has the class and the sign-in cards.",
};

const BY_LANG: Record<Lang, ClassroomMessages> = { fi, sv, en };

export function classroomMessages(lang: Lang): ClassroomMessages {
  return BY_LANG[lang];
}
