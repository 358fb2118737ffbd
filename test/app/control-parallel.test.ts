import { describe, expect, it } from 'vitest';
import { startKantaSim } from '../../server/index.js';
import { clientPlanMessage, post } from '../control/support/messages.js';

describe('two instances in one process', () => {
  it("start in parallel and do not see each other's documents, journal, faults or clock", async () => {
    const [a, b] = await Promise.all([startKantaSim(), startKantaSim()]);
    try {
      expect(a.kantaUrl).not.toBe(b.kantaUrl);
      expect(a.webUrl).not.toBe(b.webUrl);
      await a.control.faults.add({ kind: 'ar' });
      await a.control.clock.set('2030-01-01T00:00:00Z');
      const [toA, toB] = await Promise.all([
        post(a, clientPlanMessage(a, '010181-900C').xml),
        post(b, clientPlanMessage(b, '010181-900C').xml),
      ]);
      expect(toA.ok && toA.ack().typeCode).toBe('AR');
      expect(toB.ok && toB.ack().typeCode).toBe('AA');
      expect((await a.control.documents()).total).toBe(0);
      expect((await b.control.documents()).total).toBe(1);
      expect(await a.control.journal()).toHaveLength(1);
      expect(await b.control.journal()).toHaveLength(1);
      expect(await b.control.faults.list()).toEqual([]);
      expect((await b.control.clock.get()).mode).toBe('real');
      await b.control.snapshot('b-only');
      await expect(a.control.restore('b-only')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
