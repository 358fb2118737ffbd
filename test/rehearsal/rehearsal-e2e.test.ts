/**
 * The deployment-test rehearsal end to end: each shipped test case is generated, sent over the Kanta
 * interface with mutual TLS, and judged through the JSON API; then a run with three deliberate mistakes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTestCaseMessages, type GeneratedMessage } from '../../server/rehearsal/generate-messages.js';
import type { RehearsalVerdict } from '../../server/rehearsal/rehearsal-service.js';
import { TestCaseLibrary } from '../../server/rehearsal/test-case.js';
import { defaultIdentityName } from '../../server/rehearsal/test-identities.js';
import { send, startKantaSim, type KantaSimInstance } from '../support/sim.js';

async function api<T>(
  sim: KantaSimInstance,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: T }> {
  const res = await fetch(`${sim.webUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as T };
}

async function sendAll(sim: KantaSimInstance, messages: readonly GeneratedMessage[]): Promise<void> {
  for (const m of messages) {
    const as = m.senderOid === sim.demo.provider.oid ? sim.demo.provider : sim.demo.organiser;
    const res = await send(sim, m.messageXml, { as });
    expect(res.ack.typeCode, `${m.key} was refused:\n${res.body.slice(0, 3000)}`).toBe('AA');
  }
}

describe('rehearsing the deployment test', () => {
  let sim: KantaSimInstance;
  const library = new TestCaseLibrary();
  beforeAll(async () => {
    sim = await startKantaSim();
    const provider = sim.demo.provider;
    const onboarding = await api(sim, 'PUT', `/__sim/onboarding/${provider.oid}`, {
      organisationName: provider.name,
      role: 'provider',
      units: provider.units,
      registerAccessRights: [
        {
          organiserOid: sim.demo.organiser.oid,
          organiserName: sim.demo.organiser.name,
          serviceUnitOid: provider.units[0]?.oid,
          serviceTasks: ['24'],
          startDate: '2020-01-01',
        },
      ],
      clientSystem: { name: 'Perhetyö Pro', version: '4.2.1' },
    });
    expect(onboarding.status).toBe(200);
  });
  afterAll(async () => {
    await sim.stop();
  });

  const cases = [
    { name: 'lapsiperheiden-palvelut', hetu: '010181-900C', runner: 'organiser' as const, runId: 101 },
    { name: 'lastensuojelu', hetu: '180418A903L', runner: 'organiser' as const, runId: 102 },
    { name: 'palveluntuottaja', hetu: '200111A904P', runner: 'provider' as const, runId: 103 },
    { name: 'vanhat-tiedot', hetu: '010181-901D', runner: 'organiser' as const, runId: 104 },
  ];

  it.each(cases)(
    '$name passes when the client system sends every document right',
    async ({ name, hetu, runner, runId }) => {
      const organisation = runner === 'provider' ? sim.demo.provider : sim.demo.organiser;
      const started = await api<{ id: string }>(sim, 'POST', '/__sim/rehearsals', {
        organisationOid: organisation.oid,
        caseName: name,
        hetu,
        requireClientSystemCheck: false,
      });
      expect(started.status).toBe(201);
      const messages = generateTestCaseMessages({
        testCase: library.get(name),
        organisation,
        organiser: sim.demo.organiser,
        identity: { hetu, ...defaultIdentityName(hetu) },
        professional: sim.demo.professional,
        at: sim.running.clock.now(),
        runId,
      });
      await sendAll(sim, messages);
      const { status, json: verdict } = await api<RehearsalVerdict>(
        sim,
        'GET',
        `/__sim/rehearsals/${started.json.id}`,
      );
      expect(status).toBe(200);
      expect(verdict.evaluation.findings).toEqual([]);
      expect(verdict.passed).toBe(true);
      expect(
        verdict.evaluation.checklist.every((i) => i.checks.archived && i.checks.inExpectedRegister),
      ).toBe(true);
    },
  );

  it('fails with exactly a missing document, a wrong register and a wrong service task', async () => {
    const hetu = '010181-902E';
    const started = await api<{ id: string }>(sim, 'POST', '/__sim/rehearsals', {
      organisationOid: sim.demo.organiser.oid,
      caseName: 'lapsiperheiden-palvelut',
      hetu,
      requireClientSystemCheck: false,
    });
    const common = {
      testCase: library.get('lapsiperheiden-palvelut'),
      identity: { hetu, ...defaultIdentityName(hetu) },
      professional: sim.demo.professional,
      at: sim.running.clock.now(),
    };
    const right = generateTestCaseMessages({
      ...common,
      organisation: sim.demo.organiser,
      runId: 501,
      deviations: { paatos: { omit: true }, arviointi: { omit: true }, kertomus: { serviceTask: '26' } },
    });
    // The assessment lands in the provider's register: sent with its credentials, in the organiser's case.
    const wrongRegister = generateTestCaseMessages({
      ...common,
      organisation: sim.demo.provider,
      runId: 502,
      caseIds: { A: right.find((m) => m.caseId !== undefined)?.caseId ?? '' },
      deviations: { arviointi: { register: { oid: sim.demo.provider.oid, name: sim.demo.provider.name } } },
    }).filter((m) => m.key === 'arviointi');
    await sendAll(sim, [...right, ...wrongRegister]);

    const { json: verdict } = await api<RehearsalVerdict>(sim, 'GET', `/__sim/rehearsals/${started.json.id}`);
    expect(verdict.passed).toBe(false);
    expect(verdict.evaluation.result).toBe('failed');
    expect(verdict.evaluation.findings.map((f) => ({ kind: f.kind, key: f.key, field: f.field }))).toEqual([
      { kind: 'wrong-register', key: 'arviointi', field: undefined },
      { kind: 'missing', key: 'paatos', field: undefined },
      { kind: 'metadata-mismatch', key: 'kertomus', field: 'serviceTask' },
    ]);
    expect(verdict.evaluation.missing).toEqual(['paatos']);
    expect(verdict.evaluation.unexpected).toEqual([]);

    const html = await fetch(`${sim.webUrl}/__sim/rehearsals/${started.json.id}/report.html`);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    const page = await html.text();
    expect(page).toContain('SHA käyttöönottokoe');
    expect(page).toContain(wrongRegister[0]?.documentId);
    const pdf = Buffer.from(
      await (await fetch(`${sim.webUrl}/__sim/rehearsals/${started.json.id}/report.pdf`)).arrayBuffer(),
    );
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const eml = await (await fetch(`${sim.webUrl}/__sim/rehearsals/${started.json.id}/report.eml`)).text();
    expect(eml).toMatch(/^To: kayttoonottokoe@kanta\.invalid\r\n/);
    expect(eml).toContain('Subject: =?UTF-8?B?');
  });

  it('answers an unknown rehearsal with REHEARSAL_UNKNOWN', async () => {
    const res = await api<{ error: { code: string } }>(sim, 'GET', '/__sim/rehearsals/r-nope');
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('REHEARSAL_UNKNOWN');
  });
});
