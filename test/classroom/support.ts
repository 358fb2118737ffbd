/**
 * Test support for the classroom: a small scenario of its own (one register keeper, two clients, six
 * documents over several years) written into the data directory's scenario folder, and a running
 * kanta-sim whose classroom reads it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SCENARIOS_DIR } from '../../server/compose/classroom.js';
import { startKantaSim, type KantaSimInstance } from '../support/sim.js';

export const SCENARIO = 'valid_small_class';
export const AINO = '200111A904P';
export const EINO = '010181-900C';

const KEEPER = '1.2.246.10.5555555.10.0';

/** Six documents for two clients, dated 2016..2024, all of which the archive accepts. */
export const SMALL_CLASS = {
  description: 'Two families of the classroom tests: what a trainee searches, views and invalidates.',
  organisations: [
    { oid: KEEPER, name: 'Mallikunta', units: [{ oid: '1.2.246.10.5555555.10.1', name: 'Perhepalvelut' }] },
  ],
  identities: [
    { hetu: AINO, given: ['Aino'], family: 'Esimerkki', gender: '2' },
    { hetu: EINO, given: ['Eino'], family: 'Malli', gender: '1' },
  ],
  documents: [
    { template: 'initiation', organisation: KEEPER, hetu: AINO, date: '2016-03-01T09:00:00Z' },
    { template: 'assessment', organisation: KEEPER, hetu: AINO, date: '2016-04-11T09:00:00Z' },
    { template: 'client-plan', organisation: KEEPER, hetu: AINO, date: '2019-05-20T09:00:00Z' },
    { template: 'initiation', organisation: KEEPER, hetu: EINO, date: '2021-01-12T09:00:00Z' },
    { template: 'decision', organisation: KEEPER, hetu: EINO, date: '2022-06-01T09:00:00Z' },
    { template: 'client-note', organisation: KEEPER, hetu: EINO, date: '2024-02-02T09:00:00Z' },
  ],
};

/** A kanta-sim with the small scenario in its data directory's scenario folder. */
export async function startClassroomSim(): Promise<KantaSimInstance> {
  const sim = await startKantaSim();
  const dir = path.join(sim.dataDir, SCENARIOS_DIR);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, `${SCENARIO}.json`), JSON.stringify(SMALL_CLASS, null, 2));
  return sim;
}
