import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKantaSim } from '../../server/index.js';

describe('seed at start-up, and snapshots of a database file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kanta-sim-seed-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('seeds from a scenario file; snapshots survive a restart', async () => {
    const scenario = path.join(dir, 'scenario.json');
    await writeFile(
      scenario,
      JSON.stringify({
        description: 'one client plan for a test client',
        identities: [{ hetu: '200111A904P', given: ['Emil'], family: 'Esimerkki', gender: '1' }],
        documents: [
          { template: 'client-plan', organisation: '1.2.246.10.12345678.10.0', hetu: '200111A904P' },
        ],
      }),
    );
    const dataDir = path.join(dir, 'data');
    const first = await startKantaSim({ dataDir, memory: false, seed: scenario });
    try {
      const docs = await first.control.documents({ hetu: '200111A904P' });
      expect(docs.total).toBe(1);
      await first.control.snapshot('seeded');
    } finally {
      await first.stop();
    }
    const second = await startKantaSim({ dataDir, memory: false });
    try {
      await second.control.reset();
      expect((await second.control.documents()).total).toBe(0);
      await second.control.restore('seeded');
      expect((await second.control.documents({ hetu: '200111A904P' })).total).toBe(1);
    } finally {
      await second.stop();
    }
  });

  it('a broken scenario stops the start with a named error', async () => {
    const scenario = path.join(dir, 'broken.json');
    await writeFile(scenario, JSON.stringify({ documents: [{ template: 'poem' }] }));
    await expect(startKantaSim({ seed: scenario })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
