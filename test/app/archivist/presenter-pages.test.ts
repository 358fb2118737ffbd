/**
 * The presenter view over HTTP: the trainer signed in twice (main window and projector); the projector
 * shows the page the main window was last sent, in presenter mode, with hetus masked until revealed, with
 * its own form token, never the console's password pages, and only to the trainer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presenterMessages } from '../../../archivist-ui/i18n/presenter.js';
import { csrfOf, signIn, type SignedIn } from '../../archivist/support.js';
import { AINO, SCENARIO, startClassroomSim } from '../../classroom/support.js';
import type { KantaSimInstance } from '../../support/sim.js';

const p = presenterMessages('fi');
const MASKED = `${AINO.slice(0, 8)}***`;
let sim: KantaSimInstance;
let main: SignedIn;
let projector: SignedIn;
let trainee: SignedIn;

/** The projector's page once the mirror shows a page other than `notSeq`. */
async function projected(notSeq?: string): Promise<{ html: string; seq: string }> {
  for (let i = 0; i < 50; i++) {
    const html = (await projector.agent.get('/archivist/presenter').expect(200)).text;
    const seq = /data-presenter-seq="(\d+)"/.exec(html)?.[1] ?? '';
    if (seq !== notSeq) {
      return { html, seq };
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the projector did not follow');
}

beforeAll(async () => {
  sim = await startClassroomSim();
  await sim.running.classroom.service.create({ trainees: 1, scenario: SCENARIO, lang: 'fi' });
  const { trainer, trainees } = await sim.running.classroom.service.accounts();
  main = await signIn(sim, trainer.username, trainer.password);
  projector = await signIn(sim, trainer.username, trainer.password);
  trainee = await signIn(sim, trainees[0]?.username ?? '', trainees[0]?.password ?? '');
}, 60_000);
afterAll(async () => {
  await sim.stop();
});

describe('the presenter view', () => {
  let seq = '';

  it("shows the main window's latest page in presenter mode, with the bar", async () => {
    // Signing in showed the main window the search page already: the projector shows it.
    const { html } = await projected();
    expect(html).toContain('class="contrast presenter"');
    expect(html).toContain('/archivist/static/presenter.js');
    expect(html).toContain(p.hetusMasked);
    expect(html).toContain(p.reveal);
  });

  it("mirrors the main window's search with every hetu masked and the projector's own form token", async () => {
    seq = (await projected()).seq;
    await main.agent.get('/archivist/search').query({ hetu: AINO, reason: 'training' }).expect(200);
    const shown = await projected(seq);
    seq = shown.seq;
    expect(shown.html).toContain(MASKED);
    expect(shown.html).not.toContain(AINO);
    expect(shown.html).not.toContain(main.csrf);
    expect(csrfOf(shown.html)).toBe(projector.csrf);
  });

  it('shows the hetus when the trainer reveals them in this window, and masks them again', async () => {
    const post = (reveal: string) =>
      projector.agent.post('/archivist/presenter/reveal').type('form').send({ csrf: projector.csrf, reveal });
    await post('on').expect(303);
    const revealed = (await projector.agent.get('/archivist/presenter').expect(200)).text;
    expect(revealed).toContain(AINO);
    expect(revealed).toContain(p.hetusShown);
    await post('maybe').expect(400);
    await post('off').expect(303);
    expect((await projector.agent.get('/archivist/presenter').expect(200)).text).not.toContain(AINO);
  });

  it("does not follow the projector's own pages, nor show the sign-in cards", async () => {
    await projector.agent.get('/archivist/usage-log').expect(200);
    await main.agent.get('/archivist/classroom/cards');
    const still = (await projector.agent.get('/archivist/presenter').expect(200)).text;
    expect(still).toContain(`data-presenter-seq="${seq}"`);
    expect(still).toContain(MASKED);
  });

  it('is for the trainer only', async () => {
    await trainee.agent.get('/archivist/presenter').expect(403);
    await trainee.agent.get('/archivist/presenter/events').expect(403);
    await trainee.agent
      .post('/archivist/presenter/reveal')
      .type('form')
      .send({ csrf: trainee.csrf, reveal: 'on' })
      .expect(403);
  });
});
