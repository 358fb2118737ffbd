/**
 * Signing a class's seed messages on a thread of its own. Signing is most of a sandbox's making time
 * (two RSA signatures and their canonical forms per document), and the archive reads each message on its
 * reader thread, so with signing beside both, the next sandbox is signed while this one is archived.
 * Without a worker (none could start, or a job cannot be sent) a job is signed on the calling thread.
 */
import { signSeedJob, type SeedSigningJob } from '../control/seed-signing.js';
import { createWorkerPool, workerEntry } from '../workers/worker-pool.js';

export interface SeedSigner {
  sign(job: SeedSigningJob): Promise<Buffer>;
  close(): Promise<void>;
}

export function createSeedSigner(threads = 1): SeedSigner {
  const pool = createWorkerPool<SeedSigningJob, Buffer>({
    entry: workerEntry(import.meta.url, 'seed-signer-worker'),
    workerData: undefined,
    size: threads,
    runOnThread: signSeedJob,
    // A worker's Buffer arrives as a plain Uint8Array.
    revive: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  });
  // The pool runs jobs on this thread until its workers have loaded; a class hands over hundreds of jobs
  // at once, so it waits for the threads first (start() resolves as well when none could start).
  let started: Promise<number> | undefined;
  return {
    sign: async (job) => {
      await (started ??= pool.start());
      return pool.run(job);
    },
    close: () => pool.close(),
  };
}
