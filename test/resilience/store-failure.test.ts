import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KantaSimError } from '../../server/errors.js';
import { RULES } from '../../server/rules/catalogue.js';
import type { ArchiveStore } from '../../server/store/archive-store.js';
import { send, startKantaSim, type KantaSimInstance } from '../support/sim.js';
import { messages, partiesOf } from './support.js';
import type { BuildParties } from '../../bench/build-documents.js';

/*
 * The database fails the way SQLite does when its file turns read-only or the disk fills: every write
 * rejects with STORE_FAILED (SQLITE_READONLY / SQLITE_FULL translated by sqlite-database.ts). chmod cannot
 * produce this under root, which CI runs as, so the failure is injected at the store boundary.
 */
describe('the database becomes read-only or full mid-run', () => {
  let sim: KantaSimInstance;
  let parties: BuildParties;
  beforeAll(async () => {
    sim = await startKantaSim();
    parties = partiesOf(sim);
  });
  afterAll(async () => {
    await sim.stop();
  });

  it.each([
    ['read-only', 'SQLITE_READONLY: attempt to write a readonly database'],
    ['full', 'SQLITE_FULL: database or disk is full'],
  ])(
    'answers AE with HTTP 503 while %s, then archives again once it recovers',
    async (_what, sqliteMessage) => {
      const store = sim.running.store as ArchiveStore & { insertDocument: ArchiveStore['insertDocument'] };
      const [before, during, after] = messages(parties, String(Date.now() % 1_000_000_000), 3);
      expect((await send(sim, before!.messageXml)).ack.typeCode).toBe('AA');

      const original = store.insertDocument.bind(store);
      store.insertDocument = () =>
        Promise.reject(new KantaSimError('STORE_FAILED', `database error: ${sqliteMessage}`));
      try {
        const refused = await send(sim, during!.messageXml);
        expect(refused.status).toBe(503);
        expect(refused.ack.typeCode).toBe('AE');
        expect(refused.body).toContain(RULES.ARCHIVE_UNAVAILABLE.code);
        const health = await fetch(`${sim.webUrl}/__sim/health`);
        expect(health.status).toBeLessThan(500);
      } finally {
        store.insertDocument = original;
      }

      expect((await send(sim, during!.messageXml)).ack.typeCode).toBe('AA');
      expect((await send(sim, after!.messageXml)).ack.typeCode).toBe('AA');
      expect(await store.getDocument(during!.id)).toBeDefined();
    },
  );
});
