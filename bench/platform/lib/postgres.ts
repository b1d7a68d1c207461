// A database of its own for the benchmark (created fresh, dropped after), so the test
// schemas other people use on the same server are never touched.
import pg from 'pg';

export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/test';
export const BENCH_DATABASE = 'openminis_bench';

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** The admin URL with another database name. */
export function withDatabase(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Undefined when the server does not answer within 3 s (the PostgreSQL runs are then skipped). */
export async function reachable(adminUrl: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>('show server_version');
    return rows[0]?.server_version ?? 'unknown version';
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function createBenchDatabase(adminUrl: string, name = BENCH_DATABASE): Promise<BenchDatabase> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid database name ${JSON.stringify(name)}`);
  await admin(adminUrl, `drop database if exists ${name} with (force)`);
  await admin(adminUrl, `create database ${name}`);
  return {
    url: withDatabase(adminUrl, name),
    drop: () => admin(adminUrl, `drop database if exists ${name} with (force)`),
  };
}

async function admin(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Lists the server processes (backends) connected to one database, so their CPU can be
 * told apart from everyone else's. Keeps one admin connection open until `close()`.
 */
export class BackendProbe {
  readonly #client: pg.Client;
  #connected: Promise<void> | undefined;

  constructor(
    adminUrl: string,
    readonly database: string,
  ) {
    this.#client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  }

  async pids(): Promise<number[]> {
    this.#connected ??= this.#client.connect().then(() => undefined);
    await this.#connected;
    const { rows } = await this.#client.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = $1',
      [this.database],
    );
    return rows.map((r) => r.pid);
  }

  async close(): Promise<void> {
    if (this.#connected) await this.#client.end();
  }
}
