/**
 * The trainer's actions on a running class: "archive now" reaches one sandbox or all of them through the
 * Kanta interface (the live panel hears it, the journal records it), and "make the next document fail"
 * refuses exactly the next document of the chosen sandbox with the chosen rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveArrival } from '../../server/archivist/live-feed.js';
import type { ClassroomActions } from '../../server/classroom/classroom-actions.js';
import { sandboxOid } from '../../server/classroom/sandbox-names.js';
import { RULES } from '../../server/rules/catalogue.js';
import type { KantaSimInstance } from '../support/sim.js';
import { AINO, SCENARIO, SMALL_CLASS, startClassroomSim } from './support.js';

describe("the trainer's actions", () => {
  let sim: KantaSimInstance;
  let actions: ClassroomActions;
  beforeAll(async () => {
    sim = await startClassroomSim();
    actions = sim.running.classroom.actions;
    await sim.running.classroom.service.create({ trainees: 3, scenario: SCENARIO });
  });
  afterAll(async () => {
    await sim.stop();
  });

  const count = (n: number): Promise<number> =>
    sim.running.store.countDocuments({ registerOids: [sandboxOid(n)] });

  it("archives a fresh document into one sandbox, announced on that sandbox's live panel only", async () => {
    const heard: LiveArrival[] = [];
    const other: LiveArrival[] = [];
    const stop = sim.running.archivist.feed.subscribe([sandboxOid(1)], (a) => heard.push(a));
    const stopOther = sim.running.archivist.feed.subscribe([sandboxOid(2)], (a) => other.push(a));
    const answer = await actions.archiveNow({ template: 'client-note', hetu: AINO, trainees: ['trainee01'] });
    expect(answer.results).toEqual([
      { trainee: 1, username: 'trainee01', outcome: 'archived', documentId: expect.any(String), rules: [] },
    ]);
    await expect.poll(() => heard.map((a) => a.documentId)).toEqual([answer.results[0]?.documentId]);
    expect(heard[0]).toMatchObject({ registerOid: sandboxOid(1), hetu: AINO });
    expect(other).toEqual([]);
    expect(await count(1)).toBe(SMALL_CLASS.documents.length + 1);
    expect(await count(2)).toBe(SMALL_CLASS.documents.length);
    expect(JSON.stringify(sim.running.journal.list())).toContain(answer.results[0]?.documentId ?? 'missing');
    stop();
    stopOther();
  });

  it('archives into every sandbox at once', async () => {
    const before = await Promise.all([1, 2, 3].map(count));
    const answer = await actions.archiveNow({ template: 'assessment', hetu: AINO, trainees: 'all' });
    expect(answer.results.map((r) => [r.username, r.outcome])).toEqual([
      ['trainee01', 'archived'],
      ['trainee02', 'archived'],
      ['trainee03', 'archived'],
    ]);
    expect(await Promise.all([1, 2, 3].map(count))).toEqual(before.map((n) => n + 1));
  });

  it('refuses exactly the next document of the chosen sandbox with the chosen rule', async () => {
    const staged = await actions.failNext({ rule: 'CDA_HETU_INVALID', trainees: ['trainee02'] });
    expect(staged.results).toEqual([{ trainee: 2, username: 'trainee02', faultId: expect.any(String) }]);
    const before = await count(2);
    const all = await actions.archiveNow({ template: 'client-note', hetu: AINO, trainees: 'all' });
    expect(all.results.map((r) => [r.username, r.outcome, r.rules])).toEqual([
      ['trainee01', 'archived', []],
      ['trainee02', 'refused', [RULES.CDA_HETU_INVALID.code]],
      ['trainee03', 'archived', []],
    ]);
    expect(await count(2)).toBe(before);
    const next = await actions.archiveNow({ template: 'client-note', hetu: AINO, trainees: [2] });
    expect(next.results[0]?.outcome).toBe('archived');
    expect(await count(2)).toBe(before + 1);
  });

  it('drops a staged failure when the sandbox is reset', async () => {
    await actions.failNext({ rule: 'ARCHIVE_UNAVAILABLE', trainees: [3] });
    await sim.running.classroom.service.resetSandbox(3);
    const next = await actions.archiveNow({ template: 'client-note', hetu: AINO, trainees: [3] });
    expect(next.results[0]?.outcome).toBe('archived');
  });

  it.each([
    [{ template: 'poem', hetu: AINO }, 'BAD_REQUEST', 'template'],
    [{ template: 'client-note', hetu: '010101-0101' }, 'BAD_REQUEST', 'hetu'],
    [{ template: 'client-note', hetu: AINO, trainees: ['trainee09'] }, 'NOT_FOUND', 'trainee09'],
  ])('refuses archive-now %j', async (body, code, names) => {
    await expect(actions.archiveNow(body)).rejects.toMatchObject({
      code,
      message: expect.stringContaining(names),
    });
  });

  it.each([
    [{ rule: 'NO_SUCH_RULE' }, 'BAD_REQUEST'],
    [{ rule: 'WIRE_XML_TOO_DEEP' }, 'BAD_REQUEST'],
    [{ rule: 'CDA_HETU_INVALID', trainees: [0] }, 'NOT_FOUND'],
  ])('refuses fail-next %j', async (body, code) => {
    await expect(actions.failNext(body)).rejects.toMatchObject({ code });
  });

  it('offers a short list of rules, each with its texts', () => {
    const rules = actions.failRules();
    expect(rules.length).toBeGreaterThan(3);
    expect(rules.every((r) => r.fi && r.sv && r.en)).toBe(true);
  });
});
