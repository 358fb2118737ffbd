import { afterEach, describe, expect, it } from 'vitest';
import { createWorkerPool, type WorkerPool } from '../../server/workers/worker-pool.js';
import type { EchoJob } from './echo-worker.js';

interface Answer {
  readonly where: string;
  readonly value: unknown;
  readonly revived?: boolean;
}

const entry = new URL('./echo-worker.ts', import.meta.url);
const onThread = (job: EchoJob): Answer => ({
  where: 'thread',
  value: job.kind === 'double' ? job.n * 2 : job.kind,
});

/** Every pool a test creates, closed after it so no worker thread outlives its test. */
const pools: WorkerPool<EchoJob, Answer>[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

function pool(size: number): WorkerPool<EchoJob, Answer> {
  const p = createWorkerPool<EchoJob, Answer>({
    entry,
    workerData: null,
    size,
    runOnThread: onThread,
    revive: (a) => ({ ...a, revived: true }),
  });
  pools.push(p);
  return p;
}

describe('the worker pool', () => {
  it('runs jobs on the calling thread until a worker has loaded, then in the workers', async () => {
    const p = pool(2);
    expect(await p.run({ kind: 'double', n: 2 })).toEqual({ where: 'thread', value: 4 });
    expect(await p.start()).toBe(2);
    const answers = await Promise.all([1, 2, 3, 4].map((n) => p.run({ kind: 'double', n })));
    expect(answers).toEqual([2, 4, 6, 8].map((value) => ({ where: 'worker', value, revived: true })));
  });

  it('answers on the calling thread when the worker throws or cannot send its result', async () => {
    const p = pool(1);
    await p.start();
    expect(await p.run({ kind: 'throw' })).toEqual({ where: 'thread', value: 'throw' });
    expect(await p.run({ kind: 'unclonable' })).toEqual({ where: 'thread', value: 'unclonable' });
    expect((await p.run({ kind: 'double', n: 5 })).where).toBe('worker');
  });

  it('answers the jobs of a worker that died on the calling thread, and replaces the worker', async () => {
    const p = pool(1);
    await p.start();
    const [died, alongside] = await Promise.all([p.run({ kind: 'die' }), p.run({ kind: 'double', n: 1 })]);
    expect(died).toEqual({ where: 'thread', value: 'die' });
    expect(alongside.value).toBe(2);
    expect(await p.start()).toBe(1);
    expect((await p.run({ kind: 'double', n: 7 })).where).toBe('worker');
  });

  it('with size 0 or after close, every job runs on the calling thread', async () => {
    const none = pool(0);
    expect(await none.start()).toBe(0);
    expect((await none.run({ kind: 'double', n: 1 })).where).toBe('thread');
    const closed = pool(1);
    await closed.start();
    await closed.close();
    expect((await closed.run({ kind: 'double', n: 1 })).where).toBe('thread');
  });

  it('says when a worker cannot load, does not respawn it, and answers on the calling thread', async () => {
    const failures: string[] = [];
    const p = createWorkerPool<EchoJob, Answer>({
      entry: new URL('./broken-worker.ts', import.meta.url),
      workerData: null,
      size: 2,
      runOnThread: onThread,
      revive: (a) => a,
      onStartFailure: (reason) => failures.push(reason),
    });
    pools.push(p);
    expect(await p.start()).toBe(0);
    expect(failures).toHaveLength(2);
    expect(failures[0]).toContain('cannot load');
    expect(await p.run({ kind: 'double', n: 3 })).toEqual({ where: 'thread', value: 6 });
    expect(await p.start()).toBe(0);
  });

  it('rejects only when the calling thread itself fails', async () => {
    const p = createWorkerPool<EchoJob, Answer>({
      entry,
      workerData: null,
      size: 0,
      runOnThread: () => {
        throw new Error('no');
      },
      revive: (a) => a,
    });
    await expect(p.run({ kind: 'double', n: 1 })).rejects.toThrow('no');
  });
});
