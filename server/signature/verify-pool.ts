/**
 * Signature verification off the event loop: a small pool of worker threads (one per core by default),
 * each holding its own copy of the trust store, built from PEM texts when the pool starts.
 *
 * Why: verification is synchronous CPU work; in a worker it runs on another core while the main thread
 * keeps serving. Measured (docs/performance.md): since signature-crypto.ts replaced xml-crypto's
 * checkSignature, verifying a Kanta document takes ~0.5 ms of a request's ~5-9 ms, less than a worker
 * costs to re-parse the text it is sent, so the archive does not use the pool; it stays available (and
 * tested) for heavier documents or more cores.
 *
 * The result is the same value verifyDocumentSignatures returns. A worker that fails or dies does not
 * fail the request: its jobs are verified on the calling thread instead and the worker is replaced, so
 * the pool can only make answers slower, never different.
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TrustStorePems } from '../pki/trust-store.js';
import type { CertificateTrust } from '../pki/trust-types.js';
import type { SignatureVerification } from './signature-types.js';
import {
  rehydrate,
  verifyDocumentText,
  withTrust,
  type PlainVerifyContext,
  type VerifyJob,
  type VerifyJobAnswer,
} from './verify-job.js';

export type { PlainVerifyContext } from './verify-job.js';

/** A trust store the pool can copy into its workers and use itself as a fallback. */
export interface PoolTrust extends CertificateTrust {
  toPems(): TrustStorePems;
}

export interface VerifyPoolOptions {
  /** Worker threads; 0 verifies on the calling thread. Default: the number of cores. */
  readonly size?: number;
}

export interface VerifyPool {
  /** Number of worker threads (0: verification runs on the calling thread). */
  readonly size: number;
  /**
   * Verifies the signatures of the CDA text `xml` in a worker. Resolves with the result
   * verifyDocumentSignatures would give; never rejects for bad input.
   */
  verifyInWorker(xml: string, ctx: PlainVerifyContext): Promise<SignatureVerification>;
  /** Stops the workers; later calls verify on the calling thread. */
  close(): Promise<void>;
}

interface Pending {
  readonly job: VerifyJob;
  readonly resolve: (result: SignatureVerification) => void;
}

interface Slot {
  worker: Worker;
  readonly pending: Map<number, Pending>;
  /** Answered at least once: only a proven worker is replaced when it dies, so a worker that cannot start
   *  at all (no loader, no memory) is dropped instead of being respawned in a loop. */
  proven: boolean;
}

/** Starts `size` verification workers trusting exactly what `trust` trusts. */
export function createVerifyPool(trust: PoolTrust, options: VerifyPoolOptions = {}): VerifyPool {
  const size = Math.max(0, options.size ?? availableParallelism());
  const pems = trust.toPems();
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;

  const onThread = (job: VerifyJob): SignatureVerification =>
    verifyDocumentText(job.xml, withTrust(job.ctx, trust));

  const spawn = (slot?: Slot): Slot => {
    const s: Slot = slot ?? { worker: undefined as unknown as Worker, pending: new Map(), proven: false };
    const worker = startWorker(pems);
    s.worker = worker;
    s.proven = false;
    worker.unref();
    worker.on('message', (answer: VerifyJobAnswer) => {
      s.proven = true;
      const p = s.pending.get(answer.id);
      if (!p) {
        return;
      }
      s.pending.delete(answer.id);
      p.resolve('result' in answer ? rehydrate(answer.result) : onThread(p.job));
    });
    const fail = (): void => {
      if (s.worker !== worker) {
        return;
      }
      // The jobs the lost worker held are verified here, so no request fails because a worker did.
      const lost = [...s.pending.values()];
      s.pending.clear();
      if (!closed && s.proven) {
        spawn(s);
      } else {
        const at = slots.indexOf(s);
        if (at >= 0) {
          slots.splice(at, 1);
        }
      }
      for (const p of lost) {
        p.resolve(onThread(p.job));
      }
    };
    worker.on('error', fail);
    worker.on('exit', fail);
    return s;
  };
  for (let i = 0; i < size; i++) {
    slots.push(spawn());
  }

  return {
    size,
    verifyInWorker(xml, ctx) {
      const job: VerifyJob = { id: nextId++, xml, ctx };
      const slot = leastBusy(slots);
      if (closed || !slot) {
        return Promise.resolve(onThread(job));
      }
      return new Promise((resolve) => {
        slot.pending.set(job.id, { job, resolve });
        slot.worker.postMessage(job);
      });
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

function leastBusy(slots: readonly Slot[]): Slot | undefined {
  let best: Slot | undefined;
  for (const s of slots) {
    if (!best || s.pending.size < best.pending.size) {
      best = s;
    }
  }
  return best;
}

/*
 * The worker runs the compiled verify-worker.js next to this file. From TypeScript sources (tsx, vitest) a
 * worker inherits no loader from its parent, so a two-line bootstrap registers tsx's ESM hooks in the new
 * thread first and then imports verify-worker.ts.
 */
function startWorker(pems: TrustStorePems): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) {
    return new Worker(new URL('./verify-worker.js', here), { workerData: pems });
  }
  const tsxApi = pathToFileURL(createRequire(here).resolve('tsx')).href.replace(
    /loader\.mjs$/,
    'esm/api/index.mjs',
  );
  const entry = new URL('./verify-worker.ts', here).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: pems });
}
