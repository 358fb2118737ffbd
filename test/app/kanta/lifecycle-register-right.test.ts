/** The register access right: a provider archives into and reads the organiser's register under it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSpec, SpecClient } from '../../../server/cda/build-spec.js';
import { clientPlan } from '../../../server/cda/templates-documents.js';
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
} from './lifecycle-support.js';

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

describe('the register access right: archiving under it', () => {
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
});

describe('the register access right: reading, moving and ending', () => {
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
