/**
 * Named snapshots of the whole archive state, for the control API (save, restore, list). What a snapshot
 * leaves out (the usage log, archivists and their sessions) is the implementation's to say
 * (sqlite-snapshot-store.ts).
 */

export interface SnapshotInfo {
  readonly name: string;
  readonly created: string;
  readonly tables: number;
  readonly rows: number;
}

export interface SnapshotStore {
  /** Saves the current data under `name`, replacing an earlier snapshot of that name. */
  save(name: string, created: string): Promise<SnapshotInfo>;
  /** Replaces the live data with the snapshot's. Throws NOT_FOUND for an unknown name. */
  restore(name: string): Promise<SnapshotInfo>;
  list(): Promise<SnapshotInfo[]>;
}
