/**
 * The composition root closes what it opened: a launch that fails half-way (here the web port is taken,
 * after the document reader's worker threads have started) closes the reader's threads and the database,
 * so that the process exits instead of hanging; stop() closes the same things.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as DocumentReaderModule from '../../server/archive/document-reader.js';
import { launch } from '../../server/compose/kanta-sim.js';
import { loadConfig, type KantaSimConfig } from '../../server/config.js';
import type { ErrorCode } from '../../server/errors.js';

const readers = vi.hoisted(() => ({ started: [] as Promise<number>[], closed: 0 }));

vi.mock('../../server/archive/document-reader.js', async (importOriginal) => {
  const original = await importOriginal<typeof DocumentReaderModule>();
  return {
    ...original,
    createDocumentReader: (...args: Parameters<typeof original.createDocumentReader>) => {
      const reader = original.createDocumentReader(...args);
      // The threads start at once, as they do under the first load: the failure below comes after them.
      readers.started.push(reader.start());
      return {
        ...reader,
        close: async () => {
          readers.closed += 1;
          await reader.close();
        },
      };
    },
  };
});

describe('launch', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'kanta-sim-compose-'));
    readers.started.length = 0;
    readers.closed = 0;
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const config = (webPort: number): KantaSimConfig =>
    loadConfig({
      overrides: {
        port: 0,
        webPort,
        webHost: '127.0.0.1',
        memory: true,
        quiet: true,
        readerThreads: 1,
        dataDir,
      },
    });

  it('closes the reader threads when the web port is taken', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const failure = await launch(config(port)).catch((e: unknown) => e);
      // Typed against the error catalogue: a renamed code fails to compile here.
      expect(failure).toMatchObject({ code: 'PORT_IN_USE' satisfies ErrorCode });
      expect(readers.started).toHaveLength(1);
      expect(readers.closed).toBe(1);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it('closes the reader threads on stop()', async () => {
    const sim = await launch(config(0));
    expect(await readers.started[0]).toBe(1);
    await sim.stop();
    expect(readers.closed).toBe(1);
  });
});
