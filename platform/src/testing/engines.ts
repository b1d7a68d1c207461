import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { type CreatePlatformOptions, createPlatform, type Platform } from '../platform';
import { type Engine, isPostgresUrl } from '../storage';

/** PostgreSQL URL for tests: DATABASE_URL when it is a postgres:// URL. */
export function postgresTestUrl(): string | undefined {
  const url = process.env.DATABASE_URL;
  return url && isPostgresUrl(url) ? url : undefined;
}

/** `sqlite` always; `postgres` too when DATABASE_URL points at PostgreSQL (CI sets it). */
export function testEngines(): Engine[] {
  return postgresTestUrl() ? ['sqlite', 'postgres'] : ['sqlite'];
}

export type TestPlatformOptions = Omit<CreatePlatformOptions, 'database' | 'databaseSchema' | 'env'> & {
  env?: NodeJS.ProcessEnv;
};

/**
 * A platform on a fresh database: SQLite `:memory:`, or a PostgreSQL schema of its own
 * (`t_<random>`, dropped by `close()`), so test files can run in parallel. Settings come
 * only from `options` (the process environment is ignored), logs are silent unless asked.
 */
export async function createTestPlatform(
  engine: Engine,
  options: TestPlatformOptions = {},
): Promise<Platform> {
  const base: CreatePlatformOptions = {
    ...options,
    env: options.env ?? {},
    config: { logLevel: 'silent', ...options.config },
  };
  if (engine === 'sqlite') return createPlatform({ ...base, database: ':memory:' });
  const url = postgresTestUrl();
  if (!url) throw new Error('postgres engine requested but DATABASE_URL is not a postgres:// URL');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `create schema ${schema}`);
  try {
    const platform = await createPlatform({ ...base, database: url, databaseSchema: schema });
    return {
      ...platform,
      close: async () => {
        await platform.close();
        await adminQuery(url, `drop schema if exists ${schema} cascade`);
      },
    };
  } catch (error) {
    await adminQuery(url, `drop schema if exists ${schema} cascade`);
    throw error;
  }
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export interface EngineContext {
  engine: Engine;
  /** The platform of this describe block (created in beforeAll, closed in afterAll). */
  readonly platform: Platform;
}

/**
 * Runs the same tests once per engine: `describeEachEngine('oauth', (ctx) => { it(…, () =>
 * ctx.platform.app.request(…)) })`. One platform per block; tests create their own apps
 * and users so they do not depend on each other.
 */
export function describeEachEngine(
  name: string,
  body: (ctx: EngineContext) => void,
  options: TestPlatformOptions = {},
): void {
  for (const engine of testEngines()) {
    describe(`${name} [${engine}]`, () => {
      let platform: Platform | undefined;
      beforeAll(async () => {
        platform = await createTestPlatform(engine, options);
      });
      afterAll(async () => {
        await platform?.close();
      });
      body({
        engine,
        get platform(): Platform {
          if (!platform) throw new Error('platform is only available inside tests and hooks');
          return platform;
        },
      });
    });
  }
}
