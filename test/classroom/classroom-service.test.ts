/**
 * The classroom in process: a class of trainee sandboxes made from a scenario, each trainee seeing only
 * its own sandbox, made again without change, and reset back to the scenario (documents, invalidations,
 * usage log, sessions).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../server/archivist/sessions.js';
import type { ClassroomService } from '../../server/classroom/classroom-service.js';
import { sandboxOid } from '../../server/classroom/sandbox-names.js';
import type { KantaSimInstance } from '../support/sim.js';
import { AINO, SCENARIO, SMALL_CLASS, startClassroomSim } from './support.js';

const DOCS = SMALL_CLASS.documents.length;
const PURPOSE = { code: 'training' } as const;

describe('the classroom service', () => {
  let sim: KantaSimInstance;
  let classroom: ClassroomService;
  beforeAll(async () => {
    sim = await startClassroomSim();
    classroom = sim.running.classroom.service;
  });
  afterAll(async () => {
    await sim.stop();
  });

  const count = (register: string): Promise<number> =>
    sim.running.store.countDocuments({ registerOids: [register] });
  const tokens = new Map<string, string>();
  const signIn = async (username: string): Promise<Session> => {
    const { trainees, trainer } = await classroom.accounts();
    const account = [trainer, ...trainees].find((a) => a.username === username);
    const started = await sim.running.archivist.service.signIn(username, account?.password ?? '');
    if (!started) {
      throw new Error(`${username} could not sign in`);
    }
    tokens.set(username, started.token);
    return started.session;
  };

  it('makes a sandbox with the whole scenario for each trainee, and a trainer who sees them all', async () => {
    // pressed twice: the second waits for the first and finds its class
    const [answer, twice] = await Promise.all([
      classroom.create({ trainees: 3, scenario: SCENARIO, lang: 'fi' }),
      classroom.create({ trainees: 3, scenario: SCENARIO, lang: 'fi' }),
    ]);
    expect([answer.status, twice.status]).toEqual(['created', 'existing']);
    expect(answer.trainees.map((t) => [t.username, t.organisation.name])).toEqual([
      ['trainee01', 'Harjoituskunta 01'],
      ['trainee02', 'Harjoituskunta 02'],
      ['trainee03', 'Harjoituskunta 03'],
    ]);
    expect(answer.trainer.username).toBe('kouluttaja');
    for (const n of [1, 2, 3]) {
      expect(await count(sandboxOid(n))).toBe(DOCS);
    }
    const trainer = await signIn('kouluttaja');
    expect([...trainer.archivist.registerOids].sort()).toEqual([1, 2, 3].map(sandboxOid));
    expect(await classroom.isTrainer(trainer.archivist.id)).toBe(true);
  });

  it('changes nothing when the same class is made again', async () => {
    const again = await classroom.create({ trainees: 3, scenario: SCENARIO });
    expect(again.status).toBe('existing');
    expect(await count(sandboxOid(1))).toBe(DOCS);
    const first = await classroom.accounts();
    expect(again.trainees.map((t) => t.password)).toEqual(first.trainees.map((t) => t.password));
  });

  it('lets a trainee see only its own sandbox', async () => {
    const one = await signIn('trainee01');
    expect(await classroom.sandboxOf(one.archivist.id)).toMatchObject({ trainee: 1 });
    const result = await sim.running.archivist.service.search(one, { hetu: AINO }, PURPOSE);
    expect(result.count).toBe(3);
    await expect(
      sim.running.archivist.service.search(one, { hetu: AINO, registerOid: sandboxOid(2) }, PURPOSE),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('keeps an invalidation in its own sandbox, and a reset brings the sandbox back', async () => {
    const two = await signIn('trainee02');
    const [doc] = await sim.running.store.listDocuments({ registerOids: [sandboxOid(2)], hetu: AINO });
    await sim.running.archivist.service.search(two, { hetu: AINO }, PURPOSE);
    await sim.running.archivist.service.invalidate(two, doc?.id ?? '', 'kirjattu väärälle asiakkaalle');
    const invalidated = (id: number): Promise<number> =>
      sim.running.store.countDocuments({ registerOids: [sandboxOid(id)], state: 'invalidated' });
    expect(await invalidated(2)).toBeGreaterThan(0);
    expect(await invalidated(1)).toBe(0);
    expect(await invalidated(3)).toBe(0);
    const before = await classroom.overview();
    expect(before.trainees[1]).toMatchObject({ signedIn: true, activity: { count: 3 } });

    await classroom.resetSandbox('trainee02');
    expect(await invalidated(2)).toBe(0);
    expect(await count(sandboxOid(2))).toBe(DOCS);
    const after = await classroom.overview();
    expect(after.trainees[1]).toMatchObject({ signedIn: false, activity: { count: 0, last: [] } });
    expect(await sim.running.archivist.service.session(tokens.get('trainee02'))).toBeUndefined();
    expect(await sim.running.archivist.service.session(tokens.get('trainee01'))).toBeDefined();
  });

  it('adds trainees to a larger class, leaving the existing sandboxes as they are', async () => {
    const one = await signIn('trainee01');
    await sim.running.archivist.service.search(one, { hetu: AINO }, PURPOSE);
    const answer = await classroom.create({ trainees: 4, scenario: SCENARIO });
    expect(answer.status).toBe('extended');
    expect(answer.trainees.map((t) => t.username)).toContain('trainee04');
    expect(await count(sandboxOid(4))).toBe(DOCS);
    expect(await sim.running.archivist.service.session(tokens.get('trainee01'))).toBeDefined();
    const trainer = await signIn('kouluttaja');
    expect(trainer.archivist.registerOids).toContain(sandboxOid(4));
  });

  it('resets the whole class: documents, usage log and sessions of every trainee; the trainer stays', async () => {
    const trainer = await signIn('kouluttaja');
    const one = await signIn('trainee01');
    const [doc] = await sim.running.store.listDocuments({ registerOids: [sandboxOid(1)], hetu: AINO });
    await sim.running.archivist.service.search(one, { hetu: AINO }, PURPOSE);
    await sim.running.archivist.service.invalidate(one, doc?.id ?? '', 'väärä asiakas');
    await sim.running.archivist.service.search(trainer, { hetu: AINO, registerOid: sandboxOid(3) }, PURPOSE);
    const trainerOid = trainer.archivist.organisationOid;
    expect((await sim.running.archivist.usage.list({ organisationOid: trainerOid })).length).toBeGreaterThan(
      0,
    );

    const answer = await classroom.resetClass();
    expect(answer.reset).toEqual(['trainee01', 'trainee02', 'trainee03', 'trainee04']);
    const overview = await classroom.overview();
    expect(overview.trainees.map((t) => [t.activity.count, t.signedIn, t.seeded])).toEqual(
      [1, 2, 3, 4].map(() => [0, false, true]),
    );
    expect(await sim.running.archivist.usage.list({ organisationOid: trainerOid })).toEqual([]);
    expect(await sim.running.archivist.service.session(tokens.get('kouluttaja'))).toBeDefined();
    for (const n of [1, 2, 3, 4]) {
      expect(await count(sandboxOid(n))).toBe(DOCS);
      expect(
        await sim.running.store.countDocuments({ registerOids: [sandboxOid(n)], state: 'invalidated' }),
      ).toBe(0);
    }
    // the demo organiser's own log is a real register's: untouched by any of this
    const demo = await sim.running.archivist.service.signInDemo();
    await classroom.resetClass();
    expect(
      await sim.running.archivist.usage.list({ organisationOid: demo.session.archivist.organisationOid }),
    ).not.toEqual([]);
  });
});
