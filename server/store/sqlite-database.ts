/**
 * A promise interface over one SQLite connection (better-sqlite3), with a write lock so that transactions
 * from concurrent requests never interleave on the shared connection. Only store/ imports the binding.
 *
 * Why a synchronous binding behind promises: every statement is microseconds of SQLite's work. The
 * asynchronous sqlite3 binding ran each one on libuv's thread pool and completed it on the event loop,
 * behind the other requests' TLS and parsing, so a group commit of five statements held the write lock for
 * 7-9 ms under load while SQLite itself worked for well under one; that, not the CPU, bounded the archive's
 * rate at concurrency 8 (docs/performance.md, issue 17). Here a statement runs at once and its promise
 * settles in the same turn of the loop. The promises stay so that the stores read the same either way and
 * a transaction's work may still await other things.
 *
 * What this costs: a statement blocks the event loop while it runs. A request's statements are indexed
 * lookups and inserts (an archivist's search over 100,000 documents ~10 ms); a reset or a snapshot of a
 * large archive holds the loop for its whole length (~1 s for 100,000 documents), as it held the store.
 */
import Database from 'better-sqlite3';
import { KantaSimError } from '../errors.js';
import { WalCheckpointer } from './wal-checkpointer.js';

export type SqlValue = string | number | null | Buffer;

/** How many prepared statements one connection keeps (see statement()); the oldest is dropped beyond. */
const MAX_PREPARED = 256;

/**
 * SQLite's page cache per connection in KiB (negative: KiB, as SQLite counts it). better-sqlite3 builds
 * SQLite with 16 MB; the archive keeps SQLite's own default of 2 MB, which its RSS target was measured with.
 */
const CACHE_SIZE_KIB = -2000;

export class SqliteDatabase {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly statements = new Map<string, Database.Statement>();
  private checkpointer: WalCheckpointer | undefined;

  private constructor(private readonly db: Database.Database) {}

  /** Opens (creating if needed) a database file, or ':memory:'. */
  static open(file: string): Promise<SqliteDatabase> {
    try {
      const db = new Database(file);
      db.pragma(`cache_size = ${CACHE_SIZE_KIB}`);
      return Promise.resolve(new SqliteDatabase(db));
    } catch (err) {
      return Promise.reject(
        new KantaSimError('DATA_DIR_INVALID', `cannot open database ${file}: ${messageOf(err)}`, {
          cause: err,
        }),
      );
    }
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<{ changes: number }> {
    return this.settle(sql, () => {
      const statement = this.statement(sql);
      const { changes } = statement.run(params);
      if (!statement.readonly && !this.db.inTransaction) {
        this.checkpointer?.committed();
      }
      return { changes };
    });
  }

  get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return this.settle(sql, () => this.read(sql, params, (s) => s.get(params) as T | undefined, undefined));
  }

  all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return this.settle(sql, () => this.read(sql, params, (s) => s.all(params) as T[], []));
  }

  /** Runs one or more statements without parameters (schema changes, PRAGMAs, BEGIN/COMMIT). */
  exec(sql: string): Promise<void> {
    return this.settle(sql, () => {
      this.db.exec(sql);
    });
  }

  /**
   * Runs `work` inside BEGIN IMMEDIATE ... COMMIT, serialised with every other transaction on this
   * connection; rolls back on any error so that nothing partial is ever stored.
   */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.exclusive(() => this.inTransaction(work));
  }

  /**
   * Runs `fn` with the connection to itself: after every earlier exclusive() or transaction() has
   * finished, and before any later one starts. For callers that decide inside the lock how many
   * transactions to run (group commit); `fn` opens them with inTransaction().
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** BEGIN IMMEDIATE ... COMMIT (ROLLBACK on error) without taking the lock: only inside exclusive(). */
  async inTransaction<T>(work: () => Promise<T>): Promise<T> {
    await this.exec('BEGIN IMMEDIATE');
    try {
      const value = await work();
      await this.exec('COMMIT');
      this.checkpointer?.committed();
      return value;
    } catch (e) {
      if (this.db.inTransaction) {
        await this.exec('ROLLBACK').catch(() => undefined);
      }
      throw e;
    }
  }

  /**
   * For a database file in WAL mode: from now on checkpoints run on a thread of their own, never on this
   * connection (wal-checkpointer.ts).
   */
  async checkpointOffThread(file: string): Promise<void> {
    await this.exec('PRAGMA wal_autocheckpoint = 0');
    this.checkpointer = new WalCheckpointer(file, this.db, (fn) => this.exclusive(fn));
  }

  /** Closes the connection (SQLite finalizes the kept statements with it, and checkpoints the log). */
  async close(): Promise<void> {
    this.statements.clear();
    await this.checkpointer?.close();
    return this.settle('close', () => {
      this.db.close();
    });
  }

  /**
   * The statement for `sql`, prepared once and kept for the connection's life: preparing costs more than
   * running the archive's hot statements. The cache is bounded; a dropped statement is finalized when
   * collected. A kept statement outlives schema changes (SQLite prepares it again after the archive reset
   * re-creates its tables).
   */
  private statement(sql: string): Database.Statement {
    const kept = this.statements.get(sql);
    if (kept) {
      return kept;
    }
    const statement = this.db.prepare(sql);
    this.statements.set(sql, statement);
    if (this.statements.size > MAX_PREPARED) {
      const oldest = this.statements.keys().next().value as string;
      this.statements.delete(oldest);
    }
    return statement;
  }

  /**
   * `sql`'s rows as `rows` reads them. A statement that returns none (better-sqlite3 refuses to read one)
   * is run and answers `none`, as get() and all() did with the asynchronous binding.
   */
  private read<R>(
    sql: string,
    params: readonly SqlValue[],
    rows: (statement: Database.Statement) => R,
    none: R,
  ): R {
    const statement = this.statement(sql);
    if (!statement.reader) {
      statement.run(params);
      return none;
    }
    return rows(statement);
  }

  /** The result of `fn` as a settled promise; a SQLite error becomes STORE_FAILED (see translate). */
  private settle<T>(sql: string, fn: () => T): Promise<T> {
    try {
      return Promise.resolve(fn());
    } catch (err) {
      return Promise.reject(translate(err, sql));
    }
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** SQLite errors become STORE_FAILED with the original kept as cause. */
function translate(err: unknown, sql: string): KantaSimError {
  return new KantaSimError('STORE_FAILED', `database error: ${messageOf(err)}`, {
    cause: err,
    details: { statement: sql.split('\n')[0] },
  });
}
