import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKantaSim, type KantaSimInstance } from '../support/sim.js';

describe('seeding archivists from a scenario', () => {
  let sim: KantaSimInstance;
  beforeAll(async () => {
    sim = await startKantaSim();
  });
  afterAll(async () => {
    await sim.stop();
  });

  it('creates the archivists of a scenario, who can then sign in', async () => {
    const org = sim.demo.organiser.oid;
    const result = await sim.control.seed({
      archivists: [{ organisation: org, name: 'Siru Seedattu', username: 'siru', password: 'salainen-123' }],
    });
    expect(result.archivists).toBe(1);
    const archivists = await sim.running.archivist.store.listArchivists(org);
    expect(archivists.map((a) => a.username)).toContain('siru');
  });

  it('refuses an archivist entry without a name, naming the field', async () => {
    await expect(
      sim.control.seed({ archivists: [{ organisation: sim.demo.organiser.oid }] }),
    ).rejects.toThrow(/archivists\[0\]\.name/);
  });
});
