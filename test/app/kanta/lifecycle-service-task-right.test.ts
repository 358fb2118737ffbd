/**
 * The right is scoped to the service task under which the client-relationship document lists the provider:
 * listed under 24 (families with children), the provider neither archives nor reads 25 (child protection).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSpec } from '../../../server/cda/build-spec.js';
import { clientPlan } from '../../../server/cda/templates-documents.js';
import { clientRelationshipDocument } from '../../../server/cda/templates-relationship.js';
import { RULES } from '../../../server/rules/catalogue.js';
import { startKantaSim, type KantaSimInstance } from '../../support/sim.js';
import {
  api,
  archive,
  author,
  CLIENT,
  day,
  hl7Query,
  isoDay,
  newOid,
  nextVersion,
  providerRight,
  relationship,
  organiserPlan,
} from './lifecycle-support.js';

let sim: KantaSimInstance;
let rel: DocumentSpec;
let organiser24: DocumentSpec;
let organiser25: DocumentSpec;
beforeAll(async () => {
  sim = await startKantaSim();
  rel = relationship(sim, CLIENT, [providerRight(sim, isoDay(-30))]); // listed under service task 24
  expect(await archive(sim, rel)).toEqual({ typeCode: 'AA', codes: [] });
  organiser24 = organiserPlan(sim, CLIENT, day(-6));
  organiser25 = organiserPlan(sim, CLIENT, day(-5), 'lastensuojelu');
  for (const spec of [organiser24, organiser25]) {
    expect(await archive(sim, spec)).toEqual({ typeCode: 'AA', codes: [] });
  }
});
afterAll(async () => {
  await sim.stop();
});

function providerPlan(serviceTask: 'lapsiperheidenPalvelut' | 'lastensuojelu'): DocumentSpec {
  const org = sim.demo.organiser;
  const provider = sim.demo.provider;
  return clientPlan({
    id: newOid(provider),
    caseId: newOid(org, 96),
    client: CLIENT,
    organiser: { oid: org.oid, name: org.name },
    serviceUnit: provider.units[0] as { oid: string; name: string },
    author: author(sim),
    date: day(-4),
    serviceTask,
  });
}

describe('the register access right ends at its service task: archiving and listing', () => {
  it('refuses a provider document of another service task, and takes one of the listed task', async () => {
    const from = { from: sim.demo.provider };
    expect(await archive(sim, providerPlan('lastensuojelu'), from)).toEqual({
      typeCode: 'AE',
      codes: [RULES.REGISTER_RIGHT_SERVICE_TASK_NOT_LISTED.code],
    });
    expect(await archive(sim, providerPlan('lapsiperheidenPalvelut'), from)).toEqual({
      typeCode: 'AA',
      codes: [],
    });
  });

  it("lists none of the organiser's documents of another service task to the provider (JSON API)", async () => {
    const provider = sim.demo.provider;
    const list = await api(sim, `/documents?hetu=${CLIENT.hetu}`, provider);
    expect(list.status).toBe(200);
    const ids = (list.body as { documents: { id: string }[] }).documents.map((d) => d.id);
    expect(ids).toEqual(expect.arrayContaining([rel.id, organiser24.id]));
    expect(ids).not.toContain(organiser25.id);
    const summary = await api(sim, `/clients/${CLIENT.hetu}/summary`, provider);
    expect(summary.text).not.toContain(organiser25.id);
    expect((summary.body as { serviceTasks: { palvelutehtava: string }[] }).serviceTasks).toEqual([
      expect.objectContaining({ palvelutehtava: '24' }),
    ]);
    const cases = await api(sim, `/clients/${CLIENT.hetu}/cases`, provider);
    expect(cases.text).not.toContain(organiser25.id);
    const only25 = await api(sim, `/documents?hetu=${CLIENT.hetu}&palvelutehtava=25`, provider);
    expect(only25.body).toEqual({ documents: [] });
    // the organiser itself sees both
    const own = await api(sim, `/documents?hetu=${CLIENT.hetu}&palvelutehtava=25`);
    expect((own.body as { documents: { id: string }[] }).documents.map((d) => d.id)).toEqual([
      organiser25.id,
    ]);
  });
});

describe('the register access right ends at its service task: queries and widening', () => {
  it.each([
    { path: () => `/documents/${organiser25.id}` },
    { path: () => `/documents/${organiser25.id}/content` },
    { path: () => `/sets/${organiser25.id}/history` },
  ])('reads nothing of a document of another service task: JSON $path', async ({ path }) => {
    const answer = await api(sim, path(), sim.demo.provider);
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({
      error: { details: { rule: RULES.QUERY_DOCUMENT_NOT_IN_REGISTER.code } },
    });
    expect((await api(sim, path())).status).toBe(200);
  });

  it('answers HL7 queries within the service task only', async () => {
    const provider = sim.demo.provider;
    const listed = await hl7Query(sim, 'SP32', { hetu: CLIENT.hetu }, provider);
    expect(listed.ack.typeCode).toBe('AA');
    expect(listed.documents.map((d) => d.id)).toContain(organiser24.id);
    expect(listed.documents.map((d) => d.id)).not.toContain(organiser25.id);
    const one = await hl7Query(sim, 'SP33', { documentId: organiser25.id }, provider);
    expect(one.ack.details.map((d) => d.code)).toEqual([RULES.QUERY_DOCUMENT_NOT_IN_REGISTER.code]);
    expect(one.documents).toEqual([]);
    expect((await hl7Query(sim, 'SP33', { documentId: organiser24.id }, provider)).ack.typeCode).toBe('AA');
  });

  it('opens another service task once the relationship document lists the provider under it too', async () => {
    const both = nextVersion(rel, rel.id, 2, sim.demo.organiser, {
      json: (
        clientRelationshipDocument({
          id: rel.id,
          clientRelationshipId: newOid(sim.demo.organiser, 97),
          client: CLIENT,
          organiser: { oid: sim.demo.organiser.oid, name: sim.demo.organiser.name },
          date: day(-60),
          startDate: isoDay(-60),
          serviceTasks: (['lapsiperheidenPalvelut', 'lastensuojelu'] as const).map((palvelutehtava) => ({
            palvelutehtava,
            organiserUnits: [],
            providers: [providerRight(sim, isoDay(-30))],
          })),
        }) as { json: unknown }
      ).json,
    });
    expect(await archive(sim, both)).toEqual({ typeCode: 'AA', codes: [] });
    expect((await api(sim, `/documents/${organiser25.id}`, sim.demo.provider)).status).toBe(200);
    expect(await archive(sim, providerPlan('lastensuojelu'), { from: sim.demo.provider })).toEqual({
      typeCode: 'AA',
      codes: [],
    });
  });
});
