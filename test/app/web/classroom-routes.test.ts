/**
 * The classroom's control API: bad input is a 4xx JSON error naming what was wrong and stores nothing;
 * a class is made (201), found again unchanged (200 "existing"), read, and reset by trainee.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassOverview, CreateAnswer } from '../../../server/classroom/classroom-service.js';
import type { KantaSimInstance } from '../../support/sim.js';
import { SCENARIO, startClassroomSim } from '../../classroom/support.js';

describe('the classroom API', () => {
  let sim: KantaSimInstance;
  beforeAll(async () => {
    sim = await startClassroomSim();
  });
  afterAll(async () => {
    await sim.stop();
  });

  const post = async (path: string, body: unknown): Promise<{ status: number; body: CreateAnswer }> => {
    const res = await fetch(`${sim.webUrl}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as CreateAnswer };
  };
  const overview = async (): Promise<ClassOverview> =>
    (await (await fetch(`${sim.webUrl}/__sim/classroom`)).json()) as ClassOverview;

  it.each([
    [{ trainees: 0 }, 400, 'BAD_REQUEST', 'trainees'],
    [{ trainees: 1000 }, 400, 'BAD_REQUEST', 'trainees'],
    [{ trainees: 'many' }, 400, 'BAD_REQUEST', 'trainees'],
    [{ trainees: 2, lang: 'de' }, 400, 'BAD_REQUEST', 'lang'],
    [{ trainees: 2, ifExists: 'replace' }, 400, 'BAD_REQUEST', 'ifExists'],
    [{ trainees: 2, scenario: 'no-such-scenario' }, 404, 'NOT_FOUND', 'no-such-scenario'],
  ])('refuses %j with %i, making nothing', async (body, status, code, names) => {
    const answer = await post('/__sim/classroom', body);
    expect(answer).toMatchObject({
      status,
      body: { error: { code, message: expect.stringContaining(names) } },
    });
    expect(await overview()).toEqual({ trainees: [] });
  });

  it('refuses actions before a class exists', async () => {
    expect(await post('/__sim/classroom/reset', {})).toMatchObject({
      status: 404,
      body: { error: { code: 'NOT_FOUND' } },
    });
  });

  it('makes a class, finds it again unchanged, and shows it', async () => {
    const made = await post('/__sim/classroom', { trainees: 2, scenario: SCENARIO, lang: 'sv' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      status: 'created',
      classroom: { trainees: 2, lang: 'sv', scenario: SCENARIO },
    });
    expect(made.body.trainees[1]?.organisation.name).toBe('Övningskommun 02');
    const again = await post('/__sim/classroom', { trainees: 2, scenario: SCENARIO, lang: 'sv' });
    expect(again).toMatchObject({ status: 200, body: { status: 'existing' } });
    const shown = await overview();
    expect(shown.trainees.map((t) => [t.username, t.signedIn])).toEqual([
      ['trainee01', false],
      ['trainee02', false],
    ]);
    expect(shown.trainer?.username).toBe('kouluttaja');
  });

  it.each([
    [{ trainees: 1, scenario: SCENARIO, lang: 'sv' }, 'does not shrink'],
    [{ trainees: 2, scenario: SCENARIO, lang: 'fi' }, 'sv'],
  ])('refuses to change the class as %j asks, with 409', async (body, names) => {
    const answer = await post('/__sim/classroom', body);
    expect(answer).toMatchObject({
      status: 409,
      body: { error: { code: 'CONFLICT', message: expect.stringContaining(names) } },
    });
  });

  it('resets one trainee, and refuses an unknown one with 404', async () => {
    expect(await post('/__sim/classroom/reset', { trainee: 'trainee02' })).toMatchObject({
      status: 200,
      body: { reset: ['trainee02'] },
    });
    expect(await post('/__sim/classroom/reset', { trainee: 'trainee07' })).toMatchObject({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: expect.stringContaining('trainee07') } },
    });
    expect(await post('/__sim/classroom/fail-next', { rule: 'NOPE' })).toMatchObject({ status: 400 });
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${sim.webUrl}/__sim/openapi.json`)).json()) as { paths: object };
    for (const p of [
      '/__sim/classroom',
      '/__sim/classroom/reset',
      '/__sim/classroom/archive-now',
      '/__sim/classroom/fail-next',
    ]) {
      expect(doc.paths).toHaveProperty([p]);
    }
  });
});
