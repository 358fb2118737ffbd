import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RULES } from '../../../server/rules/catalogue.js';
import { startKantaSim, type KantaSimInstance } from '../../../server/index.js';
import { clientPlanMessage, post } from '../../control/support/messages.js';

const CLIENT_A = '010181-900C';
const CLIENT_B = '180418A903L';

let sim: KantaSimInstance;
beforeAll(async () => {
  sim = await startKantaSim();
});
afterAll(async () => {
  await sim.stop();
});
beforeEach(async () => {
  await sim.control.reset();
});

const archive = async (hetu: string, headers: Record<string, string> = {}): Promise<string> => {
  const m = clientPlanMessage(sim, hetu);
  const answer = await post(sim, m.xml, { headers });
  expect(answer.ok && answer.ack().typeCode).toBe('AA');
  return m.id;
};

describe('the control API: health and its OpenAPI document', () => {
  it('health is ready', async () => {
    expect(await sim.control.health()).toMatchObject({ ready: true, database: true });
  });

  it('serves an OpenAPI 3.1 document naming every control path', async () => {
    const doc = (await (await fetch(`${sim.webUrl}/__sim/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const p of [
      '/__sim/health',
      '/__sim/reset',
      '/__sim/documents',
      '/__sim/journal',
      '/__sim/wait-for',
      '/__sim/faults',
      '/__sim/clock',
      '/__sim/snapshots',
      '/__sim/snapshots/{name}/restore',
      '/__sim/openapi.json',
      '/__sim/seed',
    ]) {
      expect(doc.paths).toHaveProperty([p]);
    }
  });
});

describe('the control API: documents and reset', () => {
  it('documents: filters by hetu, register, setId and status', async () => {
    const a = await archive(CLIENT_A);
    await archive(CLIENT_B);
    expect((await sim.control.documents()).total).toBe(2);
    const byHetu = await sim.control.documents({ hetu: CLIENT_A });
    expect(byHetu.documents.map((d) => d.id)).toEqual([a]);
    expect(byHetu.documents[0]).not.toHaveProperty('metadataJson');
    expect((await sim.control.documents({ setId: a })).total).toBe(1);
    expect((await sim.control.documents({ register: sim.demo.organiser.oid })).total).toBe(2);
    expect((await sim.control.documents({ register: sim.demo.provider.oid })).total).toBe(0);
    expect((await sim.control.documents({ status: 'invalidated' })).total).toBe(0);
    const bad = await fetch(`${sim.webUrl}/__sim/documents?colour=red`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
  });

  it('reset: everything, or one register keeper only, well under 100 ms', async () => {
    await archive(CLIENT_A);
    await sim.control.faults.add({ kind: 'delay', delayMs: 1 });
    await sim.control.clock.offset(60_000);
    const one = await sim.control.reset(sim.demo.provider.oid);
    expect(one.register).toBe(sim.demo.provider.oid);
    expect((await sim.control.documents()).total).toBe(1);
    expect(await sim.control.faults.list()).toHaveLength(1);
    const started = performance.now();
    const all = await sim.control.reset();
    expect(performance.now() - started).toBeLessThan(100);
    expect(all.durationMs).toBeLessThan(100);
    expect((await sim.control.documents()).total).toBe(0);
    expect(await sim.control.journal()).toEqual([]);
    expect(await sim.control.faults.list()).toEqual([]);
    expect((await sim.control.clock.get()).mode).toBe('real');
    expect((await fetch(`${sim.webUrl}/__sim/reset?register=not-an-oid`, { method: 'POST' })).status).toBe(
      400,
    );
  });

  it("reset of a register removes that register's documents and journal entries", async () => {
    await archive(CLIENT_A);
    await sim.control.reset(sim.demo.organiser.oid);
    expect((await sim.control.documents()).total).toBe(0);
    expect(await sim.control.journal({ organisation: sim.demo.organiser.oid })).toEqual([]);
  });
});

describe('the control API: journal and wait-for', () => {
  it('journal: every exchange with identity, interaction, service request, result, rules, duration, correlation id', async () => {
    const id = await archive(CLIENT_A, { 'X-Correlation-Id': 'ci-run-1' });
    const broken = await post(sim, '<not-xml');
    expect(broken.ok && broken.ack().typeCode).toBe('AR');
    const entries = await sim.control.journal();
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      correlationId: 'ci-run-1',
      organisation: sim.demo.organiser.oid,
      interaction: 'RCMR_IN200002FI01',
      serviceRequest: 'SP17',
      documentId: id,
      result: 'AA',
      httpStatus: 200,
      rules: [],
    });
    expect(entries[0]?.tlsSubject).toContain(sim.demo.organiser.oid);
    expect(entries[0]?.durationMs).toBeGreaterThan(0);
    expect(entries[1]).toMatchObject({ result: 'AR', rules: [RULES.WIRE_XML_MALFORMED.code] });
    expect(await sim.control.journal({ result: 'AR' })).toHaveLength(1);
    expect(await sim.control.journal({ rule: RULES.WIRE_XML_MALFORMED.code })).toHaveLength(1);
    expect(await sim.control.journal({ serviceRequest: 'SP1' })).toHaveLength(0);
    expect(await sim.control.journal({ interaction: 'RCMR_IN200002FI01' })).toHaveLength(1);
    expect(await sim.control.journal({ since: new Date(Date.now() + 60_000).toISOString() })).toHaveLength(0);
    expect((await fetch(`${sim.webUrl}/__sim/journal?result=MAYBE`)).status).toBe(400);
  });

  it('journal is capped by configuration', async () => {
    const small = await startKantaSim({ journalCap: 2 });
    try {
      for (let i = 0; i < 3; i++) {
        await post(small, '<broken');
      }
      const entries = await small.control.journal();
      expect(entries.map((e) => e.seq)).toEqual([2, 3]);
    } finally {
      await small.stop();
    }
  });

  it('wait-for: resolves when the document arrives, times out with 408 otherwise', async () => {
    const waiting = sim.control.waitFor({ kind: 'document', filter: { hetu: CLIENT_B }, timeoutMs: 10_000 });
    await new Promise((r) => setTimeout(r, 50));
    const id = await archive(CLIENT_B);
    const result = await waiting;
    expect(result).toMatchObject({ matched: true, kind: 'document', item: { id, hetu: CLIENT_B } });

    const journal = await sim.control.waitFor({
      kind: 'journal',
      filter: { documentId: id },
      timeoutMs: 1000,
    });
    expect(journal.matched && journal.kind === 'journal' && journal.item.result).toBe('AA');

    const res = await fetch(`${sim.webUrl}/__sim/wait-for`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'journal', filter: { result: 'AR' }, timeoutMs: 150 }),
    });
    expect(res.status).toBe(408);
    expect(await res.json()).toMatchObject({ matched: false, kind: 'journal' });
    const bad = await fetch(`${sim.webUrl}/__sim/wait-for`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'email' }),
    });
    expect(bad.status).toBe(400);
  });
});

describe('the control API: faults and clock', () => {
  it('faults: added, listed, removed one by one and cleared', async () => {
    const a = await sim.control.faults.add({ kind: 'ae', serviceRequest: 'SP17' });
    await sim.control.faults.add({ kind: 'delay', delayMs: 10, times: 3 });
    expect(a).toMatchObject({ id: expect.any(String), kind: 'ae', hits: 0 });
    expect((await sim.control.faults.list()).map((f) => f.kind)).toEqual(['ae', 'delay']);
    await sim.control.faults.clear(a.id);
    expect((await sim.control.faults.list()).map((f) => f.kind)).toEqual(['delay']);
    await sim.control.faults.clear();
    expect(await sim.control.faults.list()).toEqual([]);
    const bad = await fetch(`${sim.webUrl}/__sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'ae', rule: 'NO_SUCH_RULE' }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('rule');
    expect((await fetch(`${sim.webUrl}/__sim/faults/fault-999`, { method: 'DELETE' })).status).toBe(404);
  });

  it('clock: fixed time shows in the acknowledgement and archivedAt; offset and reset', async () => {
    const fixed = await sim.control.clock.set('2027-03-01T12:00:00.000Z');
    expect(fixed).toMatchObject({ mode: 'fixed', now: '2027-03-01T12:00:00.000Z' });
    const m = clientPlanMessage(sim, CLIENT_A);
    const answer = await post(sim, m.xml);
    expect(answer.ok && answer.body).toContain('20270301');
    const [doc] = (await sim.control.documents()).documents;
    expect(doc?.archivedAt).toBe('2027-03-01T12:00:00.000Z');
    const offset = await sim.control.clock.offset(-86_400_000);
    expect(offset.mode).toBe('offset');
    expect(Math.abs(new Date(offset.now).getTime() - (Date.now() - 86_400_000))).toBeLessThan(5_000);
    expect((await sim.control.clock.reset()).mode).toBe('real');
    const bad = await fetch(`${sim.webUrl}/__sim/clock`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'fixed', at: 'tomorrow' }),
    });
    expect(bad.status).toBe(400);
  });

  it('clock ten years ahead: the TLS client certificate has expired', async () => {
    await sim.control.clock.offset(10 * 365 * 86_400_000);
    const answer = await post(sim, clientPlanMessage(sim, CLIENT_A).xml);
    if (!answer.ok) {
      throw answer.error;
    }
    expect(answer.ack().typeCode).toBe('AR');
    expect(answer.ack().details.map((d) => d.code)).toContain(RULES.TLS_CLIENT_CERT_UNTRUSTED.code);
  });
});

describe('the control API: snapshots and seed', () => {
  it('snapshots: save, change, restore', async () => {
    const kept = await archive(CLIENT_A);
    const saved = await sim.control.snapshot('one-document');
    expect(saved).toMatchObject({ name: 'one-document' });
    await archive(CLIENT_B);
    await sim.control.reset();
    expect((await sim.control.documents()).total).toBe(0);
    const restored = await sim.control.restore('one-document');
    expect(restored.name).toBe('one-document');
    const docs = await sim.control.documents();
    expect(docs.documents.map((d) => d.id)).toEqual([kept]);
    const list = (await (await fetch(`${sim.webUrl}/__sim/snapshots`)).json()) as {
      snapshots: { name: string }[];
    };
    expect(list.snapshots.map((s) => s.name)).toContain('one-document');
    await expect(sim.control.restore('never-saved')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(sim.control.snapshot('bad name!')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('seed: organisations, professionals, identities and pre-archived documents', async () => {
    const result = await sim.control.seed({
      organisations: [
        {
          oid: '1.2.246.10.55555555.10.0',
          name: 'Seedikunta',
          units: [{ oid: '1.2.246.10.55555555.10.1', name: 'Perhepalvelut' }],
        },
      ],
      professionals: [{ regno: '25104559652', name: 'Olli Ohjaaja' }],
      identities: [{ hetu: CLIENT_B, given: ['Siiri'], family: 'Seed', gender: '2' }],
      documents: [
        {
          template: 'client-plan',
          organisation: '1.2.246.10.55555555.10.0',
          hetu: CLIENT_B,
          professional: '25104559652',
        },
        { template: 'initiation', organisation: sim.demo.organiser.oid, hetu: CLIENT_B },
      ],
    });
    expect(result.organisations.created).toEqual(['1.2.246.10.55555555.10.0']);
    expect(result.documents).toHaveLength(2);
    expect((await sim.control.documents({ register: '1.2.246.10.55555555.10.0' })).total).toBe(1);
    const ids = (await (await fetch(`${sim.webUrl}/__sim/identities`)).json()) as {
      identities: { hetu: string }[];
      sentinels: unknown[];
    };
    expect(ids.identities.map((i) => i.hetu)).toContain(CLIENT_B);
    expect(ids.sentinels.length).toBeGreaterThan(0);
    await expect(
      sim.control.seed({
        identities: [{ hetu: '010181-123N', given: ['Real'], family: 'Person', gender: '1' }],
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(sim.control.seed({ plants: [] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
