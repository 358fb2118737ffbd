/**
 * `kanta-sim classroom` against a running kanta-sim: makes a class and prints every account with the
 * sign-in address, shows it, resets a trainee; bad input exits non-zero with the reason on stderr.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runClassroomCommand } from '../../server/cli/classroom.js';
import type { KantaSimInstance } from '../support/sim.js';
import { SCENARIO, startClassroomSim } from '../classroom/support.js';

describe('kanta-sim classroom', () => {
  let sim: KantaSimInstance;
  beforeAll(async () => {
    sim = await startClassroomSim();
  });
  afterAll(async () => {
    await sim.stop();
  });

  const run = async (...args: string[]): Promise<{ code: number; out: string; err: string }> => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runClassroomCommand(
      [...args, '--web-url', sim.webUrl],
      {},
      {
        out: (l) => out.push(l),
        err: (l) => err.push(l),
      },
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it.each([
    [['--trainees', '0'], 1, 'trainees'],
    [['--trainees', '1000'], 1, 'trainees'],
    [['--trainees', 'many'], 2, '--trainees'],
    [['--trainees', '2', '--scenario', 'nonexistent'], 1, 'nonexistent'],
    [['--trainees', '2', '--colour', 'red'], 2, 'colour'],
    [['reset'], 1, 'no class'],
  ])('refuses %j with exit %i', async (args, code, names) => {
    const answer = await run(...args);
    expect(answer.code).toBe(code);
    expect(answer.err).toContain(names);
  });

  it('makes a class and prints the accounts and where to sign in', async () => {
    const made = await run('classroom', '--trainees', '2', '--scenario', SCENARIO, '--lang', 'en');
    expect(made).toMatchObject({ code: 0, err: '' });
    expect(made.out).toContain('Class made');
    expect(made.out).toContain(`${sim.webUrl}/archivist/login`);
    expect(made.out).toMatch(/trainee02 +\S+ +Training municipality 02/);
    expect(made.out).toMatch(/kouluttaja +\S+ +Training organisation/);
    const again = await run('--trainees', '2', '--scenario', SCENARIO, '--lang', 'en');
    expect(again.out).toContain('already there, unchanged');
  });

  it('shows the class and resets one trainee', async () => {
    const shown = await run('show');
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(/trainee01 +signed out +0 log entries/);
    expect(await run('reset', 'trainee02')).toMatchObject({
      code: 0,
      out: expect.stringContaining('trainee02'),
    });
    expect(await run('reset', 'trainee09')).toMatchObject({
      code: 1,
      err: expect.stringContaining('trainee09'),
    });
  });

  it('says to start kanta-sim when none answers', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runClassroomCommand(
      ['show', '--web-url', 'http://127.0.0.1:9'],
      {},
      {
        out: (l) => out.push(l),
        err: (l) => err.push(l),
      },
    );
    expect(code).toBe(1);
    expect(err.join('\n')).toContain('start kanta-sim first');
  });
});
