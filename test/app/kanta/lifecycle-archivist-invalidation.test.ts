/**
 * An archivist's invalidation at the end of a client story: refused outside the archivist's registers and
 * without a reason, then recorded, never current again, shown in the set's history, and closed to new
 * versions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decision } from '../../../server/cda/templates-documents.js';
import { invalidateDocument } from '../../../server/archive/invalidate.js';
import { getClientSummary, getSetHistory } from '../../../server/archive/queries.js';
import { RULES } from '../../../server/rules/catalogue.js';
import { startKantaSim, type KantaSimInstance } from '../../support/sim.js';
import { archiveStory } from './client-story.js';
import { archive, author, CLIENT, day, nextVersion } from './lifecycle-support.js';

let sim: KantaSimInstance;
let ids: Record<string, string> = {};
let caseId = '';
beforeAll(async () => {
  sim = await startKantaSim();
  ({ ids, caseId } = await archiveStory(sim));
});
afterAll(async () => {
  await sim.stop();
});

describe('an archivist invalidates a document of the story', () => {
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
