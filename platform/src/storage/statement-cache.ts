import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** better-sqlite3's statements say whether they are mid-iteration; Kysely's type omits it. */
interface CacheableStatement extends SqliteStatement {
  readonly busy?: boolean;
}

export interface StatementSource {
  close(): void;
  prepare(sql: string): CacheableStatement;
}

export const DEFAULT_STATEMENT_CACHE_SIZE = 256;

/**
 * Wraps a SQLite database for Kysely's SqliteDialect so `prepare(sql)` returns the statement
 * already prepared for the same SQL text. Kysely's driver prepares on every query, which made
 * SQLite parse and plan the platform's fixed set of query shapes again on every request
 * (the largest self-time entry in the user-info profile). Bounded LRU: `in (…)` lists make
 * one text per list length, and those must not grow the cache without limit.
 *
 * Safe with the driver: it runs one query at a time on its single connection, synchronously
 * (`all`/`run`); a statement still being iterated (a stream) is `busy`, and then a fresh
 * one is prepared instead of sharing it.
 */
export class StatementCache implements SqliteDatabase {
  readonly #database: StatementSource;
  readonly #max: number;
  /** Map order is insertion order: the first key is the least recently used. */
  readonly #statements = new Map<string, CacheableStatement>();

  constructor(database: StatementSource, max = DEFAULT_STATEMENT_CACHE_SIZE) {
    if (!Number.isInteger(max) || max < 1) {
      throw new Error(`statement cache size must be a positive integer, got ${max}`);
    }
    this.#database = database;
    this.#max = max;
  }

  get size(): number {
    return this.#statements.size;
  }

  prepare(sql: string): CacheableStatement {
    const cached = this.#statements.get(sql);
    if (cached !== undefined) {
      if (cached.busy === true) return this.#database.prepare(sql);
      this.#statements.delete(sql);
      this.#statements.set(sql, cached);
      return cached;
    }
    const statement = this.#database.prepare(sql);
    this.#statements.set(sql, statement);
    if (this.#statements.size > this.#max) {
      const oldest = this.#statements.keys().next();
      if (oldest.done !== true) this.#statements.delete(oldest.value);
    }
    return statement;
  }

  close(): void {
    this.#statements.clear();
    this.#database.close();
  }
}
