/**
 * A small pool of worker threads for synchronous CPU work. The archive reads documents in it (MIME, CDA
 * parse, signatures, validation), so that the event loop serving TLS and HTTP never waits for XML.
 *
 * How it behaves, and why:
 * - Lazy: no thread starts until the first job, and jobs run on the calling thread until a worker has
 *   loaded its modules. Start-up stays as fast as without a pool, and a test suite that archives three
 *   documents never pays for threads.
 * - It can only make an answer slower, never different: a job whose worker throws, dies or cannot send
 *   its result back is run on the calling thread instead, and a worker that died after serving is
 *   replaced (one that never loaded is not, so a broken installation cannot respawn in a loop).
 * - Jobs go to the worker with the fewest jobs outstanding.
 *
 * The worker module calls serveJobs() (serve-jobs.ts).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { WorkerMessage } from './serve-jobs.js';

export interface WorkerPoolOptions<J, A> {
  /** The worker module: a .ts file under tsx or vitest, the compiled .js otherwise (see workerEntry). */
  readonly entry: URL;
  /** Handed to every worker as workerData (plain data: it is structured-cloned). */
  readonly workerData: unknown;
  /** Worker threads; 0 runs every job on the calling thread. */
  readonly size: number;
  /** The same work on the calling thread: before the workers are up, and whenever one fails. */
  readonly runOnThread: (job: J) => A;
  /** Makes an answer that crossed the thread boundary whole again (class instances, shared objects). */
  readonly revive: (answer: A) => A;
  /** V8 heap limits of each worker (e.g. a small young generation for short-lived garbage). */
  readonly resourceLimits?: ResourceLimits;
  /** Told when a worker is lost before it loaded (it is not replaced; jobs run on the calling thread). */
  readonly onStartFailure?: (reason: string) => void;
}

export interface WorkerPool<J, A> {
  readonly size: number;
  /** Runs `job` in a worker (or on this thread, see above); rejects only if runOnThread throws. */
  run(job: J): Promise<A>;
  /**
   * Starts the threads now instead of at the first job; resolves, once each has loaded or failed, with
   * the number ready to take jobs (tests and benchmarks that must measure the workers, not the fallback).
   */
  start(): Promise<number>;
  /** Stops the workers; later jobs run on the calling thread. */
  close(): Promise<void>;
}

interface Pending<J, A> {
  readonly job: J;
  readonly resolve: (answer: A) => void;
  readonly reject: (error: unknown) => void;
}

interface Slot<J, A> {
  readonly worker: Worker;
  readonly pending: Map<number, Pending<J, A>>;
  ready: boolean;
  /** Resolves when the worker has loaded (true) or was lost before it did (false). */
  readonly settled: Promise<boolean>;
}

/** The pool's mutable state, shared by its methods and its workers' event handlers. */
interface PoolState<J, A> {
  readonly options: WorkerPoolOptions<J, A>;
  readonly slots: Slot<J, A>[];
  started: boolean;
  closed: boolean;
  nextId: number;
}

/** Runs a job on the calling thread: the fallback whenever no worker can take it. */
function runHere<J, A>(options: WorkerPoolOptions<J, A>, p: Pending<J, A>): void {
  try {
    p.resolve(options.runOnThread(p.job));
  } catch (e) {
    p.reject(e);
  }
}

/**
 * Starts one worker. A worker lost after it was ready is replaced; its outstanding jobs are read on the
 * calling thread, so no job is ever lost with it.
 */
function spawn<J, A>(state: PoolState<J, A>): void {
  const { options, slots } = state;
  const worker = startWorker(options.entry, options.workerData, options.resourceLimits ?? {});
  worker.unref();
  let settle: (ready: boolean) => void = () => undefined;
  const settled = new Promise<boolean>((resolve) => (settle = resolve));
  const slot: Slot<J, A> = { worker, pending: new Map(), ready: false, settled };
  slots.push(slot);
  worker.on('message', (message: WorkerMessage<A>) => {
    if ('ready' in message) {
      slot.ready = true;
      settle(true);
      return;
    }
    const p = slot.pending.get(message.id);
    if (!p) {
      return;
    }
    slot.pending.delete(message.id);
    if ('result' in message) {
      p.resolve(options.revive(message.result));
    } else {
      runHere(options, p);
    }
  });
  let lost = false;
  const lose = (reason: unknown): void => {
    if (lost) {
      return;
    }
    lost = true;
    settle(false);
    if (!slot.ready && !state.closed) {
      options.onStartFailure?.(
        reason instanceof Error ? reason.message : `the thread exited with code ${String(reason)}`,
      );
    }
    slots.splice(slots.indexOf(slot), 1);
    const orphans = [...slot.pending.values()];
    slot.pending.clear();
    if (!state.closed && slot.ready) {
      spawn(state);
    }
    orphans.forEach((o) => runHere(options, o));
  };
  worker.on('error', lose);
  worker.on('exit', lose);
}

/** A pool of `options.size` worker threads, started at the first job or by start(). */
export function createWorkerPool<J, A>(options: WorkerPoolOptions<J, A>): WorkerPool<J, A> {
  const size = Math.max(0, Math.floor(options.size));
  const state: PoolState<J, A> = { options, slots: [], started: false, closed: false, nextId: 1 };
  const { slots } = state;
  const onThread = (p: Pending<J, A>): void => runHere(options, p);

  const startOnce = (): void => {
    if (!state.started && !state.closed) {
      state.started = true;
      for (let i = 0; i < size; i++) {
        spawn(state);
      }
    }
  };

  return {
    size,
    run(job) {
      return new Promise<A>((resolve, reject) => {
        const p: Pending<J, A> = { job, resolve, reject };
        startOnce();
        const slot = leastBusy(slots);
        if (state.closed || !slot) {
          onThread(p);
          return;
        }
        const id = state.nextId++;
        slot.pending.set(id, p);
        try {
          slot.worker.postMessage({ id, job });
        } catch {
          // A job that cannot be cloned (or a worker already gone) is read here instead.
          slot.pending.delete(id);
          onThread(p);
        }
      });
    },
    async start() {
      startOnce();
      await Promise.all(slots.map((s) => s.settled));
      return slots.filter((s) => s.ready).length;
    },
    async close() {
      state.closed = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

/** The ready worker with the fewest jobs outstanding, if any worker is ready. */
function leastBusy<J, A>(slots: readonly Slot<J, A>[]): Slot<J, A> | undefined {
  let best: Slot<J, A> | undefined;
  for (const s of slots) {
    if (s.ready && (!best || s.pending.size < best.pending.size)) {
      best = s;
    }
  }
  return best;
}

/** `name` beside the calling module, with the caller's extension: `.ts` under tsx/vitest, `.js` built. */
export function workerEntry(callerUrl: string, name: string): URL {
  return new URL(`./${name}${callerUrl.endsWith('.ts') ? '.ts' : '.js'}`, callerUrl);
}

/*
 * A worker inherits no module loader from its parent: from TypeScript sources (tsx, vitest) a two-line
 * bootstrap registers tsx's ESM hooks in the new thread before importing the entry.
 */
function startWorker(entry: URL, workerData: unknown, resourceLimits: ResourceLimits): Worker {
  if (!entry.pathname.endsWith('.ts')) {
    return new Worker(entry, { workerData, resourceLimits });
  }
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href.replace(
    /loader\.mjs$/,
    'esm/api/index.mjs',
  );
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData, resourceLimits });
}
