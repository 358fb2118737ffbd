/**
 * The archivist interface over HTTP: register isolation (an archivist of the organiser never reaches the
 * provider's register, by any URL), CSRF and the confirmation step of invalidation, and the usage log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKantaSim, type KantaSimInstance } from '../../support/sim.js';
import {
  archive,
  archiveSpec,
  caseStory,
  csrfOf,
  signIn,
  signInDemo,
  STORY_CLIENT,
  type SignedIn,
} from '../../archivist/support.js';

let sim: KantaSimInstance;
let organiser: SignedIn;
let provider: SignedIn;
let orgDoc: string;
let providerDoc: string;
let story: ReturnType<typeof caseStory>;

beforeAll(async () => {
  sim = await startKantaSim();
  story = caseStory(sim);
  orgDoc = await archiveSpec(sim, story.planV1);
  providerDoc = await archive(sim, sim.demo.provider);
  await sim.running.archivist.addArchivist({
    organisationOid: sim.demo.provider.oid,
    name: 'Bea Tuottaja',
    username: 'bea',
    password: 'salasana-123',
  });
  organiser = await signInDemo(sim);
  provider = await signIn(sim, 'bea', 'salasana-123');
});
afterAll(async () => {
  await sim.stop();
});

const doc = (id: string) => `/archivist/documents/${encodeURIComponent(id)}`;

describe('register isolation', () => {
  it.each([
    { method: 'GET', name: 'the document', path: (id: string) => doc(id), status: 404 },
    { method: 'POST', name: 'purpose', path: (id: string) => `${doc(id)}/purpose`, status: 404 },
    { method: 'POST', name: 'compare', path: (id: string) => `${doc(id)}/compare`, status: 404 },
    { method: 'POST', name: 'invalidate', path: (id: string) => `${doc(id)}/invalidate`, status: 404 },
    {
      method: 'POST',
      name: 'invalidate/confirm',
      path: (id: string) => `${doc(id)}/invalidate/confirm`,
      status: 404,
    },
  ])('$method $name of the other register answers $status', async ({ method, path, status }) => {
    const url = path(providerDoc);
    const res =
      method === 'GET'
        ? await organiser.agent.get(url)
        : await organiser.agent
            .post(url)
            .type('form')
            .send({ csrf: organiser.csrf, reason: 'Väärä asiakas' });
    expect(res.status).toBe(status);
    // Nothing of the document shows: not its client, not its content.
    expect(res.text).not.toContain('150615A916X');
    expect(res.text).not.toContain('Testilä');
    expect((await sim.running.store.getDocument(providerDoc))?.state).toBe('current');
    expect(await sim.running.archivist.getCompareRecord(providerDoc)).toBeUndefined();
  });

  it('does not list the other register in any search, and refuses it as a register filter', async () => {
    const all = await organiser.agent
      .get('/archivist/search')
      .query({ state: 'current', reason: 'training' });
    expect(all.status).toBe(200);
    expect(all.text).toContain(encodeURIComponent(orgDoc));
    expect(all.text).not.toContain(encodeURIComponent(providerDoc));
    const filtered = await organiser.agent
      .get('/archivist/search')
      .query({ registerOid: sim.demo.provider.oid, reason: 'training' });
    expect(filtered.status).toBe(403);
    const theirs = await provider.agent
      .get('/archivist/search')
      .query({ state: 'current', reason: 'training' });
    expect(theirs.text).toContain(encodeURIComponent(providerDoc));
    expect(theirs.text).not.toContain(encodeURIComponent(orgDoc));
    expect((await provider.agent.get(doc(orgDoc))).status).toBe(404);
  });
});

describe('signing in', () => {
  it('requires signing in, and refuses a sign-in form without its token', async () => {
    const anonymous = await fetch(`${sim.webUrl}${doc(orgDoc)}`, { redirect: 'manual' });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/^\/archivist\/login\?next=/);
    const forged = await fetch(`${sim.webUrl}/archivist/demo`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'csrf=guess',
      redirect: 'manual',
    });
    expect(forged.status).toBe(403);
    expect(forged.headers.get('set-cookie') ?? '').not.toContain('kanta_archivist=');
  });

  it('sets the session cookie HttpOnly and SameSite=Strict, and a strict CSP on pages', async () => {
    const agentLogin = await fetch(`${sim.webUrl}/archivist/login`);
    const token = csrfOf(await agentLogin.text());
    const loginCookie = (agentLogin.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const res = await fetch(`${sim.webUrl}/archivist/demo`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: loginCookie },
      body: `csrf=${token}`,
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    const session = res.headers.getSetCookie().find((c) => c.startsWith('kanta_archivist='));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
    const csp = agentLogin.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
  });
});

describe('invalidation', () => {
  beforeAll(async () => {
    // Invalidating shows the document: its client's purpose of use comes first.
    await organiser.agent
      .post(`${doc(orgDoc)}/purpose`)
      .type('form')
      .send({ csrf: organiser.csrf, reason: 'error-investigation' })
      .expect(303);
  });

  it("needs the session CSRF token: missing, wrong, another session's or a cross-site origin is refused", async () => {
    const confirm = `${doc(orgDoc)}/invalidate/confirm`;
    const reason = 'Kirjattu väärälle asiakkaalle';
    const attempts = [
      organiser.agent.post(confirm).type('form').send({ reason }),
      organiser.agent
        .post(confirm)
        .type('form')
        .send({ reason, csrf: 'x'.repeat(43) }),
      organiser.agent.post(confirm).type('form').send({ reason, csrf: provider.csrf }),
      organiser.agent
        .post(confirm)
        .set('Origin', 'http://evil.example')
        .type('form')
        .send({ reason, csrf: organiser.csrf }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(403);
    }
    expect((await sim.running.store.getDocument(orgDoc))?.state).toBe('current');
  });

  it('needs a reason, at both steps', async () => {
    const first = await organiser.agent
      .post(`${doc(orgDoc)}/invalidate`)
      .type('form')
      .send({ csrf: organiser.csrf, reason: ' ' });
    expect(first.status).toBe(400);
    expect(first.text).toContain('Kirjoita mitätöinnin peruste');
    const confirm = await organiser.agent
      .post(`${doc(orgDoc)}/invalidate/confirm`)
      .type('form')
      .send({ csrf: organiser.csrf, reason: '' });
    expect(confirm.status).toBe(400);
    expect((await sim.running.store.getDocument(orgDoc))?.state).toBe('current');
  });

  it('asks for confirmation first, then invalidates and audits who, when and why', async () => {
    const reason = 'Kirjattu väärälle asiakkaalle';
    const step = await organiser.agent
      .post(`${doc(orgDoc)}/invalidate`)
      .type('form')
      .send({ csrf: organiser.csrf, reason });
    expect(step.status).toBe(200);
    expect(step.text).toContain('id="invalidate-confirm"');
    expect((await sim.running.store.getDocument(orgDoc))?.state).toBe('current');
    const done = await organiser.agent
      .post(`${doc(orgDoc)}/invalidate/confirm`)
      .type('form')
      .send({ csrf: organiser.csrf, reason });
    expect(done.status).toBe(303);
    const stored = await sim.running.store.getDocument(orgDoc);
    expect(stored?.state).toBe('invalidated');
    expect(stored?.invalidation).toMatchObject({
      via: 'archivist',
      reason,
      by: { kind: 'archivist', name: 'Aila Arkistonhoitaja' },
    });
    const page = await organiser.agent.get(doc(orgDoc));
    expect(page.text).toContain('Mitätöinyt Aila Arkistonhoitaja');
    const again = await organiser.agent
      .post(`${doc(orgDoc)}/invalidate/confirm`)
      .type('form')
      .send({ csrf: organiser.csrf, reason });
    expect(again.status).toBe(409);
  });
});

describe('usage log (käyttöloki)', () => {
  it('asks for the purpose of use before a search', async () => {
    const res = await organiser.agent.get('/archivist/search').query({ hetu: STORY_CLIENT.hetu });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Valitse käyttötarkoitus');
  });

  it('records a document view that the archivist sees in the log and the CSV; the other organisation does not', async () => {
    await organiser.agent
      .get('/archivist/search')
      .query({ hetu: STORY_CLIENT.hetu, reason: 'client-request', reasonText: 'pyyntö 42' });
    await organiser.agent.get(doc(orgDoc)).expect(200);
    const entries = await sim.running.archivist.usage.list({
      organisationOid: sim.demo.organiser.oid,
      documentId: orgDoc,
    });
    expect(entries[0]).toMatchObject({
      action: 'view',
      hetu: STORY_CLIENT.hetu,
      archivistName: 'Aila Arkistonhoitaja',
      reason: 'client-request: pyyntö 42',
    });
    const page = await organiser.agent.get('/archivist/usage-log');
    expect(page.text).toContain(encodeURIComponent(orgDoc));
    expect(page.text).toContain('Asiakkaan tietopyyntö: pyyntö 42');
    const csv = await organiser.agent.get('/archivist/usage-log.csv');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text).toMatch(
      new RegExp(
        `;Katselu;${STORY_CLIENT.hetu};${orgDoc.replace(/\./g, '\\.')};.*;Asiakkaan tietopyyntö: pyyntö 42;`,
      ),
    );
    const theirs = await provider.agent.get('/archivist/usage-log');
    expect(theirs.text).not.toContain(encodeURIComponent(orgDoc));
    expect(theirs.text).not.toContain('Aila Arkistonhoitaja');
  });
});
