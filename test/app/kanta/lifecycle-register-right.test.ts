import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSpec, SpecClient } from '../../../server/cda/build-spec.js';
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
  OTHER_CLIENT,
  providerRight,
  relationship,
  organiserPlan,
} from './lifecycle-support.js';

/** The register access right: a provider archives into and reads the organiser's register under it. */
describe('the register access right', () => {
  let sim: KantaSimInstance;
  let relationshipV1: DocumentSpec;
  let accepted: DocumentSpec;
  beforeAll(async () => {
    sim = await startKantaSim();
    relationshipV1 = relationship(sim, CLIENT, [providerRight(sim, isoDay(-30))]);
    expect(await archive(sim, relationshipV1)).toEqual({ typeCode: 'AA', codes: [] });
    // the organiser also has another client, whose relationship document lists no provider
    expect(await archive(sim, relationship(sim, OTHER_CLIENT, []))).toEqual({ typeCode: 'AA', codes: [] });
  });
  afterAll(async () => {
    await sim.stop();
  });

  /** A provider's client plan for the organiser's register. */
  function providerPlan(
    date: Date,
    change: { client?: SpecClient; unit?: { oid: string; name: string } } = {},
  ) {
    const org = sim.demo.organiser;
    const provider = sim.demo.provider;
    return clientPlan({
      id: newOid(provider),
      caseId: newOid(org, 96),
      client: change.client ?? CLIENT,
      organiser: { oid: org.oid, name: org.name },
      serviceUnit: change.unit ?? (provider.units[0] as { oid: string; name: string }),
      author: author(sim),
      date,
    });
  }
  const asProvider = (): { from: KantaSimInstance['demo']['provider'] } => ({ from: sim.demo.provider });

  it('accepts a provider document inside the right', async () => {
    accepted = providerPlan(day(-5));
    expect(await archive(sim, accepted, asProvider())).toEqual({ typeCode: 'AA', codes: [] });
    const stored = await sim.running.store.getDocument(accepted.id);
    expect(stored).toMatchObject({ registerOid: sim.demo.organiser.oid, senderOid: sim.demo.provider.oid });
  });

  it.each([
    { name: 'dated before the right starts', rule: 'REGISTER_RIGHT_NOT_STARTED', date: -40, change: {} },
    {
      name: 'for another client',
      rule: 'REGISTER_RIGHT_MISSING',
      date: -5,
      change: { client: OTHER_CLIENT },
    },
  ] as const)('refuses a provider document $name', async ({ rule, date, change }) => {
    expect(await archive(sim, providerPlan(day(date), change), asProvider())).toEqual({
      typeCode: 'AE',
      codes: [RULES[rule].code],
    });
  });

  it('refuses a provider document from a unit the right does not list, or a unit not its own', async () => {
    const provider = sim.demo.provider;
    const otherUnit = { oid: provider.oid, name: provider.name };
    expect(await archive(sim, providerPlan(day(-5), { unit: otherUnit }), asProvider())).toEqual({
      typeCode: 'AE',
      codes: [RULES.REGISTER_RIGHT_UNIT_NOT_LISTED.code],
    });
    const organiserUnit = sim.demo.organiser.units[0] as { oid: string; name: string };
    expect(await archive(sim, providerPlan(day(-5), { unit: organiserUnit }), asProvider())).toEqual({
      typeCode: 'AE',
      codes: [RULES.REGISTER_UNIT_NOT_OWN.code],
    });
  });

  it("lets the provider read the organiser's register for that client only", async () => {
    const provider = sim.demo.provider;
    const summary = await api(sim, `/clients/${CLIENT.hetu}/summary`, provider);
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({ clientRelationship: [{ id: relationshipV1.id }] });
    const hl7 = await hl7Query(sim, 'SP32', { hetu: CLIENT.hetu }, provider);
    expect(hl7.documents.map((d) => d.id)).toEqual([relationshipV1.id, accepted.id]);
    const other = await api(sim, `/documents?hetu=${OTHER_CLIENT.hetu}`, provider);
    expect(other.status).toBe(404);
    expect(other.body).toMatchObject({
      error: { details: { rule: RULES.QUERY_CLIENT_NOT_IN_REGISTER.code } },
    });
  });

  it('refuses moving a set into another register between versions', async () => {
    const provider = sim.demo.provider;
    const moved = nextVersion(accepted, accepted.id, 2, provider, {
      custodian: { oid: provider.oid, name: provider.name },
    });
    expect(await archive(sim, moved, asProvider())).toEqual({
      typeCode: 'AE',
      codes: [RULES.VERSION_REGISTER_CHANGED.code],
    });
  });

  it('ends the right with a later version of the relationship document, for documents after the end date', async () => {
    const ended = nextVersion(relationshipV1, relationshipV1.id, 2, sim.demo.organiser, {
      json: (relationship(sim, CLIENT, [providerRight(sim, isoDay(-30), isoDay(-8))]) as { json: unknown })
        .json,
    });
    expect(await archive(sim, ended)).toEqual({ typeCode: 'AA', codes: [] });
    expect(await archive(sim, providerPlan(day(-5)), asProvider())).toEqual({
      typeCode: 'AE',
      codes: [RULES.REGISTER_RIGHT_ENDED.code],
    });
    expect(await archive(sim, providerPlan(day(-9)), asProvider())).toEqual({ typeCode: 'AA', codes: [] });
    // the right is no longer in force, so the provider reads nothing of the organiser's register
    const read = await api(sim, `/clients/${CLIENT.hetu}/summary`, sim.demo.provider);
    expect(read.status).toBe(404);
    expect(read.text).not.toContain(relationshipV1.id);
  });
});

/** Organisation B (the demo provider, with no right) never sees organisation A's register. */
describe('register boundaries of every query', () => {
  let sim: KantaSimInstance;
  let plan: DocumentSpec;
  beforeAll(async () => {
    sim = await startKantaSim();
    expect(await archive(sim, relationship(sim, CLIENT, []))).toEqual({ typeCode: 'AA', codes: [] });
    plan = organiserPlan(sim, CLIENT, day(-3));
    expect(await archive(sim, plan)).toEqual({ typeCode: 'AA', codes: [] });
  });
  afterAll(async () => {
    await sim.stop();
  });

  it.each([
    { sp: 'SP30', params: () => ({ hetu: CLIENT.hetu }), rule: 'QUERY_CLIENT_NOT_IN_REGISTER' },
    { sp: 'SP31', params: () => ({ hetu: CLIENT.hetu }), rule: 'QUERY_CLIENT_NOT_IN_REGISTER' },
    { sp: 'SP32', params: () => ({ hetu: CLIENT.hetu }), rule: 'QUERY_CLIENT_NOT_IN_REGISTER' },
    { sp: 'SP33', params: () => ({ documentId: plan.id }), rule: 'QUERY_DOCUMENT_NOT_IN_REGISTER' },
    { sp: 'SP33', params: () => ({ setId: plan.id }), rule: 'QUERY_DOCUMENT_NOT_IN_REGISTER' },
    { sp: 'SP34', params: () => ({ hetu: CLIENT.hetu }), rule: 'QUERY_CLIENT_NOT_IN_REGISTER' },
  ] as const)('HL7 $sp as B: AE with $rule and nothing of A', async ({ sp, params, rule }) => {
    const answer = await hl7Query(sim, sp, params(), sim.demo.provider);
    expect(answer.ack.typeCode).toBe('AE');
    expect(answer.ack.details.map((d) => d.code)).toEqual([RULES[rule].code]);
    expect(answer.documents).toEqual([]);
    expect(answer.total).toBe(0);
    // the organiser itself gets an answer to the same query
    expect((await hl7Query(sim, sp, params())).ack.typeCode).toBe('AA');
  });

  it.each([
    { path: () => `/clients/${CLIENT.hetu}/relationship`, rule: 'QUERY_CLIENT_NOT_IN_REGISTER' },
    { path: () => `/clients/${CLIENT.hetu}/cases`, rule: 'QUERY_CLIENT_NOT_IN_REGISTER' },
    { path: () => `/clients/${CLIENT.hetu}/summary`, rule: 'QUERY_CLIENT_NOT_IN_REGISTER' },
    { path: () => `/documents?hetu=${CLIENT.hetu}`, rule: 'QUERY_CLIENT_NOT_IN_REGISTER' },
    { path: () => `/documents/${plan.id}`, rule: 'QUERY_DOCUMENT_NOT_IN_REGISTER' },
    { path: () => `/documents/${plan.id}/content`, rule: 'QUERY_DOCUMENT_NOT_IN_REGISTER' },
    { path: () => `/sets/${plan.id}/history`, rule: 'QUERY_DOCUMENT_NOT_IN_REGISTER' },
  ] as const)('JSON $path as B: 404 with $rule and nothing of A', async ({ path, rule }) => {
    const answer = await api(sim, path(), sim.demo.provider);
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ error: { code: 'NOT_FOUND', details: { rule: RULES[rule].code } } });
    expect(answer.text).not.toContain(CLIENT.family);
    expect((await api(sim, path())).status).toBe(200);
  });

  it('answers a caller without a client certificate 403 with the rule', async () => {
    const answer = await api(sim, `/clients/${CLIENT.hetu}/summary`, null);
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ error: { details: { rule: RULES.TLS_CLIENT_CERT_MISSING.code } } });
  });

  it('refuses a query without its required parameter', async () => {
    const hl7 = await hl7Query(sim, 'SP32', {});
    expect(hl7.ack.details.map((d) => d.code)).toEqual([RULES.QUERY_PARAMETER_MISSING.code]);
    const json = await api(sim, `/documents?hetu=${CLIENT.hetu}&status=lost`);
    expect(json.status).toBe(400);
    expect(json.body).toMatchObject({ error: { details: { rule: RULES.QUERY_PARAMETER_INVALID.code } } });
  });
});

/**
 * The right is scoped to the service task under which the client-relationship document lists the provider:
 * listed under 24 (families with children), the provider neither archives nor reads 25 (child protection).
 */
describe('the register access right ends at its service task', () => {
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
