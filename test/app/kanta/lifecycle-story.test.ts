/**
 * One client's story through the Kanta interface: client-relationship document, initiation, assessment,
 * plan, decision, a corrected plan (version 2) and an invalidated note; then every query, HL7 and JSON.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKantaSim, type KantaSimInstance } from '../../support/sim.js';
import { api, CLIENT, hl7Query, isoDay } from './lifecycle-support.js';
import { archiveStory } from './client-story.js';

let sim: KantaSimInstance;
let ids: Record<string, string> = {};
let planV2Cda = '';
let caseId = '';

beforeAll(async () => {
  sim = await startKantaSim();
  ({ ids, planV2Cda, caseId } = await archiveStory(sim));
});
afterAll(async () => {
  await sim.stop();
});

describe('a client story: relationship and case', () => {
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
});

describe('a client story: document metadata and content', () => {
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
});

describe('a client story: history and summary', () => {
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
});
