import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoMessage } from '../../../server/samples/demo-message.js';
import { send, startKantaSim, type KantaSimInstance } from '../../support/sim.js';

describe('the Kanta interface', () => {
  let sim: KantaSimInstance;
  beforeAll(async () => {
    sim = await startKantaSim();
  });
  afterAll(async () => {
    await sim.stop();
  });

  it('archives the demo client plan and answers AA, then AA again for the same message', async () => {
    const message = demoMessage(sim.running.demo, new Date());
    const first = await send(sim, message);
    expect(first.status).toBe(200);
    expect(first.ack.typeCode).toBe('AA');
    const again = await send(sim, message);
    expect(again.ack.typeCode).toBe('AA');
    expect(await sim.running.store.countDocuments({})).toBe(1);
  });

  it('serves health as ready', async () => {
    const res = await fetch(`${sim.webUrl}/__sim/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ready', database: true });
    expect(await readFile(sim.caBundlePath, 'utf8')).toContain('BEGIN CERTIFICATE');
  });
});
