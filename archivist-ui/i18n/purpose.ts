/**
 * Texts of the purpose-of-use (käyttötarkoitus) gate, Finnish first: the form shown instead of a client's
 * data until the archivist states why it looks at that client. The field labels and the purposes' names
 * are the search form's (fi.ts `reason`, `reasonText`, `reasons`), so that one thing has one word.
 */
import type { Lang } from './index.js';

const fi = {
  title: 'Kirjaa käyttötarkoitus',
  documentIntro:
    'Asiakirja koskee asiakasta, jonka tietojen käyttötarkoitusta et ole vielä kirjannut tässä istunnossa. Asiakirja näytetään, kun olet kirjannut käyttötarkoituksen.',
  rehearsalIntro:
    'Harjoituksen sivu näyttää testiasiakkaan tietoja. Kirjaa käyttötarkoitus ennen kuin ne näytetään.',
  logNote:
    'Käyttötarkoitus kirjataan käyttölokiin tämän asiakkaan jokaiseen merkintään tässä istunnossa, ei muiden asiakkaiden merkintöihin.',
  suggested: 'Ehdotus; tarkista ennen jatkamista.',
  submit: 'Kirjaa ja avaa',
  cancel: 'Peruuta',
  errorSummary: 'Käyttötarkoitusta ei kirjattu. Korjaa merkitty kenttä.',
  reasonMissing: 'Valitse käyttötarkoitus luettelosta.',
  reasonTextMissing: 'Kirjoita tarkenne, kun käyttötarkoitus on "Muu".',
};

export type PurposeMessages = typeof fi;

const sv: PurposeMessages = {
  title: 'Ange användningsändamål',
  documentIntro:
    'Dokumentet gäller en klient vars uppgifter du ännu inte har angett något användningsändamål för under den här sessionen. Dokumentet visas när du har angett användningsändamålet.',
  rehearsalIntro: 'Övningens sida visar testklientens uppgifter. Ange användningsändamålet innan de visas.',
  logNote:
    'Användningsändamålet skrivs in i loggen över användning i varje anteckning om den här klienten under sessionen, inte i anteckningar om andra klienter.',
  suggested: 'Förslag; kontrollera innan du fortsätter.',
  submit: 'Ange och öppna',
  cancel: 'Avbryt',
  errorSummary: 'Användningsändamålet angavs inte. Rätta det markerade fältet.',
  reasonMissing: 'Välj ett användningsändamål i listan.',
  reasonTextMissing: 'Skriv en precisering när användningsändamålet är "Annat".',
};

const en: PurposeMessages = {
  title: 'State the purpose of use',
  documentIntro:
    'The document concerns a client for whom you have not yet stated a purpose of use in this session. The document is shown once you have stated it.',
  rehearsalIntro:
    "The rehearsal's page shows the test client's data. State the purpose of use before it is shown.",
  logNote:
    "The purpose is written into every usage-log entry about this client in this session, and into no other client's entries.",
  suggested: 'A suggestion; check it before you go on.',
  submit: 'State and open',
  cancel: 'Cancel',
  errorSummary: 'The purpose of use was not stated. Correct the marked field.',
  reasonMissing: 'Choose a purpose of use from the list.',
  reasonTextMissing: 'Write the details when the purpose of use is "Other".',
};

const BY_LANG: Record<Lang, PurposeMessages> = { fi, sv, en };

export function purposeMessages(lang: Lang): PurposeMessages {
  return BY_LANG[lang];
}
