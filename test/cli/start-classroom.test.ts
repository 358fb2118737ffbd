/**
 * The trainer's one command: `kanta-sim start --classroom N` starts kanta-sim, makes the class through the
 * classroom service and prints every account in the banner; again on the same data directory it keeps the
 * class; a conflicting class is refused without a running server, and bad values are usage errors.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS_DIR } from '../../server/compose/classroom.js';
import { SCENARIO, SMALL_CLASS } from '../classroom/support.js';
import { mustRun, runStart, type ExitedProcess } from '../support/cli-start.js';

const PORTS = ['--port', '0', '--web-port', '0'];

describe('kanta-sim start --classroom', { timeout: 90_000 }, () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'kanta-sim-start-class-'));
    mkdirSync(path.join(dataDir, SCENARIOS_DIR));
    writeFileSync(path.join(dataDir, SCENARIOS_DIR, `${SCENARIO}.json`), JSON.stringify(SMALL_CLASS));
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });
  const start = (...args: string[]) =>
    runStart(['--data-dir', dataDir, ...PORTS, '--scenario', SCENARIO, '--lang', 'en', ...args]);

  it('starts, makes the class and lists its accounts in the banner; the same class again is kept', async () => {
    const sim = mustRun(await start('--classroom', '2'));
    try {
      const webUrl = /Web listener +(http:\/\/\S+)/.exec(sim.banner)?.[1] ?? '';
      expect(sim.banner).toContain('Class made');
      expect(sim.banner).toContain(`Sign in at ${webUrl}/archivist/login`);
      expect(sim.banner).toMatch(/kouluttaja +\S+ +Training organisation/);
      expect(sim.banner).toMatch(/trainee02 +\S+ +Training municipality 02/);
      expect(sim.banner).toContain(`${webUrl}/archivist/classroom/cards`);
      const overview = (await (await fetch(`${webUrl}/__sim/classroom`)).json()) as {
        classroom: { trainees: number; scenario: string };
        trainees: unknown[];
      };
      expect(overview.classroom).toMatchObject({ trainees: 2, scenario: SCENARIO });
      expect(overview.trainees).toHaveLength(2);
    } finally {
      await sim.stop();
    }
    const again = mustRun(await start('--classroom', '2'));
    await again.stop();
    expect(again.banner).toContain('already there, unchanged');
  });

  it('refuses a smaller class than the one there: exit 1, the reason, no server left running', async () => {
    const r = (await start('--classroom', '1')) as ExitedProcess;
    expect('banner' in r).toBe(false);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('is ready');
    expect(r.stderr).toContain('CONFLICT');
    expect(r.stderr).toContain('does not shrink');
  });

  it.each([['0'], ['abc'], ['61']])('refuses --classroom %s as a usage error (exit 2)', async (n) => {
    const r = (await runStart(['--data-dir', dataDir, ...PORTS, '--classroom', n])) as ExitedProcess;
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--classroom: expected a number of trainees from 1 to 60, got "${n}"`);
  });
});
