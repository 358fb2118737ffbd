/** Texts of the classroom's exercise pages (harjoitustehtävät): the trainee's list and the trainer's answers. */
import type { Lang } from './index.js';

const fi = {
  title: 'Harjoitustehtävät',
  intro:
    'Etsi vastaukset omasta harjoitusympäristöstäsi arkistonhoitajan käyttöliittymällä ja vastaa tähän. Voit vastata uudelleen.',
  none: 'Ei harjoitustehtäviä.',
  answer: 'Vastaus',
  choose: 'Valitse vastaus',
  documentId: 'Asiakirjan tunniste (OID)',
  documentIdHint: 'Kopioi tunniste asiakirjan sivulta, esimerkiksi 1.2.246.10.1234567.95.1.',
  send: 'Lähetä vastaus',
  right: 'Oikein',
  wrong: 'Väärin, yritä uudelleen',
  notAnswered: 'Ei vastattu',
  yourAnswer: 'Vastauksesi',
  attempts: (n: number) => (n === 1 ? '1 yritys' : `${n} yritystä`),
  emptyAnswer: 'Kirjoita tai valitse vastaus.',
  notAnOption: 'Valitse yksi vaihtoehdoista.',
  answersTitle: 'Harjoitustehtävien vastaukset',
  answersIntro: 'Kunkin koulutettavan viimeisin vastaus tehtävittäin.',
  trainee: 'Koulutettava',
  result: 'Tulos',
  answeredAt: 'Vastattu',
  noAnswers: 'Ei vastauksia vielä.',
  summary: (right: number, all: number) => `Oikein ${right}/${all}`,
  trainerOnly: 'Vastaukset näkee vain kouluttaja.',
};

export type ExercisesMessages = typeof fi;

const sv: ExercisesMessages = {
  title: 'Övningsuppgifter',
  intro: 'Sök svaren i din egen övningsmiljö med arkivariens gränssnitt och svara här. Du kan svara på nytt.',
  none: 'Inga övningsuppgifter.',
  answer: 'Svar',
  choose: 'Välj ett svar',
  documentId: 'Dokumentets identifierare (OID)',
  documentIdHint: 'Kopiera identifieraren från dokumentets sida, till exempel 1.2.246.10.1234567.95.1.',
  send: 'Skicka svaret',
  right: 'Rätt',
  wrong: 'Fel, försök på nytt',
  notAnswered: 'Inte besvarad',
  yourAnswer: 'Ditt svar',
  attempts: (n: number) => (n === 1 ? '1 försök' : `${n} försök`),
  emptyAnswer: 'Skriv eller välj ett svar.',
  notAnOption: 'Välj ett av alternativen.',
  answersTitle: 'Svar på övningsuppgifterna',
  answersIntro: 'Varje deltagares senaste svar per uppgift.',
  trainee: 'Deltagare',
  result: 'Resultat',
  answeredAt: 'Besvarad',
  noAnswers: 'Inga svar ännu.',
  summary: (right: number, all: number) => `Rätt ${right}/${all}`,
  trainerOnly: 'Bara utbildaren ser svaren.',
};

const en: ExercisesMessages = {
  title: 'Exercises',
  intro:
    'Find the answers in your own practice environment with the archivist interface, and answer here. You may answer again.',
  none: 'No exercises.',
  answer: 'Answer',
  choose: 'Choose an answer',
  documentId: 'Document identifier (OID)',
  documentIdHint: "Copy the identifier from the document's page, for example 1.2.246.10.1234567.95.1.",
  send: 'Send the answer',
  right: 'Right',
  wrong: 'Wrong, try again',
  notAnswered: 'Not answered',
  yourAnswer: 'Your answer',
  attempts: (n: number) => (n === 1 ? '1 try' : `${n} tries`),
  emptyAnswer: 'Write or choose an answer.',
  notAnOption: 'Choose one of the options.',
  answersTitle: 'Answers to the exercises',
  answersIntro: "Each trainee's latest answer, per exercise.",
  trainee: 'Trainee',
  result: 'Result',
  answeredAt: 'Answered',
  noAnswers: 'No answers yet.',
  summary: (right: number, all: number) => `Right ${right}/${all}`,
  trainerOnly: 'Only the trainer sees the answers.',
};

const MESSAGES: Record<Lang, ExercisesMessages> = { fi, sv, en };

export function exercisesMessages(lang: Lang): ExercisesMessages {
  return MESSAGES[lang];
}
