import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSpec } from '../../../server/cda/build-spec.js';
import { RULES } from '../../../server/rules/catalogue.js';
import { startKantaSim, type KantaSimInstance } from '../../support/sim.js';
import { api, archive, CLIENT, day, hl7Query, relationship, organiserPlan } from './lifecycle-support.js';

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
