/**
 * A promise wrapper over one sqlite3 connection, with a write lock so that transactions from concurrent
 * requests never interleave on the shared connection. Only store/ imports sqlite3.
 */
import sqlite3 from 'sqlite3';
import { KantaSimError } from '../errors.js';

export type SqlValue = string | number | null | Buffer;

/** How many prepared statements one connection keeps (see prepared()); the oldest is finalized beyond. */
const MAX_PREPARED = 256;

export class SqliteDatabase {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly statements = new Map<string, Promise<sqlite3.Statement>>();

  private constructor(private readonly db: sqlite3.Database) {}

  /** Opens (creating if needed) a database file, or ':memory:'. */
  static open(file: string): Promise<SqliteDatabase> {
    return new Promise((resolve, reject) => {
      const db = new sqlite3.Database(file, (err) => {
        if (err) {
          reject(
            new KantaSimError('DATA_DIR_INVALID', `cannot open database ${file}: ${err.message}`, {
              cause: err,
            }),
          );
        } else {
          resolve(new SqliteDatabase(db));
        }
      });
    });
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<{ changes: number }> {
    return new Promise((resolve, reject) => {
      this.db.run(sql, params as SqlValue[], settleRun(sql, resolve, reject));
    });
  }

  get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return new Promise((resolve, reject) => {
      this.db.get(sql, params as SqlValue[], settle<T | undefined>(sql, resolve, reject));
    });
  }

  all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return new Promise((resolve, reject) => {
      this.db.all(sql, params as SqlValue[], settle<T[]>(sql, resolve, reject));
    });
  }

  /**
   * run() on a statement prepared once per SQL text and kept for the connection's life. Why: run() and
   * all() prepare the statement each time, and preparing is one more trip through libuv's thread pool
   * whose callback waits for the busy event loop; the archive's group commit made up to ten such trips
   * per transaction, and its transactions were what bounded the rate at concurrency 8 (issue 17).
   * For the few hot statements over the main schema only, the cache being bounded. A kept statement
   * outlives schema changes (SQLite prepares it again after the archive reset re-creates its tables) and,
   * having run to its end, holds no lock that a DROP, DETACH or COMMIT would wait for.
   */
  async runPrepared(sql: string, params: readonly SqlValue[] = []): Promise<{ changes: number }> {
    const statement = await this.prepared(sql);
    return new Promise((resolve, reject) => {
      statement.run(params as SqlValue[], settleRun(sql, resolve, reject));
    });
  }

  /** all() on a kept statement (see runPrepared). */
  async allPrepared<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    const statement = await this.prepared(sql);
    return new Promise((resolve, reject) => {
      statement.all(params as SqlValue[], settle<T[]>(sql, resolve, reject));
    });
  }

  private prepared(sql: string): Promise<sqlite3.Statement> {
    const kept = this.statements.get(sql);
    if (kept) {
      return kept;
    }
    const statement = new Promise<sqlite3.Statement>((resolve, reject) => {
      const prepared: sqlite3.Statement = this.db.prepare(sql, (err: Error | null) =>
        err ? reject(translate(err, sql)) : resolve(prepared),
      );
    });
    // A statement that failed to prepare is not kept: the next call reports its own error.
    statement.catch(() => this.statements.delete(sql));
    this.statements.set(sql, statement);
    if (this.statements.size > MAX_PREPARED) {
      const [oldest, evicted] = this.statements.entries().next().value as [
        string,
        Promise<sqlite3.Statement>,
      ];
      this.statements.delete(oldest);
      // finalize() queues behind the statement's own pending calls, so an evicted one in use completes.
      void evicted.then((s) => s.finalize()).catch(() => undefined);
    }
    return statement;
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.db.exec(sql, (err: Error | null) => (err ? reject(translate(err, sql)) : resolve()));
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
      return value;
    } catch (e) {
      await this.exec('ROLLBACK').catch(() => undefined);
      throw e;
    }
  }

  /** Closes the connection; kept statements are finalized first, as SQLite requires. */
  async close(): Promise<void> {
    const kept = [...this.statements.values()];
    this.statements.clear();
    await Promise.all(
      kept.map((p) =>
        p.then((s) => new Promise<void>((resolve) => s.finalize(() => resolve()))).catch(() => undefined),
      ),
    );
    return new Promise((resolve, reject) => this.db.close((err) => (err ? reject(err) : resolve())));
  }
}

/** The callback of a run, on the connection or a kept statement: the count of changed rows. */
function settleRun(
  sql: string,
  resolve: (result: { changes: number }) => void,
  reject: (error: KantaSimError) => void,
): (this: sqlite3.RunResult, err: Error | null) => void {
  return function (this: sqlite3.RunResult, err: Error | null) {
    if (err) {
      reject(translate(err, sql));
    } else {
      resolve({ changes: this.changes });
    }
  };
}

/** The callback of a read (get, all), on the connection or a kept statement: what it read. */
function settle<T>(
  sql: string,
  resolve: (value: T) => void,
  reject: (error: KantaSimError) => void,
): (err: Error | null, value: T) => void {
  return (err, value) => (err ? reject(translate(err, sql)) : resolve(value));
}

/** sqlite errors become STORE_FAILED with the original kept as cause. */
function translate(err: Error, sql: string): KantaSimError {
  return new KantaSimError('STORE_FAILED', `database error: ${err.message}`, {
    cause: err,
    details: { statement: sql.split('\n')[0] },
  });
}
