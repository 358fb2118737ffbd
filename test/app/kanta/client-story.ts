/**
 * Test support for the client-story suites: one client's story archived through the Kanta interface
 * (client-relationship document, initiation, assessment, plan, decision, a corrected plan and a nullified
 * note), with the ids the queries ask about.
 */
import { expect } from 'vitest';
import type { DocumentSpec } from '../../../server/cda/build-spec.js';
import {
  assessment,
  clientNote,
  clientPlan,
  decision,
  initiation,
} from '../../../server/cda/templates-documents.js';
import { send, type KantaSimInstance } from '../../support/sim.js';
import {
  archive,
  author,
  CLIENT,
  day,
  isoDay,
  message,
  newOid,
  nextVersion,
  providerRight,
  relationship,
} from './lifecycle-support.js';

export interface ArchivedStory {
  /** Document ids by role: relationship, initiation, assessment, planV1, planV2, decision, note, noteV2. */
  readonly ids: Record<string, string>;
  /** The corrected plan's CDA as sent, byte for byte. */
  readonly planV2Cda: string;
  readonly caseId: string;
}

/** Archives the story for the demo organiser; every step must be accepted (AA). */
export async function archiveStory(sim: KantaSimInstance): Promise<ArchivedStory> {
  const ids: Record<string, string> = {};
  const org = sim.demo.organiser;
  const unit = org.units[0] as { oid: string; name: string };
  const caseId = newOid(org, 96);
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
  const planV2Cda = built.cdaXml;
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
  return { ids, planV2Cda, caseId };
}
