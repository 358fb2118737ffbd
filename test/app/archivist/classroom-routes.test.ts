import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfOf, signIn, signInDemo, type SignedIn } from '../../archivist/support.js';
import { AINO, SCENARIO, startClassroomSim } from '../../classroom/support.js';
import type { KantaSimInstance } from '../../support/sim.js';

/**
 * The trainer's console over a running kanta-sim with a real classroom: who may open it, forms refused at
 * their field with nothing done, the resets' confirmation step, and the cards.
 */
let sim: KantaSimInstance;
let operator: SignedIn;
let trainer: SignedIn;
let trainee: SignedIn;
const passwords = new Map<string, string>();

beforeAll(async () => {
  sim = await startClassroomSim();
  operator = await signInDemo(sim);
}, 60_000);
afterAll(async () => {
  await sim?.stop();
});

describe("the trainer's console", () => {
  it('offers the operator the make-the-class form while no class exists, and refuses a bad count there', async () => {
    const page = await operator.agent.get('/archivist/classroom').expect(200);
    expect(page.text).toContain('id="make-class"');
    expect(page.text).toContain(`<option value="${SCENARIO}"`);
    const refused = await operator.agent
      .post('/archivist/classroom')
      .type('form')
      .send({ csrf: operator.csrf, trainees: '0', scenario: SCENARIO, lang: 'fi', mode: 'keep' })
      .expect(400);
    expect(refused.text).toMatch(
      /id="make-trainees"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="make-trainees"/,
    );
    expect(refused.text).toContain('id="make-trainees-error"');
    expect((await sim.running.classroom.service.overview()).classroom).toBeUndefined();
  });

  it('makes the class from the form and shows the operator how the trainer signs in, once', async () => {
    const made = await operator.agent
      .post('/archivist/classroom')
      .type('form')
      .send({ csrf: operator.csrf, trainees: '3', scenario: SCENARIO, lang: 'fi', mode: 'keep' })
      .expect(200);
    const username = /id="trainer-username">([^<]+)</.exec(made.text)?.[1];
    const password = /id="trainer-password">([^<]+)</.exec(made.text)?.[1];
    expect(username).toBe('kouluttaja');
    expect(password).toBeTruthy();
    expect((await sim.running.classroom.service.overview()).trainees).toHaveLength(3);
    // The class exists: the console is the trainer's now.
    await operator.agent.get('/archivist/classroom').expect(404);
    trainer = await signIn(sim, username ?? '', password ?? '');
    for (const a of (await sim.running.classroom.service.accounts()).trainees) {
      passwords.set(a.username, a.password);
    }
    trainee = await signIn(sim, 'trainee01', passwords.get('trainee01') ?? '');
  }, 60_000);

  it("shows the trainer every trainee, and links the console in the trainer's menu only", async () => {
    const page = await trainer.agent.get('/archivist/classroom').expect(200);
    expect(page.text.match(/<tr data-sandbox=/g)).toHaveLength(3);
    expect(page.text).toContain('data-sandbox="trainee01"');
    expect(page.text).toMatch(/data-sandbox="trainee01"[\s\S]*?data-signed-in="yes"/);
    expect(page.text).toMatch(/data-sandbox="trainee02"[\s\S]*?data-signed-in="no"/);
    expect(page.text).toContain('<a href="/archivist/classroom" aria-current="page">');
    const search = await trainee.agent.get('/archivist/search').expect(200);
    expect(search.text).not.toContain('href="/archivist/classroom"');
  });

  it('answers 404 to a trainee for every console page and action', async () => {
    await trainee.agent.get('/archivist/classroom').expect(404);
    await trainee.agent.get('/archivist/classroom/cards').expect(404);
    await trainee.agent.get('/archivist/classroom/cards.pdf').expect(404);
    await trainee.agent
      .post('/archivist/classroom/reset/confirm')
      .type('form')
      .send({ csrf: trainee.csrf, target: 'all' })
      .expect(404);
  });

  it('refuses a form without its token, and an archive-now for a client the scenario lacks, doing nothing', async () => {
    await trainer.agent
      .post('/archivist/classroom/reset/confirm')
      .type('form')
      .send({ target: 'all' })
      .expect(403);
    const before = sim.running.journal.list().length;
    const refused = await trainer.agent
      .post('/archivist/classroom/archive-now')
      .type('form')
      .send({ csrf: trainer.csrf, documentType: 'client-note', client: '311299-999X', target: 'all' })
      .expect(400);
    expect(refused.text).toContain('id="archive-client-error"');
    expect(sim.running.journal.list().length).toBe(before);
  });

  it("makes one sandbox's next document fail with the chosen rule, and says so when archive-now meets it", async () => {
    const armed = await trainer.agent
      .post('/archivist/classroom/fail-next')
      .type('form')
      .send({ csrf: trainer.csrf, rule: 'SIG_DIGEST_MISMATCH', target: 'trainee02' })
      .expect(303);
    expect(armed.headers.location).toBe('/archivist/classroom?done=fail-armed');
    const unknownRule = await trainer.agent
      .post('/archivist/classroom/fail-next')
      .type('form')
      .send({ csrf: trainer.csrf, rule: 'NO_SUCH_RULE', target: 'trainee02' })
      .expect(400);
    expect(unknownRule.text).toContain('id="fail-rule-error"');
    const sent = await trainer.agent
      .post('/archivist/classroom/archive-now')
      .type('form')
      .send({ csrf: trainer.csrf, documentType: 'client-note', client: AINO, target: 'trainee02' })
      .expect(303);
    expect(sent.headers.location).toBe('/archivist/classroom?done=archive-refused');
    const last = sim.running.journal.list().at(-1);
    expect(JSON.stringify(last)).toContain('SIG_DIGEST_MISMATCH');
    // Staged once: the next one is archived.
    const again = await trainer.agent
      .post('/archivist/classroom/archive-now')
      .type('form')
      .send({ csrf: trainer.csrf, documentType: 'client-note', client: AINO, target: 'trainee02' })
      .expect(303);
    expect(again.headers.location).toBe('/archivist/classroom?done=archived');
    const page = await trainer.agent.get('/archivist/classroom?done=archive-refused').expect(200);
    expect(page.text).toContain('data-notice="archive-refused"');
  }, 60_000);

  it('asks before a reset, naming the sandbox, and resets it on confirmation', async () => {
    const ask = await trainer.agent
      .post('/archivist/classroom/reset')
      .type('form')
      .send({ csrf: trainer.csrf, target: 'trainee01' })
      .expect(200);
    expect(ask.text).toContain('name="target" value="trainee01"');
    expect(ask.text).toContain('action="/archivist/classroom/reset/confirm"');
    await trainer.agent
      .post('/archivist/classroom/reset')
      .type('form')
      .send({ csrf: trainer.csrf, target: 'trainee09' })
      .expect(404);
    const done = await trainer.agent
      .post('/archivist/classroom/reset/confirm')
      .type('form')
      .send({ csrf: csrfOf(ask.text), target: 'trainee01' })
      .expect(303);
    expect(done.headers.location).toBe('/archivist/classroom?done=reset-sandbox');
    // The trainee was signed out by the reset.
    await trainee.agent.get('/archivist/search').expect(303);
  }, 60_000);

  it('prints the cards as HTML and PDF with every trainee and the address the trainer used', async () => {
    const html = await trainer.agent.get('/archivist/classroom/cards').expect(200);
    expect(html.text.match(/<article class="sign-in-card"/g)).toHaveLength(3);
    for (const [username, password] of passwords) {
      expect(html.text).toContain(`class="card-username">${username}<`);
      expect(html.text).toContain(`class="card-password">${password}<`);
    }
    expect(html.text).toContain(`${sim.webUrl}/archivist/login`);
    const pdf = await trainer.agent
      .get('/archivist/classroom/cards.pdf')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
