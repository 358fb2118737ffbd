/**
 * The deployment-test pages' states over HTTP: no result while documents are awaited, finish (the verdict
 * kept, who and when) and cancel (asked first, no verdict) as CSRF-protected forms, deviations worded in
 * the reader's language, and a refused start that points at its field and keeps what was chosen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTestCaseMessages } from '../../../server/rehearsal/generate-messages.js';
import { TestCaseLibrary } from '../../../server/rehearsal/test-case.js';
import { defaultIdentityName } from '../../../server/rehearsal/test-identities.js';
import { signInDemo, type SignedIn } from '../../archivist/support.js';
import { send, startKantaSim, type KantaSimInstance } from '../../support/sim.js';

const CASE = 'lapsiperheiden-palvelut';
let sim: KantaSimInstance;
let archivist: SignedIn;
beforeAll(async () => {
  sim = await startKantaSim();
  archivist = await signInDemo(sim);
});
afterAll(async () => {
  await sim.stop();
});

async function start(hetu: string): Promise<string> {
  const res = await archivist.agent
    .post('/archivist/deployment-tests')
    .type('form')
    .send({ csrf: archivist.csrf, caseName: CASE, hetu })
    .expect(303);
  const path = res.headers.location as string;
  // The rehearsal's page shows the test client's data: its purpose of use is stated first.
  await archivist.agent
    .post(`${path}/purpose`)
    .type('form')
    .send({ csrf: archivist.csrf, reason: 'deployment-test' })
    .expect(303);
  return path;
}

/** Sends the case's documents for the hetu, with the changes asked for; all must be archived. */
async function sendCase(hetu: string, runId: number, deviations = {}): Promise<void> {
  const messages = generateTestCaseMessages({
    testCase: new TestCaseLibrary().get(CASE),
    organisation: sim.demo.organiser,
    organiser: sim.demo.organiser,
    identity: { hetu, ...defaultIdentityName(hetu) },
    professional: sim.demo.professional,
    at: sim.running.clock.now(),
    runId,
    deviations,
  });
  for (const m of messages) {
    expect((await send(sim, m.messageXml)).ack.typeCode, m.key).toBe('AA');
  }
}

describe('the state of a rehearsal', () => {
  it('waits for documents right after start, with no result and no deviations', async () => {
    const page = await archivist.agent.get(await start('010181-903F')).expect(200);
    expect(page.text).toContain('data-state="waiting"');
    expect(page.text).toContain('Odottaa asiakirjoja');
    expect(page.text).not.toContain('data-result=');
    expect(page.text).not.toContain('Hylätty');
    expect(page.text).toContain('Ei poikkeamia.');
    expect(page.text).toMatch(/<caption>Odotetut asiakirjat ja niiden tarkistukset<\/caption>/);
    const list = await archivist.agent.get('/archivist/deployment-tests').expect(200);
    expect(list.text).toContain('data-state="waiting"');
    // Each test case with the state of its latest rehearsal; a case never rehearsed is not started.
    expect(list.text).toMatch(
      /<tr data-case="lapsiperheiden-palvelut">(?:(?!<\/tr>)[\s\S])*data-state="waiting"/,
    );
    expect(list.text).toMatch(
      /<tr data-case="lastensuojelu">(?:(?!<\/tr>)[\s\S])*data-state="not-started">Ei aloitettu/,
    );
    expect(list.text).toMatch(/<caption>[^<]+<\/caption>/);
  });

  it('is in progress once documents arrived but nobody compared them', async () => {
    const path = await start('010181-904H');
    await sendCase('010181-904H', 41);
    const page = await archivist.agent.get(path).expect(200);
    expect(page.text).toContain('data-state="in-progress"');
    expect(page.text).not.toContain('data-result=');
  });

  it('finishes from a CSRF-protected form, keeping the verdict and who finished it', async () => {
    const path = await start('010181-905J');
    await archivist.agent.post(`${path}/finish`).type('form').send({}).expect(403);
    await archivist.agent.post(`${path}/finish`).type('form').send({ csrf: archivist.csrf }).expect(303);
    const page = await archivist.agent.get(path).expect(200);
    expect(page.text).toContain('data-state="finished"');
    expect(page.text).toContain('data-result="failed"');
    expect(page.text).toMatch(/Päättänyt [^<]+ \d/);
    expect(page.text).not.toContain('id="finish-rehearsal"');
    // Finished, what never arrived is missing and a deviation.
    expect(page.text).toContain('Puuttuvat asiakirjat');
    expect(page.text).toContain('data-kind="missing"');
    // Nothing is awaited any more: the checks that have no answer say they were not made.
    expect(page.text).not.toContain('Ei vielä');
    expect(page.text).toContain('Ei tarkistettu');
    const id = decodeURIComponent(path.split('/').pop() ?? '');
    const stored = await sim.running.rehearsal.rehearsals.get(id);
    expect(stored).toMatchObject({ status: 'finished', finalResult: 'failed' });
    expect(stored.finishedBy).toBeTruthy();
    // Documents archived after finishing are not judged: the kept verdict and the checklist stay.
    await sendCase('010181-905J', 42);
    const later = await archivist.agent.get(path).expect(200);
    expect(later.text).toContain('data-result="failed"');
    expect(later.text).not.toContain('class="tick ok"');
  });

  it('cancels only after confirmation, and then shows no result', async () => {
    const path = await start('010181-906K');
    const confirm = await archivist.agent
      .post(`${path}/cancel`)
      .type('form')
      .send({ csrf: archivist.csrf })
      .expect(200);
    expect(confirm.text).toContain('id="cancel-confirm"');
    expect(confirm.text).toContain(`action="${path}/cancel/confirm"`);
    const id = decodeURIComponent(path.split('/').pop() ?? '');
    expect((await sim.running.rehearsal.rehearsals.get(id)).status).toBe('running');
    await archivist.agent.post(`${path}/cancel/confirm`).type('form').send({}).expect(403);
    await archivist.agent
      .post(`${path}/cancel/confirm`)
      .type('form')
      .send({ csrf: archivist.csrf })
      .expect(303);
    const page = await archivist.agent.get(path).expect(200);
    expect(page.text).toContain('data-state="cancelled"');
    expect(page.text).toMatch(/Perunut [^<]+ \d/);
    expect(page.text).not.toContain('data-result=');
    expect(page.text).not.toContain('id="cancel-rehearsal"');
    // A second click changes nothing.
    await archivist.agent.post(`${path}/finish`).type('form').send({ csrf: archivist.csrf }).expect(303);
    expect((await sim.running.rehearsal.rehearsals.get(id)).status).toBe('cancelled');
  });

  it('words the deviations in Swedish for a Swedish reader, with no English left', async () => {
    const path = await start('010181-907L');
    await sendCase('010181-907L', 43, { kertomus: { serviceTask: '26' }, paatos: { omit: true } });
    await archivist.agent.post(`${path}/finish`).type('form').send({ csrf: archivist.csrf }).expect(303);
    await archivist.agent.get('/archivist/prefs?lang=sv').expect(303);
    try {
      const page = await archivist.agent.get(path).expect(200);
      const findings = /<ol class="findings"[^>]*>([\s\S]*?)<\/ol>/.exec(page.text)?.[1] ?? '';
      expect(findings).toContain('data-kind="missing"');
      expect(findings).toContain('inte arkiverat');
      expect(findings).toContain('serviceuppgift är 26, förväntades 24');
      expect(findings).not.toMatch(/\b(expected|not archived|has|document)\b/);
      expect(page.text).toContain('Underkänd');
      expect(page.text).toContain('<caption>Förväntade dokument och deras kontroller</caption>');
    } finally {
      await archivist.agent.get('/archivist/prefs?lang=fi').expect(303);
    }
  });
});

describe('a refused start', () => {
  it('answers 400 with the reason at the hetu field, keeping the chosen case and hetu', async () => {
    const res = await archivist.agent
      .post('/archivist/deployment-tests')
      .type('form')
      .send({ csrf: archivist.csrf, caseName: 'lastensuojelu', hetu: '010181-123A' })
      .expect(400);
    expect(res.text).toMatch(/<input[^>]*id="hetu"[^>]*value="010181-123A"/);
    expect(res.text).toMatch(/<input[^>]*aria-describedby="hetu-error hetu-hint"[^>]*aria-invalid="true"/);
    expect(res.text).toMatch(/<option value="lastensuojelu" selected/);
    expect(res.text).toMatch(
      /<p class="alert alert-error field-error" role="alert" id="hetu-error">[^<]+<\/p>/,
    );
    expect(res.text).toContain('yksilönumeron on oltava 900–999');
    expect(res.text).not.toContain('is not a test identity');
  });

  it('asks for a hetu when none is handed to the organisation for the case', async () => {
    const res = await archivist.agent
      .post('/archivist/deployment-tests')
      .type('form')
      .send({ csrf: archivist.csrf, caseName: 'lastensuojelu', hetu: '' })
      .expect(400);
    expect(res.text).toContain('Organisaatiolle ei ole luovutettu testihenkilöä');
    expect(res.text).toMatch(/<input[^>]*aria-invalid="true"/);
    expect(res.text).toMatch(/<option value="lastensuojelu" selected/);
  });

  it('words a malformed hetu and an unknown case in the reader language, tied to their fields', async () => {
    await archivist.agent.get('/archivist/prefs?lang=en').expect(303);
    try {
      const bad = await archivist.agent
        .post('/archivist/deployment-tests')
        .type('form')
        .send({ csrf: archivist.csrf, caseName: CASE, hetu: 'not-a-hetu' })
        .expect(400);
      expect(bad.text).toContain('The personal identity code is not well formed');
      const unknown = await archivist.agent
        .post('/archivist/deployment-tests')
        .type('form')
        .send({ csrf: archivist.csrf, caseName: 'no-such-case', hetu: '010181-908M' })
        .expect(400);
      expect(unknown.text).toMatch(/<select[^>]*aria-invalid="true"[^>]*aria-describedby="caseName-error"/);
      expect(unknown.text).toContain('Choose a test case from the list.');
      expect(unknown.text).toMatch(/id="hetu"[^>]*value="010181-908M"/);
    } finally {
      await archivist.agent.get('/archivist/prefs?lang=fi').expect(303);
    }
  });
});
