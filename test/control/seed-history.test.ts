/**
 * Seeds date history and apply whole or not at all (POST /__sim/seed): documents are signed at their own
 * past dates and verify against the test PKI (valid from 2008 by default); a scenario with one document the
 * archive would refuse stores nothing, registers no organisation and answers a 4xx JSON naming the entry.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTestPki } from '../../server/pki/test-pki.js';
import { RULES } from '../../server/rules/catalogue.js';
import { startKantaSim, type KantaSimInstance } from '../support/sim.js';

const HETU = '200111A904P';
const NEW_ORG = '1.2.246.10.56565656.10.0';
const identities = [{ hetu: HETU, given: ['Emil'], family: 'Esimerkki', gender: '1' }];
const newOrganisation = {
  oid: NEW_ORG,
  name: 'Historiakunta',
  units: [{ oid: '1.2.246.10.56565656.10.1', name: 'Historiakunnan perhepalvelut' }],
};

async function seed(sim: KantaSimInstance, scenario: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${sim.webUrl}/__sim/seed`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(scenario),
  });
  return { status: res.status, body: await res.json() };
}

describe('seeding history', () => {
  let sim: KantaSimInstance;
  beforeAll(async () => {
    sim = await startKantaSim();
  });
  afterAll(async () => {
    await sim.stop();
  });

  it('applies nothing when one document would be refused, and names that entry', async () => {
    const answer = await seed(sim, {
      organisations: [newOrganisation],
      identities,
      documents: [
        { template: 'initiation', organisation: NEW_ORG, hetu: HETU, date: '2016-03-01T10:00:00Z' },
        // signed a year after the simulated now: the archive refuses the signing time
        { template: 'client-plan', organisation: NEW_ORG, hetu: HETU, date: nextYear() },
      ],
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      error: {
        code: 'BAD_REQUEST',
        message: expect.stringContaining('documents[1]'),
        details: { entry: 'documents[1]', rules: [RULES.SIG_TIMESTAMP_INVALID.code] },
      },
    });
    expect((await sim.control.documents({ hetu: HETU })).total).toBe(0);
    expect((await sim.control.documents({ register: NEW_ORG })).total).toBe(0);
    // the organisation registered for signing was removed again
    expect(await seed(sim, { organisations: [newOrganisation] })).toMatchObject({
      status: 200,
      body: { organisations: { created: [NEW_ORG], existing: [] } },
    });
  });

  it('refuses a document id seeded twice, storing nothing', async () => {
    const twice = { template: 'initiation', organisation: NEW_ORG, hetu: HETU, id: `${NEW_ORG}.95.1` };
    const answer = await seed(sim, { identities, documents: [twice, twice] });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { details: { entry: 'documents[1]' } } });
    expect((await sim.control.documents({ hetu: HETU })).total).toBe(0);
  });

  it('signs documents at their own past dates, and they verify', async () => {
    const answer = await seed(sim, {
      identities,
      documents: [
        { template: 'initiation', organisation: NEW_ORG, hetu: HETU, date: '2009-02-02T10:00:00Z' },
        { template: 'client-plan', organisation: NEW_ORG, hetu: HETU, date: '2016-05-02T10:00:00Z' },
        {
          template: 'decision',
          organisation: sim.demo.organiser.oid,
          hetu: HETU,
          date: '2026-09-01T10:00:00Z',
        },
      ],
    });
    expect(answer.status).toBe(200);
    const { documents } = await sim.control.documents({ hetu: HETU });
    expect(documents.map((d) => d.effectiveTime?.slice(0, 8)).sort()).toEqual([
      '20090202',
      '20160502',
      '20260901',
    ]);
    const stored = await sim.running.store.getDocumentBytes(
      documents.find((d) => d.effectiveTime?.startsWith('2009'))?.id ?? '',
    );
    expect(stored?.toString('utf8')).toContain('2009-02-02T10:00:00.000Z</hl7fi:signatureTimestamp>');
  });
});

describe('a data directory whose PKI was made before pkiValidFrom', () => {
  it('keeps that PKI and says at start-up how to get one that reaches back', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kanta-sim-old-pki-'));
    try {
      const made = await ensureTestPki(dataDir, { validFrom: new Date() }); // as before pkiValidFrom existed
      const warnings: string[] = [];
      const sim = await startKantaSim({
        dataDir,
        logger: { info: () => undefined, error: () => undefined, warn: (m) => warnings.push(m) },
      });
      try {
        expect(sim.caBundlePem).toBe(made.caBundlePem);
        expect(warnings.join('\n')).toMatch(/made before pkiValidFrom 2008-01-01.*new data directory/s);
      } finally {
        await sim.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

function nextYear(): string {
  return new Date(Date.now() + 365 * 86_400_000).toISOString();
}
