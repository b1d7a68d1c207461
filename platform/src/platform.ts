import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hono } from 'hono';
import type { DestinationStream } from 'pino';
import { type Clock, loadClockOffset, OffsetClock, systemClock } from './clock';
import { loadConfig, type PlatformConfig, type PlatformConfigInput, resolveSecretKey } from './config';
import { SecretBox } from './crypto';
import type { PlatformDeps } from './deps';
import { createHttpApp, type StaticRoot } from './http/app';
import type { AppEnv } from './http/env';
import { createLogger } from './http/logger';
import type { RouteDef } from './http/route-table';
import { systemRoutes } from './http/system-routes';
import { buildOpenApiDocument } from './openapi';
import { domainRoutes } from './routes';
import { type Db, type Engine, migrateToLatest, openDatabase } from './storage';

export interface CreatePlatformOptions {
  /** Highest-precedence settings (over env and file). */
  config?: PlatformConfigInput;
  /** Environment to read settings from; default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** JSON config file; default `OPENMINIS_CONFIG`. */
  configFile?: string;
  /** Shorthand for `config.databaseUrl`: `:memory:`, a SQLite path or `postgres://…`. */
  database?: string;
  /** PostgreSQL: schema to use (tests give each file its own). */
  databaseSchema?: string;
  /** Where logs go (tests capture them); default stdout. */
  logDestination?: DestinationStream;
  /** Real time source under the emulated clock; default the system clock. */
  baseClock?: Clock;
  /** Folders of static pages (web builds) to serve, e.g. `{ prefix: '/host', dir: 'web/host/dist' }`. */
  staticRoots?: readonly StaticRoot[];
  /** Run pending migrations at start; default true. */
  migrate?: boolean;
}

export interface Platform {
  app: Hono<AppEnv>;
  db: Db;
  engine: Engine;
  clock: OffsetClock;
  config: PlatformConfig;
  deps: PlatformDeps;
  routes: readonly RouteDef[];
  close(): Promise<void>;
}

/** Builds the whole platform in-process: config, storage (migrated), clock, HTTP app. */
export async function createPlatform(options: CreatePlatformOptions = {}): Promise<Platform> {
  const config = loadConfig({
    env: options.env ?? process.env,
    file: options.configFile,
    overrides: { ...options.config, ...(options.database ? { databaseUrl: options.database } : {}) },
  });
  const url = config.databaseUrl ?? join(config.dataDir, 'openminis.sqlite');
  const { db, engine } = openDatabase({ url, schema: options.databaseSchema });
  try {
    if (options.migrate !== false) await migrateToLatest(db);
    const clock = new OffsetClock(0, options.baseClock ?? systemClock);
    await loadClockOffset(db, clock);
    const deps: PlatformDeps = {
      db,
      engine,
      clock,
      config,
      secrets: new SecretBox(resolveSecretKey(config, engine === 'sqlite' && url === ':memory:')),
      logger: createLogger(config.logLevel, options.logDestination),
      baseUrl: (config.publicBaseUrl ?? `http://${displayHost(config.host)}:${config.port}`).replace(
        /\/+$/,
        '',
      ),
    };
    let openApi: unknown;
    const routes: RouteDef[] = [...systemRoutes(deps, () => openApi), ...domainRoutes(deps)];
    openApi = buildOpenApiDocument(routes, { version: packageVersion(), serverUrl: deps.baseUrl });
    const app = createHttpApp(deps, routes, options.staticRoots);
    return { app, db, engine, clock, config, deps, routes, close: () => db.destroy() };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

export function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

function packageVersion(): string {
  try {
    const text = readFileSync(new URL('../package.json', import.meta.url), 'utf8');
    return (JSON.parse(text) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
