/**
 * SnapshotStore on the shared SQLite connection: every table of every feature, found at run time. Snapshot
 * tables live in an attached database, not beside the live tables, so that no feature ever
 * sees them: a file `snapshots.sqlite` in the data directory (snapshots survive restarts) or, for an
 * in-memory archive, a private in-memory database.
 */
import { KantaSimError } from '../errors.js';
import { WRITE_PROBE_TABLE } from './database-health.js';
import type { SnapshotInfo, SnapshotStore } from './snapshot-store.js';
import type { SqliteDatabase } from './sqlite-database.js';

const SNAPSHOT_NAME = /^[A-Za-z0-9_-]{1,64}$/;
/**
 * Tables a snapshot neither saves nor restores: the schema record, and what must outlive a test's state
 * changes. The usage log (käyttöloki) is append-only by law (its triggers refuse DELETE), and archivists
 * with their sessions (and the purposes of use stated in them) are identities, not archive state.
 */
const SKIPPED = new Set([
  'schema_migrations',
  'usage_log',
  'archivists',
  'archivist_sessions',
  'archivist_session_purposes',
  WRITE_PROBE_TABLE,
]);

interface TableListRow {
  schema: string;
  name: string;
  type: string;
}

export class SqliteSnapshotStore implements SnapshotStore {
  private constructor(private readonly db: SqliteDatabase) {}

  /**
   * Attaches the snapshot database to `db`. Call before the connection serves requests: SQLite refuses
   * ATTACH inside a transaction.
   */
  static async attach(db: SqliteDatabase, file: string): Promise<SqliteSnapshotStore> {
    await db.run('ATTACH DATABASE ? AS snapshots', [file]);
    await db.exec(
      'CREATE TABLE IF NOT EXISTS snapshots.snapshot_index (name TEXT NOT NULL, tbl TEXT NOT NULL, created TEXT NOT NULL, row_count INTEGER NOT NULL, PRIMARY KEY (name, tbl))',
    );
    return new SqliteSnapshotStore(db);
  }

  save(name: string, created: string): Promise<SnapshotInfo> {
    requireName(name);
    return this.db.transaction(async () => {
      await this.dropSnapshot(name);
      let rows = 0;
      const tables = await this.liveTables();
      for (const table of tables) {
        const copy = quote(`${name}__${table}`);
        await this.db.exec(`CREATE TABLE snapshots.${copy} AS SELECT * FROM main.${quote(table)}`);
        const n = (await this.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM snapshots.${copy}`))?.n ?? 0;
        rows += n;
        await this.db.run(
          'INSERT INTO snapshots.snapshot_index (name, tbl, created, row_count) VALUES (?, ?, ?, ?)',
          [name, table, created, n],
        );
      }
      return { name, created, tables: tables.length, rows };
    });
  }

  restore(name: string): Promise<SnapshotInfo> {
    requireName(name);
    return this.db.transaction(async () => {
      const saved = await this.db.all<{ tbl: string; created: string; row_count: number }>(
        'SELECT tbl, created, row_count FROM snapshots.snapshot_index WHERE name = ?',
        [name],
      );
      if (saved.length === 0) {
        throw new KantaSimError('NOT_FOUND', `no snapshot "${name}"`);
      }
      // Parent and child tables are refilled in any order; references are checked at COMMIT.
      await this.db.exec('PRAGMA defer_foreign_keys = ON');
      const savedTables = new Set(saved.map((s) => s.tbl));
      for (const table of await this.liveTables()) {
        await this.db.exec(`DELETE FROM main.${quote(table)}`);
        if (!savedTables.has(table)) {
          continue;
        }
        const copy = `${name}__${table}`;
        // Columns both sides know: a snapshot taken before a migration added a column still restores.
        const live = await this.columns('main', table);
        const then = new Set(await this.columns('snapshots', copy));
        const cols = live
          .filter((c) => then.has(c))
          .map(quote)
          .join(', ');
        await this.db.exec(
          `INSERT INTO main.${quote(table)} (${cols}) SELECT ${cols} FROM snapshots.${quote(copy)}`,
        );
      }
      return {
        name,
        created: saved[0]?.created ?? '',
        tables: saved.length,
        rows: saved.reduce((sum, s) => sum + s.row_count, 0),
      };
    });
  }

  async list(): Promise<SnapshotInfo[]> {
    const rows = await this.db.all<{ name: string; created: string; tables: number; rows: number }>(
      'SELECT name, MIN(created) AS created, COUNT(*) AS tables, SUM(row_count) AS rows FROM snapshots.snapshot_index GROUP BY name ORDER BY name',
    );
    return rows.map((r) => ({ name: r.name, created: r.created, tables: r.tables, rows: r.rows }));
  }

  private async dropSnapshot(name: string): Promise<void> {
    const old = await this.db.all<{ tbl: string }>(
      'SELECT tbl FROM snapshots.snapshot_index WHERE name = ?',
      [name],
    );
    for (const { tbl } of old) {
      await this.db.exec(`DROP TABLE IF EXISTS snapshots.${quote(`${name}__${tbl}`)}`);
    }
    await this.db.run('DELETE FROM snapshots.snapshot_index WHERE name = ?', [name]);
  }

  /** The data tables of the live database: ordinary and virtual tables, not SQLite's or FTS shadow tables. */
  private async liveTables(): Promise<string[]> {
    const rows = await this.db.all<TableListRow>('PRAGMA main.table_list');
    return rows
      .filter(
        (r) =>
          (r.type === 'table' || r.type === 'virtual') &&
          !r.name.startsWith('sqlite_') &&
          !SKIPPED.has(r.name),
      )
      .map((r) => r.name)
      .sort();
  }

  private async columns(schema: 'main' | 'snapshots', table: string): Promise<string[]> {
    const rows = await this.db.all<{ name: string }>(`PRAGMA ${schema}.table_info(${quote(table)})`);
    return rows.map((r) => r.name);
  }
}

function requireName(name: string): void {
  if (!SNAPSHOT_NAME.test(name)) {
    throw new KantaSimError('BAD_REQUEST', `snapshot name "${name}": use 1-64 letters, digits, "_" or "-"`);
  }
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
