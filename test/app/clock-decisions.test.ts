/**
 * One clock: every time-dependent decision reads the simulated clock (`/__sim/clock`), never the machine's:
 * the TLS client certificate's identity, the signing certificate and signing time, the register access
 * right's dates, the working days of the deployment-test report and the journal's times. Each test moves
 * the clock over the control API and sends over mutual TLS.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatIsoDate } from '../../server/hl7/time.js';
import { clientPlan } from '../../server/cda/templates-documents.js';
import { organisationCredentials, type OrganisationCredentials } from '../../server/index.js';
import { addOrganisation } from '../../server/pki/organisations.js';
import { finnishDate, reportDeadline } from '../../server/rehearsal/working-days.js';
import { RULES } from '../../server/rules/catalogue.js';
import { buildSignedMessage } from '../../server/samples/signed-message.js';
import { send, startKantaSim, type KantaSimInstance } from '../support/sim.js';
import {
  api,
  archive,
  author,
  CLIENT,
  day,
  hl7Query,
  isoDay,
  newOid,
  OTHER_CLIENT,
  organiserPlan,
  providerRight,
  relationship,
} from './kanta/lifecycle-support.js';

const THEN = '2016-06-01T10:00:00.000Z';

let sim: KantaSimInstance;
/** An organisation whose certificates were issued in 2015: valid until 2018, expired in real time. */
let oldOrg: OrganisationCredentials;
beforeAll(async () => {
  sim = await startKantaSim();
  oldOrg = await organisationCredentials(
    await addOrganisation(sim.dataDir, {
      oid: '1.2.246.10.24681357.10.0',
      name: 'Vanhan ajan kunta',
      units: [{ oid: '1.2.246.10.24681357.10.100', name: 'Vanhan ajan perhepalvelut' }],
      now: new Date('2015-01-01T10:00:00Z'),
    }),
  );
});
afterEach(async () => {
  await sim.control.clock.reset();
});
afterAll(async () => {
  await sim.stop();
});

/** A client plan of the old organisation's own register, dated and signed at `at`. */
function oldPlan(at: Date): string {
  const spec = clientPlan({
    id: newOid(oldOrg),
    caseId: newOid(oldOrg, 96),
    client: CLIENT,
    organiser: { oid: oldOrg.oid, name: oldOrg.name },
    serviceUnit: oldOrg.units[0] as { oid: string; name: string },
    author: author(sim),
    date: at,
  });
  const pro = sim.demo.professional;
  return buildSignedMessage({
    spec,
    serviceRequest: 'SP17',
    senderOid: oldOrg.oid,
    messageId: { root: oldOrg.oid, extension: newOid(oldOrg, 77) },
    creationTime: at,
    system: { keyPem: oldOrg.signingKeyPem, certPem: oldOrg.signingCertPem },
    professionals: [{ keyPem: pro.keyPem, certPem: pro.certPem, regNo: pro.regno }],
  }).messageXml;
}

describe('one clock: certificates and signing time', () => {
  it('judges the TLS client certificate and the signing certificate at the simulated time', async () => {
    // In real time the organisation's certificates have expired.
    const now = await api(sim, `/clients/${CLIENT.hetu}/summary`, oldOrg);
    expect(now.status).toBe(403);
    expect(now.body).toMatchObject({ error: { details: { rule: RULES.TLS_CLIENT_CERT_UNTRUSTED.code } } });

    await sim.control.clock.set(THEN);
    const then = await api(sim, `/clients/${CLIENT.hetu}/summary`, oldOrg);
    expect(then.status).toBe(404); // identified: the register simply holds nothing of this client yet
    expect(then.body).toMatchObject({
      error: { details: { rule: RULES.QUERY_CLIENT_NOT_IN_REGISTER.code } },
    });
    const answer = await send(sim, oldPlan(new Date(THEN)), { as: oldOrg });
    expect(answer.ack.details.filter((d) => d.typeCode === 'E')).toEqual([]);
    expect(answer.ack.typeCode).toBe('AA');
    const [stored] = (await sim.control.documents({ register: oldOrg.oid })).documents;
    expect(stored?.archivedAt).toBe(THEN);

    // Past the certificates' end (2018) the same organisation is no longer trusted.
    await sim.control.clock.set('2019-06-01T10:00:00.000Z');
    const after = await send(sim, oldPlan(new Date('2019-06-01T09:00:00.000Z')), { as: oldOrg });
    expect(after.ack.details.map((d) => d.code)).toEqual([RULES.TLS_CLIENT_CERT_UNTRUSTED.code]);
  });

  it('refuses a signing time that lies in the future of the simulated clock', async () => {
    await sim.control.clock.set(day(-3).toISOString());
    // signed at real now, three days after the simulated now
    const answer = await archive(sim, organiserPlan(sim, OTHER_CLIENT, day(-4)));
    expect(answer.typeCode).toBe('AE');
    expect(answer.codes).toContain(RULES.SIG_TIMESTAMP_INVALID.code);
  });
});

describe('one clock: dates, deadlines and the journal', () => {
  it("reads the register access right's dates at the simulated date", async () => {
    expect(
      await archive(sim, relationship(sim, OTHER_CLIENT, [providerRight(sim, isoDay(-30), isoDay(-8))])),
    ).toEqual({ typeCode: 'AA', codes: [] });
    const provider = sim.demo.provider;
    expect((await api(sim, `/clients/${OTHER_CLIENT.hetu}/summary`, provider)).status).toBe(404);
    await sim.control.clock.set(day(-10).toISOString());
    expect((await api(sim, `/clients/${OTHER_CLIENT.hetu}/summary`, provider)).status).toBe(200);
    expect((await hl7Query(sim, 'SP32', { hetu: OTHER_CLIENT.hetu }, provider)).ack.typeCode).toBe('AA');
    await sim.control.clock.set(day(-40).toISOString()); // before the right starts
    expect((await api(sim, `/clients/${OTHER_CLIENT.hetu}/summary`, provider)).status).toBe(404);
  });

  it('counts the report deadline in working days from the simulated test day', async () => {
    const testDay = '2030-12-23T09:00:00.000Z'; // a Monday before Christmas
    await sim.control.clock.set(testDay);
    const started = await fetch(`${sim.webUrl}/__sim/rehearsals`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        organisationOid: sim.demo.organiser.oid,
        caseName: 'lapsiperheiden-palvelut',
        hetu: CLIENT.hetu,
        requireClientSystemCheck: false,
      }),
    });
    expect(started.status, await started.clone().text()).toBe(201);
    const { id } = (await started.json()) as { id: string };
    const html = await (await fetch(`${sim.webUrl}/__sim/rehearsals/${id}/report.html`)).text();
    const deadline = finnishDate(reportDeadline(new Date(testDay)));
    expect(deadline).toBe('30.12.2030'); // 24-26 December are holidays, 28-29 a weekend
    expect(html).toContain(deadline);
    expect(html).not.toContain(finnishDate(reportDeadline(new Date())));
  });

  it('writes journal times at the simulated time', async () => {
    await sim.control.clock.set(THEN);
    await api(sim, `/clients/${CLIENT.hetu}/summary`, oldOrg);
    await send(sim, oldPlan(new Date(THEN)), { as: oldOrg });
    const [entry] = await sim.control.journal({ organisation: oldOrg.oid, limit: 1 });
    expect(entry?.time.slice(0, 10)).toBe(formatIsoDate(new Date(THEN)));
  });
});
