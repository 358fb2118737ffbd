/**
 * Every archivist page, in Swedish and in Finnish, with a realistic data set (a case of three documents
 * with a corrected version, a compared and an invalidated document, a finished rehearsal with findings, a
 * usage log of every action): each visible text must come from that language's catalogue or be data. The
 * failure names the language, the page, the text and the words that no catalogue holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../archivist-ui/i18n/index.js';
import { DEMO_ARCHIVISTS } from '../../server/archivist/archivists.js';
import {
  archiveSpec,
  caseStory,
  csrfOf,
  signInDemo,
  STORY_CLIENT,
  type SignedIn,
} from '../archivist/support.js';
import { ExerciseLibrary } from '../../server/classroom/exercise-library.js';
import { testCaseTitle } from '../../server/rehearsal/test-case.js';
import { startKantaSim, type KantaSimInstance } from '../support/sim.js';
import {
  describeLeaks,
  findLeaks,
  loadCatalogue,
  textChecker,
  visibleTexts,
  type Leak,
} from './support/catalogue-check.js';

let sim: KantaSimInstance;
let archivist: SignedIn;
let data: string[];
const ids = { plan: '', planV2: '', assessment: '', rehearsal: '' };
const COMPARE_NOTE = 'Tarkistettu asiakastietojärjestelmästä';
const INVALIDATION_REASON = 'Väärä asiakas';

/** Every string leaf of a value, skipping what the pages never show as data (English check details). */
function leaves(value: unknown, skip: ReadonlySet<string>, out: string[] = []): string[] {
  if (typeof value === 'string') {
    out.push(value);
  } else if (Array.isArray(value)) {
    value.forEach((v) => leaves(v, skip, out));
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (!skip.has(k)) {
        // A structured-content key is shown as a label until the field dictionary names it.
        out.push(k, k.replace(/_/g, ' '), (k.charAt(0).toUpperCase() + k.slice(1)).replace(/_/g, ' '));
        leaves(v, skip, out);
      }
    }
  }
  return out;
}

/** The seeded data the pages may show as it is: documents' own texts, names of people and organisations. */
async function seededData(): Promise<string[]> {
  const rows = await sim.running.store.listDocuments({
    registerOids: [sim.demo.organiser.oid, sim.demo.provider.oid],
  });
  const fromDocuments = rows.flatMap((r) =>
    leaves(JSON.parse(r.metadataJson) as unknown, new Set(['checks', 'warnings', 'detail', 'message'])),
  );
  const people = [
    ...DEMO_ARCHIVISTS.map((a) => a.name),
    `${sim.demo.professional.given} ${sim.demo.professional.family}`,
    `${STORY_CLIENT.family} ${STORY_CLIENT.given.join(' ')}`,
    `${STORY_CLIENT.given.join(' ')} ${STORY_CLIENT.family}`,
  ];
  const organisations = [sim.demo.organiser, sim.demo.provider].flatMap((o) => [
    o.name,
    ...o.units.map((u) => u.name),
  ]);
  // Test cases are files a user may drop in: their names and keys are data (their titles: titlesIn).
  const testCases = sim.running.rehearsal.testCases
    .list()
    .flatMap((c) => [c.name, ...[...c.setup, ...c.documents].map((d) => d.key)]);
  // What the archivist typed: the compare note and the invalidation reason.
  const typed = [COMPARE_NOTE, INVALIDATION_REASON];
  return [...fromDocuments, ...people, ...organisations, ...testCases, ...typed];
}

beforeAll(async () => {
  sim = await startKantaSim();
  archivist = await signInDemo(sim);
  const story = caseStory(sim);
  ids.rehearsal = decodeURIComponent(
    (
      (
        await archivist.agent
          .post('/archivist/deployment-tests')
          .type('form')
          .send({ csrf: archivist.csrf, caseName: 'lastensuojelu', hetu: STORY_CLIENT.hetu })
          .expect(303)
      ).headers.location as string
    )
      .split('/')
      .pop() as string,
  );
  ids.assessment = await archiveSpec(sim, story.assessment);
  ids.plan = await archiveSpec(sim, story.planV1);
  ids.planV2 = await archiveSpec(sim, story.planV2);
  await sim.running.rehearsal.rehearsals.finish(ids.rehearsal);

  const search = await archivist.agent
    .get('/archivist/search')
    .query({ hetu: STORY_CLIENT.hetu, reason: 'error-investigation', palvelutehtava: '24', state: 'current' })
    .expect(200);
  const doc = `/archivist/documents/${encodeURIComponent(ids.planV2)}`;
  const page = await archivist.agent.get(doc).expect(200);
  await archivist.agent
    .post(`${doc}/compare`)
    .type('form')
    .send({ csrf: csrfOf(page.text), 'match.clientHetu': 'on', note: COMPARE_NOTE });
  const assessment = `/archivist/documents/${encodeURIComponent(ids.assessment)}`;
  await archivist.agent.get(assessment).expect(200);
  await archivist.agent
    .post(`${assessment}/invalidate/confirm`)
    .type('form')
    .send({ csrf: csrfOf(search.text), reason: INVALIDATION_REASON });
  await archivist.agent.get(`/archivist/deployment-tests/${encodeURIComponent(ids.rehearsal)}/report.html`);
  await archivist.agent.get('/archivist/usage-log.csv');
  data = await seededData();
}, 120_000);
afterAll(async () => {
  await sim.stop();
});

/** Each page as the archivist reaches it: a path, or a form posted from the page before. */
const PAGES: readonly { name: string; get: (a: SignedIn) => Promise<string> }[] = [
  { name: 'search (empty)', get: async (a) => (await a.agent.get('/archivist/search')).text },
  {
    name: 'search (results)',
    get: async (a) =>
      (await a.agent.get('/archivist/search').query({ hetu: STORY_CLIENT.hetu, reason: 'training' })).text,
  },
  {
    name: 'search (invalid hetu)',
    get: async (a) =>
      (await a.agent.get('/archivist/search').query({ hetu: '010181-900X', reason: 'training' })).text,
  },
  {
    name: 'document (current version, compared)',
    get: async (a) => (await a.agent.get(`/archivist/documents/${encodeURIComponent(ids.planV2)}`)).text,
  },
  {
    name: 'document (replaced version)',
    get: async (a) => (await a.agent.get(`/archivist/documents/${encodeURIComponent(ids.plan)}`)).text,
  },
  {
    name: 'document (invalidated)',
    get: async (a) => (await a.agent.get(`/archivist/documents/${encodeURIComponent(ids.assessment)}`)).text,
  },
  {
    name: 'invalidate confirm',
    get: async (a) =>
      (
        await a.agent
          .post(`/archivist/documents/${encodeURIComponent(ids.planV2)}/invalidate`)
          .type('form')
          .send({ csrf: a.csrf, reason: INVALIDATION_REASON })
      ).text,
  },
  {
    name: 'purpose form (reason missing)',
    get: async (a) =>
      (
        await a.agent
          .post(`/archivist/documents/${encodeURIComponent(ids.planV2)}/purpose`)
          .type('form')
          .send({ csrf: a.csrf, reason: '' })
          .expect(400)
      ).text,
  },
  { name: 'usage log', get: async (a) => (await a.agent.get('/archivist/usage-log')).text },
  {
    name: 'usage log (filtered, a bad day)',
    get: async (a) =>
      (await a.agent.get('/archivist/usage-log').query({ action: 'view', from: '2026-02-31' }).expect(400))
        .text,
  },
  {
    name: 'error page (not found)',
    get: async (a) => (await a.agent.get('/archivist/documents/1.2.246.10.999.1')).text,
  },
  {
    name: 'error page (bad request)',
    get: async (a) =>
      (await a.agent.get('/archivist/search').query({ from: '2026-13-45', reason: 'training' })).text,
  },
  { name: 'deployment tests', get: async (a) => (await a.agent.get('/archivist/deployment-tests')).text },
  {
    name: 'deployment tests (start refused)',
    get: async (a) =>
      (
        await a.agent
          .post('/archivist/deployment-tests')
          .type('form')
          .send({ csrf: a.csrf, caseName: 'lastensuojelu', hetu: '010181-900X' })
          .expect(400)
      ).text,
  },
  {
    name: 'rehearsal (finished, with findings)',
    get: async (a) =>
      (await a.agent.get(`/archivist/deployment-tests/${encodeURIComponent(ids.rehearsal)}`)).text,
  },
  { name: 'exercises', get: async (a) => (await a.agent.get('/archivist/exercises')).text },
  {
    name: 'exercises (answer refused)',
    get: async (a) =>
      (
        await a.agent
          .post('/archivist/exercises/child-protection-plan/answer')
          .type('form')
          .send({ csrf: a.csrf, answer: '' })
          .expect(400)
      ).text,
  },
  {
    name: 'rehearsal report (HTML)',
    get: async (a) =>
      (await a.agent.get(`/archivist/deployment-tests/${encodeURIComponent(ids.rehearsal)}/report.html`))
        .text,
  },
];

/**
 * The test cases' titles and the exercises' texts in the page's language: files a trainer may drop in, so
 * data, each written in fi, sv and en.
 */
function titlesIn(lang: Lang): string[] {
  const exercises = new ExerciseLibrary()
    .list()
    .flatMap((e) => [
      e.title[lang],
      e.question[lang],
      ...(e.hint ? [e.hint[lang]] : []),
      ...(e.answer.type === 'choice' ? e.answer.options.map((o) => o.text[lang]) : []),
    ]);
  return [...sim.running.rehearsal.testCases.list().map((c) => testCaseTitle(c.title, lang)), ...exercises];
}

/** The sign-in page, rendered before signing in. */
async function signInPage(lang: Lang): Promise<string> {
  const agent = (await import('supertest')).default.agent(sim.webUrl);
  await agent.get('/archivist/prefs').query({ lang, next: '/archivist/login' });
  return (await agent.get('/archivist/login')).text;
}

describe.each(['sv', 'fi'] as const)('every archivist page in %s', (lang) => {
  it('shows only texts of the catalogue and data', async () => {
    const check = textChecker(await loadCatalogue(lang), [...data, ...titlesIn(lang)]);
    await archivist.agent.get('/archivist/prefs').query({ lang, next: '/archivist/search' });
    const leaks: Leak[] = findLeaks('sign-in', await signInPage(lang), check);
    for (const page of PAGES) {
      const html = await page.get(archivist);
      expect(html, page.name).toContain(`lang="${lang}"`);
      leaks.push(...findLeaks(page.name, html, check));
    }
    expect(leaks, describeLeaks(lang, leaks)).toEqual([]);
  }, 60_000);
});

describe('the check itself', () => {
  it('finds a hard-coded English word planted in a Swedish page, and names it', async () => {
    const check = textChecker(await loadCatalogue('sv'), ['Emilia Testinen']);
    const html =
      '<html lang="sv"><head><title>Dokumentsökning</title></head><body>' +
      '<h1>Dokumentsökning</h1><p>Klient: Emilia Testinen 010181-900C, 5.12.2026 kl. 08.00</p>' +
      '<button title="Search now">Sök</button><p>Version 2 · 1.2.246.10.1234.95.1</p>' +
      '<td>2 references match</td><option>Ibruktagningsprov</option></body></html>';
    const leaks = findLeaks('planted', html, check);
    expect(leaks.map((l) => l.text)).toEqual(['Search now', '2 references match']);
    expect(leaks[1]?.leftover).toBe('references match');
    expect(describeLeaks('sv', leaks)).toContain('[planted] "2 references match"');
  });

  it('finds a Finnish word in a Swedish page and a Swedish word in a Finnish one', async () => {
    const sv = textChecker(await loadCatalogue('sv'), []);
    const fi = textChecker(await loadCatalogue('fi'), []);
    expect(sv('Käyttöönottokoe')).toBe('Käyttöönottokoe');
    expect(fi('Ibruktagningsprov')).toBe('Ibruktagningsprov');
    expect(sv('Ibruktagningsprov')).toBe('');
    // A function text: its arguments are slots, its words must still be the language's.
    expect(fi('Muutokset versioon 2 nähden')).toBe('');
    expect(sv('Muutokset versioon 2 nähden')).not.toBe('');
  });

  it('reads the texts a reader sees: text, title, aria-label, placeholder, alt and button values', () => {
    const html =
      '<p title="a b">c <b>d</b></p><img alt="e f"><input placeholder="g h"><input type="submit" value="i j">' +
      '<script>ignored words</script><style>.x{}</style><div aria-label="k &amp; l"></div>';
    expect(visibleTexts(html)).toEqual(['a b', 'c', 'd', 'e f', 'g h', 'i j', 'k & l']);
  });
});
