/** The deployment-test pages over HTTP: register scoping, CSRF, and the report formats. */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfOf, signInDemo, type SignedIn } from '../../archivist/support.js';
import { startKantaSim, type KantaSimInstance } from '../../support/sim.js';

let sim: KantaSimInstance;
let organiser: SignedIn;
let rehearsalPath: string;
beforeAll(async () => {
  sim = await startKantaSim();
  organiser = await signInDemo(sim);
  const started = await organiser.agent
    .post('/archivist/deployment-tests')
    .type('form')
    .send({ csrf: organiser.csrf, caseName: 'lapsiperheiden-palvelut', hetu: '010181-900C' })
    .expect(303);
  rehearsalPath = started.headers.location as string;
  // The rehearsal's page shows the test client's data: its purpose of use is asked first.
  await organiser.agent
    .post(`${rehearsalPath}/purpose`)
    .type('form')
    .send({ csrf: organiser.csrf, reason: 'deployment-test' })
    .expect(303);
});
afterAll(async () => {
  await sim.stop();
});

describe("a rehearsal of the archivist's own organisation", () => {
  it('starts a rehearsal for the archivist own organisation and shows its checklist', async () => {
    expect(rehearsalPath).toMatch(/^\/archivist\/deployment-tests\/[^/]+$/);
    const page = await organiser.agent.get(rehearsalPath).expect(200);
    expect(page.text).toContain('Tarkistuslista');
    expect(page.text).toContain('data-check="archived"');
    const list = await organiser.agent.get('/archivist/deployment-tests').expect(200);
    expect(list.text).toContain(rehearsalPath);
  });

  it('lists what has not arrived as awaited while running and as missing once finished', async () => {
    const running = await organiser.agent.get(rehearsalPath).expect(200);
    expect(running.text).toContain('Vielä arkistoimatta');
    expect(running.text).toMatch(/<ul class="missing"[^>]*><li data-key=/);
    // The section the live feed refreshes: the test client's hetu lets the script match arrivals to it.
    expect(running.text).toContain('id="results"');
    expect(running.text).toContain('data-hetu="010181-900C"');
    const id = decodeURIComponent(rehearsalPath.split('/').pop()!);
    const started = await organiser.agent
      .post('/archivist/deployment-tests')
      .type('form')
      .send({ csrf: organiser.csrf, caseName: 'lastensuojelu', hetu: '010181-900C' })
      .expect(303);
    const otherId = decodeURIComponent((started.headers.location as string).split('/').pop()!);
    expect(otherId).not.toBe(id);
    await sim.running.rehearsal.rehearsals.finish(otherId);
    const finished = await organiser.agent.get(started.headers.location as string).expect(200);
    expect(finished.text).toContain('Puuttuvat asiakirjat');
    expect(finished.text).toContain('data-result="failed"');
  });

  it('serves the report as HTML, PDF and e-mail draft', async () => {
    const html = await organiser.agent.get(`${rehearsalPath}/report.html`).expect(200);
    expect(html.text).toContain('Demokylän hyvinvointialue');
    const pdf = await organiser.agent
      .get(`${rehearsalPath}/report.pdf`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const eml = await organiser.agent.get(`${rehearsalPath}/report.eml`).expect(200);
    expect(eml.headers['content-type']).toContain('message/rfc822');
  });
});

describe('what the archivist may not do', () => {
  it("hides the rehearsal from another organisation's archivist (404 on every URL)", async () => {
    const added = await sim.running.archivist.addArchivist({
      organisationOid: sim.demo.provider.oid,
      name: 'Pekka Palveluntuottaja',
      username: 'pekka',
      password: 'salainen-456',
    });
    expect(added.archivist.registerOids).not.toContain(sim.demo.organiser.oid);
    const agent = request.agent(sim.webUrl);
    const login = await agent.get('/archivist/login');
    await agent
      .post('/archivist/login')
      .type('form')
      .send({ csrf: csrfOf(login.text), username: 'pekka', password: 'salainen-456' })
      .expect(303);
    for (const suffix of ['', '/report.html', '/report.pdf', '/report.eml']) {
      await agent.get(`${rehearsalPath}${suffix}`).expect(404);
    }
    const list = await agent.get('/archivist/deployment-tests').expect(200);
    expect(list.text).not.toContain(rehearsalPath);
  });

  it('refuses to start a rehearsal without the form token or from another origin', async () => {
    await organiser.agent
      .post('/archivist/deployment-tests')
      .type('form')
      .send({ caseName: 'lastensuojelu', hetu: '010181-900C' })
      .expect(403);
    await organiser.agent
      .post('/archivist/deployment-tests')
      .set('Origin', 'https://evil.example')
      .type('form')
      .send({ csrf: organiser.csrf, caseName: 'lastensuojelu', hetu: '010181-900C' })
      .expect(403);
  });

  it('explains a refused start (a hetu that is not a test identity) on the page', async () => {
    const res = await organiser.agent
      .post('/archivist/deployment-tests')
      .type('form')
      .send({ csrf: organiser.csrf, caseName: 'lastensuojelu', hetu: '010181-123A' })
      .expect(400);
    expect(res.text).toContain('role="alert"');
  });

  it('logs the rehearsal views in the usage log', async () => {
    const log = await organiser.agent.get('/archivist/usage-log').expect(200);
    expect(log.text).toContain('Käyttöönottokoe');
  });
});
