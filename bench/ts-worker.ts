/**
 * Starts a TypeScript module of the bench as a worker thread. A worker inherits no loader from its parent,
 * so a short bootstrap registers tsx's ESM hooks in the new thread before importing the module.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Runs `moduleUrl` in a worker with `data` as workerData; resolves with the first message it posts. */
export function runTsWorker<T>(moduleUrl: URL, data: unknown): Promise<T> {
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href.replace(
    /loader\.mjs$/,
    'esm/api/index.mjs',
  );
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(moduleUrl.href)}); });`;
  const worker = new Worker(bootstrap, { eval: true, workerData: data });
  return new Promise<T>((resolve, reject) => {
    worker.once('message', (m: T) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`worker ${moduleUrl.pathname} exited with ${code}`)));
  });
}
