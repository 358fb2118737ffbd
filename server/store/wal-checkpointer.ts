/**
 * WAL checkpoints on a thread of their own.
 *
 * Why: in WAL mode SQLite appends each commit to the -wal file and, once the log holds 1,000 pages, the
 * committing connection copies it back into the database file and syncs both (a checkpoint). With the
 * synchronous binding (sqlite-database.ts) that checkpoint ran on the event loop: under a bulk load the
 * server stopped for 5-15 ms every few dozen documents, most of it in the copy and fsync, and about half
 * of the time SQLite spent on writes was checkpoints (docs/performance.md). Here the connection serving
 * requests never checkpoints (wal_autocheckpoint = 0): every CHECKPOINT_EVERY commits a worker thread with
 * its own connection does, while requests and commits go on.
 *
 * A checkpoint that runs beside commits cannot copy what they append meanwhile, and SQLite starts the log
 * again from its beginning only once all of it has been copied: under a steady load (a migration of
 * millions of documents) the log would grow for as long as the load lasted. So once it holds
 * RESTART_FRAMES, one checkpoint holds the write lock (SqliteDatabase.exclusive) while it runs: reads go on
 * and the event loop is free, commits wait (10-27 ms, about every 160 documents at concurrency 8), and the
 * next commit starts the log anew.
 *
 * Until the thread has loaded, and if it cannot start or fails, a checkpoint runs on the calling thread as
 * before (worker-pool.ts).
 */
import type Database from 'better-sqlite3';
import { createWorkerPool, workerEntry, type WorkerPool } from '../workers/worker-pool.js';

/** Commits between checkpoints: a commit appends ~10-30 pages, SQLite's own interval is 1,000 pages. */
export const CHECKPOINT_EVERY = 32;

/** Pages in the log (16 MB) from which a checkpoint holds commits back so that the log can start anew. */
export const RESTART_FRAMES = 4000;

export interface CheckpointSetup {
  readonly file: string;
}

/** A request for one checkpoint (no parameters: the worker knows its file). */
export type CheckpointJob = Record<string, never>;

/** What SQLite reports: frames in the log and frames copied (equal when the checkpoint is complete). */
export interface CheckpointResult {
  readonly logFrames: number;
  readonly checkpointedFrames: number;
}

/** PASSIVE: never waits for readers or invokes the busy handler; copies what no reader still needs. */
export function checkpoint(db: Database.Database): CheckpointResult {
  const [row] = db.pragma('main.wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
  return { logFrames: row?.log ?? 0, checkpointedFrames: row?.checkpointed ?? 0 };
}

/** Runs `fn` while no other write transaction runs on the connection (SqliteDatabase.exclusive). */
export type HoldWrites = <T>(fn: () => Promise<T>) => Promise<T>;

/**
 * The checkpoints of the database `file`, whose connection `here` serves requests and is the fallback.
 * The thread starts with the first checkpoint, so a short-lived process (a CLI command, a test that
 * writes a few rows) never pays for it.
 */
export class WalCheckpointer {
  private readonly pool: WorkerPool<CheckpointJob, CheckpointResult>;
  private commits = 0;
  private running = false;

  constructor(
    file: string,
    here: Database.Database,
    private readonly holdWrites: HoldWrites,
  ) {
    this.pool = createWorkerPool({
      entry: workerEntry(import.meta.url, 'wal-checkpoint-worker'),
      workerData: { file } satisfies CheckpointSetup,
      size: 1,
      runOnThread: () => checkpoint(here),
      revive: (result) => result,
      // The thread holds a connection and answers with two numbers: a small heap is plenty.
      resourceLimits: { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 32 },
    });
  }

  /** Counts a commit of the serving connection; every CHECKPOINT_EVERY one starts a checkpoint. */
  committed(): void {
    if (++this.commits < CHECKPOINT_EVERY || this.running) {
      return;
    }
    this.commits = 0;
    this.running = true;
    void this.checkpoint()
      // A failed checkpoint leaves the log as it was; the next one copies it.
      .catch(() => undefined)
      .finally(() => (this.running = false));
  }

  /** One checkpoint beside the commits, and one holding them back if the log has grown long. */
  async checkpoint(): Promise<CheckpointResult> {
    const beside = await this.pool.run({});
    if (beside.logFrames < RESTART_FRAMES) {
      return beside;
    }
    return this.holdWrites(() => this.pool.run({}));
  }

  /** Starts the thread now; resolves with 1 once it is ready, 0 if it could not start (tests). */
  start(): Promise<number> {
    return this.pool.start();
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
