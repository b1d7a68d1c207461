import { chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { type Dialect, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';
import { StatementCache } from './statement-cache';

export type Engine = 'sqlite' | 'postgres';

export interface OpenDatabaseOptions {
  /** `postgres://…`, `:memory:`, or a SQLite file path. */
  url: string;
  /** PostgreSQL only: schema to put first on the search_path (test isolation). */
  schema?: string;
  /** PostgreSQL pool size. */
  maxConnections?: number;
}

export interface OpenedDatabase {
  db: Kysely<Database>;
  engine: Engine;
}

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//i.test(url);

const INT8_OID = 20;

export function openDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  if (isPostgresUrl(options.url)) {
    return { db: new Kysely<Database>({ dialect: postgresDialect(options) }), engine: 'postgres' };
  }
  return { db: new Kysely<Database>({ dialect: sqliteDialect(options.url) }), engine: 'sqlite' };
}

function postgresDialect(options: OpenDatabaseOptions): Dialect {
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) {
    throw new Error(`invalid PostgreSQL schema name ${JSON.stringify(options.schema)}`);
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    // Epoch-ms timestamps are bigint columns; they fit a JS number exactly.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  return new PostgresDialect({ pool });
}

function sqliteDialect(url: string): Dialect {
  const path = url.startsWith('file:') ? url.slice('file:'.length) : url;
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const database = new SQLite(path);
  if (path !== ':memory:') {
    // Hashes and sealed secrets only, but still nobody else's business.
    chmodSync(path, 0o600);
    database.pragma('journal_mode = WAL');
  }
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return new SqliteDialect({ database: new StatementCache(database) });
}
