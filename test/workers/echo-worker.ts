/** A worker for the pool tests: answers, throws, sends what cannot be cloned, or dies, as the job says. */
import { serveJobs } from '../../server/workers/serve-jobs.js';

export type EchoJob =
  | { readonly kind: 'double'; readonly n: number }
  | { readonly kind: 'throw' }
  | { readonly kind: 'unclonable' }
  | { readonly kind: 'die' };

serveJobs((job: EchoJob) => {
  switch (job.kind) {
    case 'double':
      return { where: 'worker', value: job.n * 2 };
    case 'throw':
      throw new Error('the worker failed');
    case 'unclonable':
      return { where: 'worker', value: () => 0 };
    case 'die':
      process.exit(3);
  }
});
