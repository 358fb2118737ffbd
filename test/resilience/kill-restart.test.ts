import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCli, type CliServer } from '../../bench/cli-server.js';
import { openDatabase } from '../../server/store/open-database.js';
import { SqliteArchiveStore } from '../../server/store/sqlite-archive-store.js';
import { messages, post, prepareDataDir, tlsAgent } from './support.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('kill -9 during sustained archiving', () => {
  let dir: string | undefined;
  let server: CliServer | undefined;
  afterAll(async () => {
    await server?.stop('SIGKILL');
    if (dir) {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('keeps every document acknowledged AA, byte-identical, and nothing half-written', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kanta-sim-kill-'));
    const { parties, client } = await prepareDataDir(dir);
    const built = messages(parties, '71', 60);
    server = await startCli(ROOT, 'tsx', dir);
    const kantaUrl = `https://127.0.0.1:${server.kantaPort}/sha`;
    const agent = tlsAgent(client);
    const acknowledged = new Map<string, string>();
    let next = 0;
    let killed = false;
    const sender = async (): Promise<void> => {
      while (next < built.length && !killed) {
        const m = built[next++]!;
        const answer = await post(agent, kantaUrl, m.messageXml).catch(() => undefined);
        if (answer?.typeCode === 'AA') {
          acknowledged.set(m.id, createHash('sha256').update(m.cdaXml, 'utf8').digest('hex'));
        }
      }
    };
    const senders = Promise.all([sender(), sender(), sender(), sender()]);
    while (acknowledged.size < 12 && next < built.length) {
      await new Promise((r) => setTimeout(r, 5));
    }
    // Killed with requests in flight: some are mid-transaction, none of them was acknowledged yet.
    killed = true;
    await server.stop('SIGKILL');
    await senders;
    agent.destroy();
    expect(acknowledged.size).toBeGreaterThanOrEqual(12);

    server = await startCli(ROOT, 'tsx', dir);
    const again = tlsAgent(client);
    const fresh = messages(parties, '72', 1)[0]!;
    expect((await post(again, `https://127.0.0.1:${server.kantaPort}/sha`, fresh.messageXml)).typeCode).toBe(
      'AA',
    );
    again.destroy();
    await server.stop();
    server = undefined;

    const db = await openDatabase(path.join(dir, 'archive.sqlite'));
    const store = new SqliteArchiveStore(db);
    try {
      for (const [id, sha] of acknowledged) {
        const bytes = await store.getDocumentBytes(id);
        expect(bytes, id).toBeDefined();
        expect(createHash('sha256').update(bytes!).digest('hex')).toBe(sha);
      }
      for (const doc of await store.listDocuments({ limit: 10_000 })) {
        const bytes = await store.getDocumentBytes(doc.id);
        expect(bytes, `${doc.id} has metadata but no bytes`).toBeDefined();
        expect(createHash('sha256').update(bytes!).digest('hex')).toBe(doc.sha256);
      }
    } finally {
      await db.close();
    }
  });
});
