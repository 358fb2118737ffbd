/**
 * The composition root's storage step: the one SQLite connection every store shares (archive.sqlite in the
 * data directory, or in memory), the archive store on it and the snapshot store attached beside it.
 */
import path from 'node:path';
import type { KantaSimConfig } from '../config.js';
import type { ArchiveStore } from '../store/archive-store.js';
import { storeUnusable } from '../store/database-health.js';
import { openDatabase } from '../store/open-database.js';
import type { SnapshotStore } from '../store/snapshot-store.js';
import { SqliteArchiveStore } from '../store/sqlite-archive-store.js';
import type { SqliteDatabase } from '../store/sqlite-database.js';
import { SqliteSnapshotStore } from '../store/sqlite-snapshot-store.js';

export interface Storage {
  /** The shared connection: the archivist's and the rehearsal's stores open on it too. */
  readonly db: SqliteDatabase;
  readonly store: ArchiveStore;
  readonly snapshots: SnapshotStore;
}

/** Opens and migrates the database; closes it again when the snapshot database cannot be attached. */
export async function openStorage(config: KantaSimConfig): Promise<Storage> {
  const db = await openDatabase(config.memory ? ':memory:' : path.join(config.dataDir, 'archive.sqlite'));
  const snapshotsFile = config.memory ? ':memory:' : path.join(config.dataDir, 'snapshots.sqlite');
  const snapshots = await SqliteSnapshotStore.attach(db, snapshotsFile).catch(async (e: unknown) => {
    await db.close();
    throw storeUnusable(snapshotsFile, e);
  });
  return { db, store: new SqliteArchiveStore(db), snapshots };
}
