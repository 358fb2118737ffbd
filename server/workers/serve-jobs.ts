/**
 * The worker side of worker-pool.ts: answers each job with the handler's result, or with an error the
 * pool answers by running the job on its own thread. Posts `ready` once the worker's modules are loaded.
 */
import { parentPort } from 'node:worker_threads';

export type WorkerMessage<A> =
  | { readonly ready: true }
  | { readonly id: number; readonly result: A }
  | { readonly id: number; readonly error: string };

export function serveJobs<J, A>(handle: (job: J) => A): void {
  const port = parentPort;
  if (!port) {
    throw new Error('a worker module runs only as a worker thread (see worker-pool.ts)');
  }
  const post = (message: WorkerMessage<A>): void => port.postMessage(message);
  port.on('message', ({ id, job }: { id: number; job: J }) => {
    let result: A;
    try {
      result = handle(job);
    } catch (e) {
      post({ id, error: e instanceof Error ? e.message : String(e) });
      return;
    }
    try {
      post({ id, result });
    } catch (e) {
      // A result that cannot be structured-cloned: the pool reads the document on its own thread.
      post({ id, error: `the result cannot be sent: ${e instanceof Error ? e.message : String(e)}` });
    }
  });
  post({ ready: true });
}
