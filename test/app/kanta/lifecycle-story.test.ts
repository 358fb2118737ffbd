import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSpec } from '../../../server/cda/build-spec.js';
import {
  assessment,
  clientNote,
  clientPlan,
  decision,
  initiation,
} from '../../../server/cda/templates-documents.js';
import { invalidateDocument } from '../../../server/archive/invalidate.js';
import { getClientSummary, getSetHistory } from '../../../server/archive/queries.js';
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
  message,
  newOid,
  nextVersion,
  providerRight,
  relationship,
} from './lifecycle-support.js';
import { send } from '../../support/sim.js';

/**
 * One client's story through the Kanta interface: client-relationship document, initiation, assessment,
 * plan, decision, a corrected plan (version 2) and an invalidated note; then every query, HL7 and JSON.
 */
describe('a full client story, then every query', () => {
  let sim: KantaSimInstance;
  const ids: Record<string, string> = {};
  let planV2Cda = '';
  let caseId = '';

  beforeAll(async () => {
    sim = await startKantaSim();
    const org = sim.demo.organiser;
    const unit = org.units[0] as { oid: string; name: string };
    caseId = newOid(org, 96);
    const base = (date: Date) => ({
      id: newOid(org),
      caseId,
      client: CLIENT,
      organiser: { oid: org.oid, name: org.name },
      serviceUnit: unit,
      author: author(sim),
      date,
    });
    const specs: Record<string, DocumentSpec> = {
      relationship: relationship(sim, CLIENT, [providerRight(sim, isoDay(-30))]),
      initiation: initiation(base(day(-50))),
      assessment: assessment(base(day(-45))),
      planV1: clientPlan(base(day(-40))),
      decision: decision(base(day(-35))),
      note: clientNote(base(day(-12))),
    };
    for (const [name, spec] of Object.entries(specs)) {
      const ack = await archive(sim, spec);
      expect(ack, name).toEqual({ typeCode: 'AA', codes: [] });
      ids[name] = spec.id;
    }
    const planV2 = nextVersion(specs.planV1 as DocumentSpec, ids.planV1 as string, 2, org, {
      effectiveTime: day(-20),
    });
    const built = message(sim, planV2);
    planV2Cda = built.cdaXml;
    expect((await send(sim, built.messageXml)).ack.typeCode).toBe('AA');
    ids.planV2 = planV2.id;
    const nullifying = nextVersion(specs.note as DocumentSpec, ids.note as string, 2, org, {
      effectiveTime: day(-11),
      reasonOfCorrection: { code: '2', displayName: 'Kirjattu väärälle asiakkaalle' },
    });
    expect(await archive(sim, nullifying, { statusCode: 'nullified' })).toEqual({
      typeCode: 'AA',
      codes: [],
    });
    ids.noteV2 = nullifying.id;
  });
  afterAll(async () => {
    await sim.stop();
  });

  it('answers the client relationship with the register access right it grants (HL7 and JSON)', async () => {
    const hl7 = await hl7Query(sim, 'SP30', { hetu: CLIENT.hetu });
    expect(hl7.ack.typeCode).toBe('AA');
    expect(hl7.documents.map((d) => d.id)).toEqual([ids.relationship]);
    expect(hl7.rights).toEqual([
      { unitOid: sim.demo.provider.units[0]?.oid, start: isoDay(-30), end: undefined },
    ]);
    const json = await api(sim, `/clients/${CLIENT.hetu}/relationship`);
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({
      hetu: CLIENT.hetu,
      documents: [{ id: ids.relationship, state: 'current', documentGroup: '1' }],
      rights: [
        { unitOid: sim.demo.provider.units[0]?.oid, start: isoDay(-30), registerOid: sim.demo.organiser.oid },
      ],
    });
  });

  it('answers the case with its current documents in process-phase order', async () => {
    const expected = [ids.initiation, ids.assessment, ids.planV2, ids.decision];
    const hl7 = await hl7Query(sim, 'SP31', { hetu: CLIENT.hetu });
    expect(hl7.cases.map((c) => c.caseId)).toEqual([caseId]);
    expect(hl7.cases[0]?.documents.map((d) => d.id)).toEqual(expected);
    const json = (await api(sim, `/clients/${CLIENT.hetu}/cases`)).body as {
      cases: { caseId: string; documents: { id: string }[] }[];
    };
    expect(json.cases.map((c) => c.caseId)).toEqual([caseId]);
    expect(json.cases[0]?.documents.map((d) => d.id)).toEqual(expected);
  });

  it('answers document metadata with every version and its state, and filters', async () => {
    const all = await hl7Query(sim, 'SP32', { hetu: CLIENT.hetu });
    expect(all.ack.typeCode).toBe('AA');
    expect(all.documents.map((d) => [d.id, d.statusCode])).toEqual([
      [ids.relationship, 'active'],
      [ids.initiation, 'active'],
      [ids.assessment, 'active'],
      [ids.planV1, 'obsolete'],
      [ids.decision, 'active'],
      [ids.planV2, 'active'],
      [ids.note, 'nullified'],
      [ids.noteV2, 'nullified'],
    ]);
    const rows: { query: string; hl7: Parameters<typeof hl7Query>[2]; expected: (string | undefined)[] }[] = [
      { query: 'prosessivaihe=3', hl7: { prosessivaihe: '3' }, expected: [ids.planV1, ids.planV2] },
      { query: 'documentType=15007', hl7: { documentType: '15007' }, expected: [ids.planV1, ids.planV2] },
      {
        query: 'status=current',
        hl7: { status: 'current' },
        expected: [ids.relationship, ids.initiation, ids.assessment, ids.decision, ids.planV2],
      },
      { query: 'status=invalidated', hl7: { status: 'invalidated' }, expected: [ids.note, ids.noteV2] },
      { query: 'status=replaced', hl7: { status: 'replaced' }, expected: [ids.planV1] },
      {
        query: `caseId=${caseId}&palvelutehtava=24&status=current`,
        hl7: { caseId, palvelutehtava: '24', status: 'current' },
        expected: [ids.initiation, ids.assessment, ids.decision, ids.planV2],
      },
      {
        query: `from=${isoDay(-46)}&to=${isoDay(-35)}`,
        hl7: { from: isoDay(-46).replace(/-/g, ''), to: isoDay(-35).replace(/-/g, '') },
        expected: [ids.assessment, ids.planV1, ids.decision],
      },
    ];
    for (const row of rows) {
      const hl7 = await hl7Query(sim, 'SP32', { hetu: CLIENT.hetu, ...row.hl7 });
      expect(
        hl7.documents.map((d) => d.id),
        row.query,
      ).toEqual(row.expected);
      const json = (await api(sim, `/documents?hetu=${CLIENT.hetu}&${row.query}`)).body as {
        documents: { id: string }[];
      };
      expect(
        json.documents.map((d) => d.id),
        row.query,
      ).toEqual(row.expected);
    }
  });

  it('retrieves a document as the original bytes, unchanged', async () => {
    const hl7 = await hl7Query(sim, 'SP33', { documentId: ids.planV2 });
    expect(hl7.ack.typeCode).toBe('AA');
    expect(hl7.documents[0]?.content?.toString('utf8')).toBe(planV2Cda);
    const bySet = await hl7Query(sim, 'SP33', { setId: ids.planV1 });
    expect(bySet.documents.map((d) => d.id)).toEqual([ids.planV2]);
    const json = await api(sim, `/documents/${ids.planV2}/content`);
    expect(json.status).toBe(200);
    expect(json.type).toContain('application/xml');
    expect(json.text).toBe(planV2Cda);
    const meta = await api(sim, `/documents/${ids.planV1}`);
    expect(meta.body).toMatchObject({
      id: ids.planV1,
      state: 'replaced',
      versionNumber: 1,
      prosessivaihe: '3',
    });
  });

  it('keeps the whole history of a set, with the invalidation recorded', async () => {
    const plan = (await api(sim, `/sets/${ids.planV1}/history`)).body;
    expect(plan).toMatchObject({
      setId: ids.planV1,
      currentId: ids.planV2,
      versions: [
        { id: ids.planV1, versionNumber: 1, state: 'replaced' },
        {
          id: ids.planV2,
          versionNumber: 2,
          state: 'current',
          replacesId: ids.planV1,
          reasonOfCorrection: 'Virheellinen tieto korjattu',
        },
      ],
    });
    const note = (await api(sim, `/sets/${ids.note}/history`)).body as Record<string, unknown>;
    expect(note.currentId).toBeUndefined();
    expect(note).toMatchObject({
      versions: [
        { id: ids.note, state: 'invalidated' },
        { id: ids.noteV2, state: 'invalidated' },
      ],
      invalidation: {
        via: 'client-system',
        documentId: ids.note,
        nullifyingDocumentId: ids.noteV2,
        reason: 'Kirjattu väärälle asiakkaalle',
        by: { kind: 'organisation', id: sim.demo.organiser.oid },
      },
    });
  });

  it('answers the summary: service task -> case -> current documents in process-phase order', async () => {
    const expected = [ids.initiation, ids.assessment, ids.planV2, ids.decision];
    const hl7 = await hl7Query(sim, 'SP34', { hetu: CLIENT.hetu });
    expect(hl7.documents.map((d) => d.id)).toEqual([ids.relationship]);
    expect(hl7.serviceTasks.map((t) => t.code)).toEqual(['24']);
    expect(hl7.serviceTasks[0]?.cases[0]?.documents.map((d) => d.id)).toEqual(expected);
    const json = (await api(sim, `/clients/${CLIENT.hetu}/summary`)).body;
    expect(json).toMatchObject({
      clientRelationship: [{ id: ids.relationship }],
      serviceTasks: [
        { palvelutehtava: '24', cases: [{ caseId, documents: expected.map((id) => ({ id })) }] },
      ],
    });
  });

  it('lets an archivist invalidate a document: recorded, never current, shown in history', async () => {
    const store = sim.running.store;
    const org = sim.demo.organiser;
    const by = { kind: 'archivist' as const, id: 'arkistonhoitaja-1', name: 'Arja Arkistonhoitaja' };
    const at = new Date();
    const refusedElsewhere = await invalidateDocument(store, {
      documentId: ids.decision as string,
      registerOids: [sim.demo.provider.oid],
      by,
      reason: 'Väärä asiakas',
      at,
    });
    expect(refusedElsewhere).toMatchObject({
      ok: false,
      violation: { rule: RULES.QUERY_DOCUMENT_NOT_IN_REGISTER },
    });
    const noReason = await invalidateDocument(store, {
      documentId: ids.decision as string,
      registerOids: [org.oid],
      by,
      reason: ' ',
      at,
    });
    expect(noReason).toMatchObject({ ok: false, violation: { rule: RULES.INVALIDATION_REASON_MISSING } });
    const done = await invalidateDocument(store, {
      documentId: ids.decision as string,
      registerOids: [org.oid],
      by,
      reason: 'Väärä asiakas',
      at,
    });
    expect(done).toMatchObject({
      ok: true,
      record: { via: 'archivist', by, reason: 'Väärä asiakas', at: at.toISOString() },
    });
    const again = await invalidateDocument(store, {
      documentId: ids.decision as string,
      registerOids: [org.oid],
      by,
      reason: 'x',
      at,
    });
    expect(again).toMatchObject({ ok: false, violation: { rule: RULES.INVALIDATION_ALREADY_DONE } });

    const caller = { registerOids: [org.oid] };
    const history = await getSetHistory(store, caller, ids.decision as string);
    expect(history).toMatchObject({
      ok: true,
      value: { versions: [{ id: ids.decision, state: 'invalidated' }], invalidation: { by } },
    });
    const summary = await getClientSummary(store, caller, { hetu: CLIENT.hetu });
    expect(summary.ok && summary.value.serviceTasks[0]?.cases[0]?.documents.map((d) => d.id)).toEqual([
      ids.initiation,
      ids.assessment,
      ids.planV2,
    ]);
    // a replaced, invalidated set cannot take a new version
    const decisionV2 = nextVersion(
      decision({
        id: ids.decision as string,
        caseId,
        client: CLIENT,
        organiser: { oid: org.oid, name: org.name },
        serviceUnit: org.units[0] as { oid: string; name: string },
        author: author(sim),
        date: day(-35),
      }),
      ids.decision as string,
      2,
      org,
    );
    expect(await archive(sim, decisionV2)).toEqual({
      typeCode: 'AE',
      codes: [RULES.VERSION_REPLACES_INVALIDATED.code],
    });
  });
});
