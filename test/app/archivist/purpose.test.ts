/**
 * The purpose of use over HTTP: asked for every access that shows a client's data (search, a document
 * opened by its address, a rehearsal's page), recorded per client, never inherited from another client's
 * search; the gate's form is CSRF-protected and ties its error to the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENT } from '../../../server/samples/demo-message.js';
import { startKantaSim, type KantaSimInstance } from '../../support/sim.js';
import {
  archive,
  archiveSpec,
  caseStory,
  signInDemo,
  STORY_CLIENT,
  type SignedIn,
} from '../../archivist/support.js';

let sim: KantaSimInstance;
/** Client A (the story client) and client B (the demo client), both in the organiser's register. */
let docA: string;
let docB: string;

beforeAll(async () => {
  sim = await startKantaSim();
  docA = await archiveSpec(sim, caseStory(sim).planV1);
  docB = await archive(sim);
});
afterAll(async () => {
  await sim.stop();
});

const doc = (id: string) => `/archivist/documents/${encodeURIComponent(id)}`;
const entriesOf = (documentId: string) =>
  sim.running.archivist.usage.list({ organisationOid: sim.demo.organiser.oid, documentId });

describe('a search', () => {
  it('needs its own purpose, the error tied to the purpose field', async () => {
    const me = await signInDemo(sim);
    const res = await me.agent.get('/archivist/search').query({ hetu: STORY_CLIENT.hetu }).expect(400);
    const select = /<select[^>]*id="reason"[^>]*>/.exec(res.text)?.[0] ?? '';
    expect(select).toContain('aria-invalid="true"');
    expect(select).toMatch(/aria-describedby="reason-error reason-hint"/);
    const other = await me.agent
      .get('/archivist/search')
      .query({ hetu: STORY_CLIENT.hetu, reason: 'other' })
      .expect(400);
    expect(/<input[^>]*id="reasonText"[^>]*>/.exec(other.text)?.[0]).toContain('aria-invalid="true"');
    expect(other.text).toMatch(/<option value="other" selected/);
  });
});

describe('a document opened by its address', () => {
  let me: SignedIn;
  beforeAll(async () => {
    me = await signInDemo(sim);
  });

  it("asks B's purpose instead of showing B's document after a search for A, and logs no view", async () => {
    await me.agent
      .get('/archivist/search')
      .query({ hetu: STORY_CLIENT.hetu, reason: 'deployment-test' })
      .expect(200);
    const gate = await me.agent.get(doc(docB)).expect(200);
    expect(gate.text).toContain('id="purpose-form"');
    expect(gate.text).toContain(`action="${doc(docB)}/purpose"`);
    // Nothing of B shows before the purpose: not the identity code, not the name.
    expect(gate.text).not.toContain(DEMO_CLIENT.hetu);
    expect(gate.text).not.toContain(DEMO_CLIENT.family);
    // Nothing is suggested from A's search: the select starts empty.
    expect(gate.text).not.toMatch(/<option value="deployment-test" selected/);
    expect(await entriesOf(docB)).toEqual([]);
  });

  it.each([
    { name: 'no purpose', body: {}, field: 'reason' },
    { name: 'an unknown purpose', body: { reason: 'curiosity' }, field: 'reason' },
    { name: '"other" without its text', body: { reason: 'other', reasonText: ' ' }, field: 'reasonText' },
  ])('answers $name with 400, the error tied to its field, values kept', async ({ body, field }) => {
    const res = await me.agent
      .post(`${doc(docB)}/purpose`)
      .type('form')
      .send({ csrf: me.csrf, ...body })
      .expect(400);
    const control = new RegExp(`<(?:select|input)[^>]*id="${field}"[^>]*>`).exec(res.text)?.[0] ?? '';
    expect(control).toContain('aria-invalid="true"');
    expect(control).toMatch(new RegExp(`aria-describedby="[^"]*${field}-error`));
    expect(res.text).toContain(`id="${field}-error"`);
    expect(res.text).toContain('role="alert"');
    if (body.reason === 'other') {
      expect(res.text).toMatch(/<option value="other" selected/);
    }
    expect(await entriesOf(docB)).toEqual([]);
  });

  it('refuses the purpose form without the session token, and grants nothing', async () => {
    await me.agent
      .post(`${doc(docB)}/purpose`)
      .type('form')
      .send({ reason: 'training' })
      .expect(403);
    await me.agent
      .get(doc(docB))
      .expect(200)
      .expect(/id="purpose-form"/);
  });

  it('refuses compare and invalidation of a client whose purpose is not stated', async () => {
    await me.agent
      .post(`${doc(docB)}/compare`)
      .type('form')
      .send({ csrf: me.csrf, shown: 'clientHetu', 'match.clientHetu': 'on' })
      .expect(403);
    await me.agent
      .post(`${doc(docB)}/invalidate`)
      .type('form')
      .send({ csrf: me.csrf, reason: 'Väärä asiakas' })
      .expect(403);
    expect(await sim.running.archivist.getCompareRecord(docB)).toBeUndefined();
  });

  it("shows B's document once B's purpose is stated, and logs the view with B's purpose", async () => {
    const stated = await me.agent
      .post(`${doc(docB)}/purpose`)
      .type('form')
      .send({ csrf: me.csrf, reason: 'client-request', reasonText: 'pyyntö 7' })
      .expect(303);
    expect(stated.headers.location).toBe(doc(docB));
    const page = await me.agent.get(doc(docB)).expect(200);
    expect(page.text).toContain(DEMO_CLIENT.family);
    expect(page.text).not.toContain('id="purpose-form"');
    const [view] = await entriesOf(docB);
    expect(view).toMatchObject({
      action: 'view',
      hetu: DEMO_CLIENT.hetu,
      reason: 'client-request: pyyntö 7',
    });
    // A's purpose is still A's.
    await me.agent.get(doc(docA)).expect(200);
    expect((await entriesOf(docA))[0]).toMatchObject({ hetu: STORY_CLIENT.hetu, reason: 'deployment-test' });
    const [search] = await sim.running.archivist.usage.list({
      organisationOid: sim.demo.organiser.oid,
      action: 'search',
      hetu: STORY_CLIENT.hetu,
    });
    expect(search?.reason).toBe('deployment-test');
  });

  it('asks again in a new session: a purpose is not inherited across sign-ins', async () => {
    const again = await signInDemo(sim);
    await again.agent
      .get(doc(docB))
      .expect(200)
      .expect(/id="purpose-form"/);
  });

  it('speaks the reader’s language', async () => {
    const sv = await signInDemo(sim);
    const page = await sv.agent.get(doc(docA)).set('Cookie', 'kanta_lang=sv').expect(200);
    expect(page.text).toContain('Ange användningsändamål');
  });
});

describe('a rehearsal', () => {
  let me: SignedIn;
  let rehearsalPath: string;
  beforeAll(async () => {
    me = await signInDemo(sim);
    const started = await me.agent
      .post('/archivist/deployment-tests')
      .type('form')
      .send({ csrf: me.csrf, caseName: 'lapsiperheiden-palvelut', hetu: STORY_CLIENT.hetu })
      .expect(303);
    rehearsalPath = started.headers.location as string;
  });

  it('asks the purpose before the checklist, suggesting the deployment test without assuming it', async () => {
    const gate = await me.agent.get(rehearsalPath).expect(200);
    expect(gate.text).toContain('id="purpose-form"');
    expect(gate.text).not.toContain('data-check="archived"');
    expect(gate.text).toMatch(/<option value="deployment-test" selected/);
    expect(gate.text).toContain('id="reason-suggested"');
    const report = await me.agent.get(`${rehearsalPath}/report.html`).expect(303);
    expect(report.headers.location).toBe(rehearsalPath);
    const viewed = await sim.running.archivist.usage.list({
      organisationOid: sim.demo.organiser.oid,
      action: 'deployment-test',
    });
    expect(viewed.map((e) => e.detail)).not.toContainEqual(expect.stringMatching(/^viewed/));
  });

  it('shows the checklist once stated, logged with the purpose of the test client', async () => {
    await me.agent
      .post(`${rehearsalPath}/purpose`)
      .type('form')
      .send({ csrf: me.csrf, reason: 'deployment-test' })
      .expect(303);
    await me.agent
      .get(rehearsalPath)
      .expect(200)
      .expect(/data-check="archived"/);
    const [viewed] = await sim.running.archivist.usage.list({
      organisationOid: sim.demo.organiser.oid,
      action: 'deployment-test',
    });
    expect(viewed).toMatchObject({ hetu: STORY_CLIENT.hetu, reason: 'deployment-test' });
    expect(viewed?.detail).toMatch(/^step=viewed;/);
    // "Avaa ja vertaa" opens the test client's document under the same purpose, without asking again.
    await me.agent
      .get(doc(docA))
      .expect(200)
      .expect((res) => expect(res.text).not.toContain('purpose-form'));
  });
});
