/**
 * The WAL checkpoint thread (wal-checkpointer.ts): its own connection to the archive's database file,
 * copying the write-ahead log back into the file whenever it is asked.
 */
import { workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { serveJobs } from '../workers/serve-jobs.js';
import { checkpoint, type CheckpointJob, type CheckpointSetup } from './wal-checkpointer.js';

const { file } = workerData as CheckpointSetup;
const db = new Database(file, { fileMustExist: true });

serveJobs((_job: CheckpointJob) => checkpoint(db));
