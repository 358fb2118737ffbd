/** New versions and invalidations refused by rule, and the version race. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSpec } from '../../../server/cda/build-spec.js';
import { RULES } from '../../../server/rules/catalogue.js';
import { send, startKantaSim, type KantaSimInstance } from '../../support/sim.js';
import {
  archive,
  CLIENT,
  day,
  message,
  newOid,
  nextVersion,
  OTHER_CLIENT,
  organiserPlan,
} from './lifecycle-support.js';

let sim: KantaSimInstance;
beforeAll(async () => {
  sim = await startKantaSim();
});
afterAll(async () => {
  await sim.stop();
});

/** A freshly archived version 1 of a client plan. */
async function archivedPlan(): Promise<DocumentSpec> {
  const spec = organiserPlan(sim, CLIENT, day(-5));
  expect(await archive(sim, spec)).toEqual({ typeCode: 'AA', codes: [] });
  return spec;
}

const v2 = (v1: DocumentSpec, change: Partial<DocumentSpec> = {}): DocumentSpec =>
  nextVersion(v1, v1.id, 2, sim.demo.organiser, change);

describe('the lifecycle rules on the Kanta interface: new versions', () => {
  it.each([
    {
      name: 'an unknown setId',
      rule: RULES.VERSION_SET_UNKNOWN,
      make: (v1: DocumentSpec) => v2(v1, { setId: newOid(sim.demo.organiser) }),
    },
    {
      name: 'a version gap',
      rule: RULES.VERSION_GAP,
      make: (v1: DocumentSpec) => v2(v1, { versionNumber: 3 }),
    },
    {
      name: 'a change of client',
      rule: RULES.VERSION_CLIENT_CHANGED,
      make: (v1: DocumentSpec) => v2(v1, { client: OTHER_CLIENT }),
    },
    {
      name: 'a replaced id that is not the latest version',
      rule: RULES.VERSION_PARENT_MISMATCH,
      make: (v1: DocumentSpec) => v2(v1, { replaces: { parentId: newOid(sim.demo.organiser) } }),
    },
    {
      name: 'no reason of correction',
      rule: RULES.VERSION_REASON_MISSING,
      make: (v1: DocumentSpec) => v2(v1, { reasonOfCorrection: undefined }),
    },
  ])('refuses a new version with $name', async ({ rule, make }) => {
    const v1 = await archivedPlan();
    expect(await archive(sim, make(v1))).toEqual({ typeCode: 'AE', codes: [rule.code] });
  });

  it('refuses a version already archived, and accepts the same message again as a repeat', async () => {
    const v1 = await archivedPlan();
    const first = message(sim, v2(v1));
    expect((await send(sim, first.messageXml)).ack.typeCode).toBe('AA');
    expect((await send(sim, first.messageXml)).ack.typeCode).toBe('AA');
    expect(await archive(sim, v2(v1))).toEqual({ typeCode: 'AE', codes: [RULES.VERSION_CONFLICT.code] });
    expect(await sim.running.store.countDocuments({ setId: v1.id })).toBe(2);
  });

  it('lets exactly one of two racing new versions win; the other gets a version conflict', async () => {
    const v1 = await archivedPlan();
    const [a, b] = [message(sim, v2(v1)), message(sim, v2(v1))];
    const answers = await Promise.all([send(sim, a.messageXml), send(sim, b.messageXml)]);
    const types = answers.map((r) => r.ack.typeCode).sort();
    expect(types).toEqual(['AA', 'AE']);
    const loser = answers.find((r) => r.ack.typeCode === 'AE');
    expect(loser?.ack.details.map((d) => d.code)).toEqual([RULES.VERSION_CONFLICT.code]);
    const versions = await sim.running.store.listDocuments({ setId: v1.id });
    expect(versions.map((v) => [v.versionNumber, v.state])).toEqual([
      [1, 'replaced'],
      [2, 'current'],
    ]);
  });

  it('accepts the explicit new-version request SP18, and refuses it for a first version', async () => {
    const v1 = await archivedPlan();
    expect(await archive(sim, v2(v1), { serviceRequest: 'SP18' })).toEqual({ typeCode: 'AA', codes: [] });
    const org = sim.demo.organiser;
    const fresh = { ...v1, id: newOid(org), setId: undefined };
    expect(await archive(sim, fresh, { serviceRequest: 'SP18' })).toEqual({
      typeCode: 'AE',
      codes: [RULES.VERSION_NOT_NEW.code],
    });
  });
});

describe('the lifecycle rules on the Kanta interface: invalidation', () => {
  it('invalidates through SP19 only with statusCode nullified, and never a first version', async () => {
    const v1 = await archivedPlan();
    expect(await archive(sim, v2(v1), { serviceRequest: 'SP19' })).toEqual({
      typeCode: 'AE',
      codes: [RULES.INVALIDATION_STATUS_MISSING.code],
    });
    const first = { ...v1, id: newOid(sim.demo.organiser), setId: undefined };
    expect(await archive(sim, first, { statusCode: 'nullified' })).toEqual({
      typeCode: 'AE',
      codes: [RULES.VERSION_NOT_NEW.code],
    });
    expect(await archive(sim, v2(v1), { serviceRequest: 'SP19', statusCode: 'nullified' })).toEqual({
      typeCode: 'AA',
      codes: [],
    });
    const history = await sim.running.store.listDocuments({ setId: v1.id });
    expect(history.map((v) => v.state)).toEqual(['invalidated', 'invalidated']);
    const v3 = nextVersion(v1, history[1]?.id as string, 3, sim.demo.organiser);
    expect(await archive(sim, v3)).toEqual({
      typeCode: 'AE',
      codes: [RULES.VERSION_REPLACES_INVALIDATED.code],
    });
  });
});
