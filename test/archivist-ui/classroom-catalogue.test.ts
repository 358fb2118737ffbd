/**
 * The trainer console's pages, in Swedish and in Finnish, with a class of two whose trainees have done
 * something: each visible text must come from that language's catalogue or be data (the class's names,
 * the scenario's name and clients, the passwords and the address). The same check as
 * catalogue-completeness.test.ts, over the pages that need a classroom.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../archivist-ui/i18n/index.js';
import { DEMO_ARCHIVISTS } from '../../server/archivist/archivists.js';
import { FAIL_RULE_CODES } from '../../server/classroom/classroom-actions.js';
import { csrfOf, signIn, signInDemo, type SignedIn } from '../archivist/support.js';
import { SCENARIO, SMALL_CLASS, startClassroomSim } from '../classroom/support.js';
import type { KantaSimInstance } from '../support/sim.js';
import {
  describeLeaks,
  findLeaks,
  loadCatalogue,
  textChecker,
  type Leak,
} from './support/catalogue-check.js';

let sim: KantaSimInstance;
let trainer: SignedIn;
let operatorPages: { makeForm: string; trainerSignIn: string };
let data: string[];

/** The operator's two pages: the make form, and the trainer's sign-in shown once the class is made. */
async function operatorWalk(lang: Lang): Promise<{ makeForm: string; trainerSignIn: string }> {
  const operator = await signInDemo(sim);
  await operator.agent.get('/archivist/prefs').query({ lang, next: '/archivist/search' });
  const makeForm = (await operator.agent.get('/archivist/classroom').expect(200)).text;
  const made = await operator.agent
    .post('/archivist/classroom')
    .type('form')
    .send({ csrf: csrfOf(makeForm), trainees: '2', scenario: SCENARIO, lang, mode: 'keep' })
    .expect(200);
  return { makeForm, trainerSignIn: made.text };
}

/** Every language's title of every scenario that has one (data: they come from the scenario files). */
async function scenarioTitles(): Promise<string[]> {
  const { scenarios } = sim.running.classroom;
  const titles = await Promise.all((await scenarios.names()).map((n) => scenarios.title(n)));
  return titles.flatMap((t) => (t === undefined ? [] : typeof t === 'string' ? [t] : Object.values(t)));
}

beforeAll(async () => {
  sim = await startClassroomSim();
  operatorPages = await operatorWalk('sv');
  const accounts = await sim.running.classroom.service.accounts();
  trainer = await signIn(sim, accounts.trainer.username, accounts.trainer.password);
  const one = accounts.trainees[0];
  const trainee = await signIn(sim, one?.username ?? '', one?.password ?? '');
  await trainee.agent
    .get('/archivist/search')
    .query({ hetu: SMALL_CLASS.identities[0]?.hetu, reason: 'training' });
  data = [
    // Scenario names are file names (the shipped ones and the test's own), their titles the files' own.
    ...(await sim.running.classroom.scenarios.names()),
    ...(await scenarioTitles()),
    sim.webUrl,
    // Rule codes are identifiers (CDA_HETU_INVALID would otherwise lose its "CDA" to the proper names).
    ...FAIL_RULE_CODES,
    // The operator is the demo archivist of the demo organisation.
    ...DEMO_ARCHIVISTS.map((a) => a.name),
    sim.demo.organiser.name,
    ...SMALL_CLASS.identities.map((i) => `${i.family} ${i.given.join(' ')}`),
    ...[accounts.trainer, ...accounts.trainees].flatMap((a) => [
      a.archivistName,
      a.username,
      a.password,
      a.organisation.name,
    ]),
  ];
}, 90_000);
afterAll(async () => {
  await sim?.stop();
});

const PAGES: readonly { name: string; get: (a: SignedIn) => Promise<string> }[] = [
  { name: 'console', get: async (a) => (await a.agent.get('/archivist/classroom').expect(200)).text },
  {
    name: 'console (make refused)',
    get: async (a) =>
      (
        await a.agent
          .post('/archivist/classroom')
          .type('form')
          .send({ csrf: a.csrf, trainees: 'x', scenario: SCENARIO, lang: 'sv' })
          .expect(400)
      ).text,
  },
  {
    name: 'console (archive-now refused)',
    get: async (a) =>
      (
        await a.agent
          .post('/archivist/classroom/archive-now')
          .type('form')
          .send({ csrf: a.csrf, documentType: 'nothing', client: 'x', target: 'all' })
          .expect(400)
      ).text,
  },
  {
    name: 'reset confirmation (class)',
    get: async (a) =>
      (
        await a.agent
          .post('/archivist/classroom/reset')
          .type('form')
          .send({ csrf: a.csrf, target: 'all' })
          .expect(200)
      ).text,
  },
  {
    name: 'reset confirmation (sandbox)',
    get: async (a) =>
      (
        await a.agent
          .post('/archivist/classroom/reset')
          .type('form')
          .send({ csrf: a.csrf, target: 'trainee02' })
          .expect(200)
      ).text,
  },
  {
    name: 'sign-in cards',
    get: async (a) => (await a.agent.get('/archivist/classroom/cards').expect(200)).text,
  },
];

it("names the scenarios by their titles in the reader's language, and submits their file names", () => {
  // The shipped default has a title; the tests' small scenario has none and is shown by its file name.
  expect(operatorPages.makeForm).toMatch(
    /<option value="classroom"[^>]*>Övningskommunen: fem klienter 2016–2026<\/option>/,
  );
  expect(operatorPages.makeForm).toMatch(new RegExp(`<option value="${SCENARIO}"[^>]*>${SCENARIO}</option>`));
});

describe.each(['sv', 'fi'] as const)("the trainer's console in %s", (lang) => {
  it('shows only texts of the catalogue and data', async () => {
    const check = textChecker(await loadCatalogue(lang), data);
    await trainer.agent.get('/archivist/prefs').query({ lang, next: '/archivist/search' });
    const leaks: Leak[] = [];
    if (lang === 'sv') {
      leaks.push(...findLeaks('make form (operator)', operatorPages.makeForm, check));
      leaks.push(...findLeaks("trainer's sign-in (operator)", operatorPages.trainerSignIn, check));
    }
    for (const page of PAGES) {
      const html = await page.get(trainer);
      // The cards are in the class's language (made in Swedish), whatever the reader's.
      expect(html, page.name).toContain(page.name === 'sign-in cards' ? 'lang="sv"' : `lang="${lang}"`);
      leaks.push(
        ...findLeaks(
          page.name,
          html,
          page.name === 'sign-in cards' ? textChecker(await loadCatalogue('sv'), data) : check,
        ),
      );
    }
    expect(leaks, describeLeaks(lang, leaks)).toEqual([]);
  }, 60_000);
});
