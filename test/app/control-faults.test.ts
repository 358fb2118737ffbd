import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SENTINEL_IDENTITIES } from '../../server/control/sentinels.js';
import { RULES } from '../../server/rules/catalogue.js';
import { startKantaSim, type KantaSimInstance } from '../../server/index.js';
import { clientPlanMessage, post } from '../control/support/messages.js';

const TEST_CLIENT = '010181-900C';

let sim: KantaSimInstance;
beforeAll(async () => {
  sim = await startKantaSim();
});
afterAll(async () => {
  await sim.stop();
});
afterEach(async () => {
  await sim.control.reset();
});

describe('fault injection as a client sees it: the answers', () => {
  it('answers normally without faults (AA)', async () => {
    const answer = await post(sim, clientPlanMessage(sim, TEST_CLIENT).xml);
    expect(answer.ok && answer.ack().typeCode).toBe('AA');
  });

  it('ae: an AE naming the chosen rule, and nothing stored', async () => {
    await sim.control.faults.add({ kind: 'ae', rule: RULES.REGISTER_ACCESS_DENIED.code, times: 1 });
    const answer = await post(sim, clientPlanMessage(sim, TEST_CLIENT).xml);
    if (!answer.ok) {
      throw answer.error;
    }
    expect(answer.status).toBe(200);
    expect(answer.ack().typeCode).toBe('AE');
    expect(answer.ack().details.map((d) => d.code)).toEqual([RULES.REGISTER_ACCESS_DENIED.code]);
    expect((await sim.control.documents()).total).toBe(0);
    // times: 1 - the fault is used up, the next message is archived.
    expect(await sim.control.faults.list()).toEqual([]);
    const next = await post(sim, clientPlanMessage(sim, TEST_CLIENT).xml);
    expect(next.ok && next.ack().typeCode).toBe('AA');
  });

  it('ar: an AR (default rule SIM_FAULT_REJECTED) echoing the message id', async () => {
    await sim.control.faults.add({ kind: 'ar' });
    const answer = await post(sim, clientPlanMessage(sim, TEST_CLIENT).xml);
    if (!answer.ok) {
      throw answer.error;
    }
    expect(answer.ack().typeCode).toBe('AR');
    expect(answer.ack().details[0]?.code).toBe(RULES.SIM_FAULT_REJECTED.code);
    expect(answer.ack().targetMessageId?.root).toBe(sim.demo.organiser.oid);
  });

  it('http-503: HTTP 503 without an acknowledgement, journaled as HTTP_503', async () => {
    await sim.control.faults.add({ kind: 'http-503', serviceRequest: 'SP17' });
    const answer = await post(sim, clientPlanMessage(sim, TEST_CLIENT).xml, {
      headers: { 'X-Correlation-Id': 'case-503' },
    });
    expect(answer.ok && answer.status).toBe(503);
    expect(answer.ok && answer.headers['x-correlation-id']).toBe('case-503');
    const [entry] = await sim.control.journal({ correlationId: 'case-503' });
    expect(entry).toMatchObject({ result: 'HTTP_503', httpStatus: 503, fault: { kind: 'http-503' } });
  });

  it('soap-fault: HTTP 500 with a SOAP 1.2 Fault for a SOAP 1.2 request', async () => {
    await sim.control.faults.add({ kind: 'soap-fault' });
    const answer = await post(sim, clientPlanMessage(sim, TEST_CLIENT, { style: 'soap12' }).xml, {
      contentType: 'application/soap+xml; charset=utf-8',
    });
    if (!answer.ok) {
      throw answer.error;
    }
    expect(answer.status).toBe(500);
    expect(answer.headers['content-type']).toMatch(/application\/soap\+xml/);
    expect(answer.body).toContain('http://www.w3.org/2003/05/soap-envelope');
    expect(answer.body).toContain('<env:Fault>');
  });

  it('soap-fault: SOAP 1.1 Fault for a bare request', async () => {
    await sim.control.faults.add({ kind: 'soap-fault' });
    const answer = await post(sim, clientPlanMessage(sim, TEST_CLIENT).xml);
    expect(answer.ok && answer.body).toContain('<faultcode>soap:Server</faultcode>');
  });
});

describe('fault injection as a client sees it: timing, drops and matching', () => {
  it('delay: the answer really comes later (and is still AA)', async () => {
    await sim.control.faults.add({ kind: 'delay', delayMs: 400 });
    const answer = await post(sim, clientPlanMessage(sim, TEST_CLIENT).xml);
    expect(answer.ms).toBeGreaterThanOrEqual(400);
    expect(answer.ok && answer.ack().typeCode).toBe('AA');
  });

  it('drop: the connection really drops, no HTTP answer at all', async () => {
    await sim.control.faults.add({ kind: 'drop' });
    const answer = await post(sim, clientPlanMessage(sim, TEST_CLIENT).xml);
    expect(answer.ok).toBe(false);
    expect(answer.ok ? '' : answer.error.code).toMatch(/ECONNRESET|EPIPE/);
    const [entry] = await sim.control.journal({ result: 'DROPPED' });
    expect(entry?.fault?.kind).toBe('drop');
  });

  it('matches only the organisation, operation or service request it names', async () => {
    await sim.control.faults.add({ kind: 'ar', organisation: sim.demo.provider.oid });
    await sim.control.faults.add({ kind: 'ar', serviceRequest: 'SP1' });
    await sim.control.faults.add({ kind: 'ar', operation: 'archive-client-relationship-document' });
    const answer = await post(sim, clientPlanMessage(sim, TEST_CLIENT).xml);
    expect(answer.ok && answer.ack().typeCode).toBe('AA');
    await sim.control.faults.add({ kind: 'ae', operation: 'archive-client-document' });
    const hit = await post(sim, clientPlanMessage(sim, TEST_CLIENT).xml);
    expect(hit.ok && hit.ack().typeCode).toBe('AE');
  });

  it('probability 0 never fires', async () => {
    await sim.control.faults.add({ kind: 'drop', probability: 0 });
    const answer = await post(sim, clientPlanMessage(sim, TEST_CLIENT).xml);
    expect(answer.ok && answer.ack().typeCode).toBe('AA');
    expect((await sim.control.faults.list())[0]?.hits).toBe(0);
  });
});

describe('sentinel test identities, with no admin call', () => {
  const sentinel = (kind: string): string => {
    const s = SENTINEL_IDENTITIES.find((x) => x.fault.kind === kind);
    if (!s) {
      throw new Error(kind);
    }
    return s.hetu;
  };

  it('ae -> AE ARCHIVE_UNAVAILABLE', async () => {
    const answer = await post(sim, clientPlanMessage(sim, sentinel('ae')).xml);
    expect(answer.ok && answer.ack().details[0]?.code).toBe(RULES.ARCHIVE_UNAVAILABLE.code);
    expect(answer.ok && answer.ack().typeCode).toBe('AE');
  });
  it('ar -> AR', async () => {
    const answer = await post(sim, clientPlanMessage(sim, sentinel('ar')).xml);
    expect(answer.ok && answer.ack().typeCode).toBe('AR');
  });
  it('http-503 -> 503', async () => {
    const answer = await post(sim, clientPlanMessage(sim, sentinel('http-503')).xml);
    expect(answer.ok && answer.status).toBe(503);
  });
  it('soap-fault -> 500 SOAP fault', async () => {
    const answer = await post(sim, clientPlanMessage(sim, sentinel('soap-fault')).xml);
    expect(answer.ok && answer.status).toBe(500);
  });
  it('delay -> AA after 2 s', async () => {
    const answer = await post(sim, clientPlanMessage(sim, sentinel('delay')).xml);
    expect(answer.ms).toBeGreaterThanOrEqual(2000);
    expect(answer.ok && answer.ack().typeCode).toBe('AA');
  });
  it('drop -> connection dropped', async () => {
    const answer = await post(sim, clientPlanMessage(sim, sentinel('drop')).xml);
    expect(answer.ok).toBe(false);
  });
});
