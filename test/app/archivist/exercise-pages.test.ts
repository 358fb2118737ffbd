/**
 * The exercise pages over HTTP in a class of two trainees: a trainee answers (a refused answer comes back
 * at its field, nothing kept), a document from another sandbox is wrong and one's own is right, the
 * trainer sees who answered what, and a sandbox reset clears its trainee's answers.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exercisesMessages } from '../../../archivist-ui/i18n/exercises.js';
import { sandboxOid } from '../../../server/classroom/sandbox-names.js';
import { EXERCISES_DIR } from '../../../server/compose/exercises.js';
import { signIn, signInDemo, type SignedIn } from '../../archivist/support.js';
import { AINO, EINO, SCENARIO, startClassroomSim } from '../../classroom/support.js';
import type { KantaSimInstance } from '../../support/sim.js';

const text = (s: string) => ({ fi: `${s} (fi)`, sv: `${s} (sv)`, en: `${s} (en)` });

/** Two exercises for the small class: paste one of Aino's documents; choose option b. */
const EXERCISES = [
  {
    file: '01-ainos-document.json',
    body: {
      id: 'ainos-document',
      scenario: SCENARIO,
      title: text('Ainon asiakirja'),
      question: text('Liitä jonkin Ainon asiakirjan tunniste'),
      answer: { type: 'document', document: { client: 'Esimerkki Aino' } },
    },
  },
  {
    file: '02-pick-b.json',
    body: {
      id: 'pick-b',
      scenario: SCENARIO,
      title: text('Valitse'),
      question: text('Kumpi?'),
      answer: {
        type: 'choice',
        options: [
          { id: 'a', text: text('Vaihtoehto A') },
          { id: 'b', text: text('Vaihtoehto B') },
        ],
        correct: 'b',
      },
    },
  },
  {
    file: 'other-scenario.json',
    body: {
      id: 'other-scenario',
      scenario: 'some-other-scenario',
      title: text('Toisen skenaarion tehtävä'),
      question: text('Ei tälle luokalle'),
      answer: { type: 'document', document: { state: 'current' } },
    },
  },
];

const m = exercisesMessages('fi');
let sim: KantaSimInstance;
let trainee: SignedIn;
let trainer: SignedIn;

async function firstDocumentOf(trainee: number, hetu: string): Promise<string> {
  const [doc] = await sim.running.store.listDocuments({ registerOids: [sandboxOid(trainee)], hetu });
  if (!doc) {
    throw new Error(`no document of ${hetu} in sandbox ${trainee}`);
  }
  return doc.id;
}

/** The section of one exercise in a page. */
function section(html: string, id: string): string {
  const start = html.indexOf(`data-exercise="${id}"`);
  return html.slice(start, html.indexOf('</section>', start));
}

const answer = (who: SignedIn, id: string, value: string) =>
  who.agent.post(`/archivist/exercises/${id}/answer`).type('form').send({ csrf: who.csrf, answer: value });

beforeAll(async () => {
  sim = await startClassroomSim();
  const dir = path.join(sim.dataDir, EXERCISES_DIR);
  await mkdir(dir, { recursive: true });
  for (const e of EXERCISES) {
    await writeFile(path.join(dir, e.file), JSON.stringify(e.body));
  }
  await sim.running.classroom.service.create({ trainees: 2, scenario: SCENARIO, lang: 'fi' });
  const accounts = await sim.running.classroom.service.accounts();
  const one = accounts.trainees.find((t) => t.trainee === 1);
  trainee = await signIn(sim, one?.username ?? '', one?.password ?? '');
  trainer = await signIn(sim, accounts.trainer.username, accounts.trainer.password);
}, 60_000);
afterAll(async () => {
  await sim.stop();
});

describe("a trainee's exercises", () => {
  it("lists the class scenario's exercises, linked from the menu, none answered yet", async () => {
    const page = await trainee.agent.get('/archivist/exercises').expect(200);
    expect(page.text).toContain('href="/archivist/exercises" aria-current="page"');
    expect(page.text).toContain('Ainon asiakirja (fi)');
    expect(page.text).toContain('Vaihtoehto B (fi)');
    expect(page.text).not.toContain('Toisen skenaarion tehtävä');
    expect(section(page.text, 'pick-b')).toContain(m.notAnswered);
  });

  it('refuses an empty answer and one that is no option at their own field, keeping nothing', async () => {
    const empty = await answer(trainee, 'ainos-document', '  ').expect(400);
    expect(section(empty.text, 'ainos-document')).toContain(m.emptyAnswer);
    const noOption = await answer(trainee, 'pick-b', 'c').expect(400);
    expect(section(noOption.text, 'pick-b')).toContain(m.notAnOption);
    expect(section(noOption.text, 'ainos-document')).not.toContain(m.notAnOption);
    const page = await trainee.agent.get('/archivist/exercises').expect(200);
    expect(page.text).not.toContain('data-result=');
  });

  it('refuses an answer without the form token, and an unknown exercise', async () => {
    await trainee.agent
      .post('/archivist/exercises/pick-b/answer')
      .type('form')
      .send({ answer: 'b' })
      .expect(403);
    await answer(trainee, 'no-such-exercise', 'b').expect(404);
  });

  it("marks another sandbox's copy and another client wrong, its own document right", async () => {
    const wrongSandbox = await answer(trainee, 'ainos-document', await firstDocumentOf(2, AINO)).expect(303);
    expect(wrongSandbox.headers.location).toBe('/archivist/exercises#ainos-document');
    let page = await trainee.agent.get('/archivist/exercises').expect(200);
    expect(section(page.text, 'ainos-document')).toContain('data-result="wrong"');
    await answer(trainee, 'ainos-document', await firstDocumentOf(1, EINO)).expect(303);
    await answer(trainee, 'ainos-document', await firstDocumentOf(1, AINO)).expect(303);
    await answer(trainee, 'pick-b', 'a').expect(303);
    page = await trainee.agent.get('/archivist/exercises').expect(200);
    expect(section(page.text, 'ainos-document')).toContain('data-result="right"');
    expect(section(page.text, 'ainos-document')).toContain(m.attempts(3));
    expect(section(page.text, 'pick-b')).toContain('data-result="wrong"');
  });
});

describe("the trainer's answers", () => {
  it('are for the trainer only', async () => {
    await trainee.agent.get('/archivist/exercises/answers').expect(403);
    const demo = await signInDemo(sim);
    await demo.agent.get('/archivist/exercises/answers').expect(403);
  });

  it('show who answered what, right or wrong, per exercise', async () => {
    const page = await trainer.agent.get('/archivist/exercises/answers').expect(200);
    const aino = section(page.text, 'ainos-document');
    expect(aino).toContain(m.summary(1, 1));
    expect(aino).toContain('data-result="right"');
    expect(section(page.text, 'pick-b')).toContain('data-result="wrong"');
    expect(section(page.text, 'pick-b')).toContain('Vaihtoehto A (fi)');
  });

  it('are cleared for a trainee whose sandbox is reset', async () => {
    await sim.running.classroom.service.resetSandbox(1);
    const page = await trainer.agent.get('/archivist/exercises/answers').expect(200);
    expect(page.text).not.toContain('data-result=');
    expect(section(page.text, 'ainos-document')).toContain(m.noAnswers);
  });
});
