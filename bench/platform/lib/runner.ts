// One engine block: start the platform on that engine, create an app, a user and a token
// through the control API, warm every scenario up, then run `runs` rounds of all scenarios
// (each round starting one scenario later, so no scenario always follows the same one).
import { join } from 'node:path';
import { type ChildServer, startChildServer } from './child-server';
import { PlatformClient } from './control';
import { type LoadProbes, type LoadResult, type LoadSettings, runLoad } from './load';
import type { Scenario, ScenarioContext } from './scenarios';
import { SCOPE, USER_INFO_PATH } from './scenarios';
import { fixed, median } from './stats';

export type EngineName = 'sqlite' | 'postgres';

export interface ScenarioResult {
  id: string;
  title: string;
  warmUp: LoadResult;
  runs: LoadResult[];
  prepareSeconds: number[];
}

export interface EngineResult {
  engine: EngineName;
  /** e.g. "SQLite file (WAL)" or "PostgreSQL 15.20 on 127.0.0.1". */
  description: string;
  scenarios: ScenarioResult[];
}

export interface EngineBlockOptions {
  engine: EngineName;
  description: string;
  repoRoot: string;
  workDir: string;
  /** DATABASE_URL for PostgreSQL; SQLite uses <workDir>/openminis.sqlite. */
  databaseUrl?: string;
  logLevel: string;
  bareServer: ChildServer;
  scenarios: readonly Scenario[];
  runs: number;
  settings: LoadSettings;
  warmUpSeconds: number;
  /** PostgreSQL only: the backends serving the platform, to report database CPU. */
  databasePids?: () => Promise<number[]>;
  log: (line: string) => void;
}

export async function startPlatform(options: {
  repoRoot: string;
  workDir: string;
  databaseUrl?: string;
  logLevel: string;
  name: string;
}): Promise<ChildServer> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    OPENMINIS_MODE: 'dev',
    OPENMINIS_LOG_LEVEL: options.logLevel,
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
  };
  return startChildServer({
    name: options.name,
    args: [
      join(options.repoRoot, 'platform/bin/openminis.mjs'),
      'serve',
      '--host',
      '127.0.0.1',
      '--port',
      '0',
      '--data-dir',
      options.workDir,
    ],
    env,
    cwd: options.workDir,
    logFile: join(options.workDir, 'platform.log'),
    ready: /listening on (http:\/\/\S+)/,
  });
}

export async function runEngineBlock(options: EngineBlockOptions): Promise<EngineResult> {
  const { log } = options;
  const server = await startPlatform({ ...options, name: `platform (${options.engine})` });
  try {
    log(`${options.engine}: platform pid ${server.pid} at ${server.url}`);
    const ctx = await setUp(server, options);
    const results = new Map<string, ScenarioResult>();
    for (const scenario of options.scenarios) {
      const prepared = await scenario.prepare(ctx, undefined, true);
      const warmUp = await runLoad(
        prepared.request,
        { ...options.settings, duration: options.warmUpSeconds },
        probesOf(scenario, ctx, options),
      );
      log(`${options.engine}: warm-up ${scenario.id}: ${summary(warmUp)}`);
      results.set(scenario.id, {
        id: scenario.id,
        title: scenario.title,
        warmUp,
        runs: [],
        prepareSeconds: [],
      });
    }
    for (let round = 0; round < options.runs; round++) {
      for (let i = 0; i < options.scenarios.length; i++) {
        const scenario = options.scenarios[(round + i) % options.scenarios.length] as Scenario;
        const result = results.get(scenario.id) as ScenarioResult;
        const earlier = result.runs.length > 0 ? result.runs : [result.warmUp];
        const prepared = await scenario.prepare(ctx, median(earlier.map((r) => r.rps)), false);
        const run = await runLoad(prepared.request, options.settings, probesOf(scenario, ctx, options));
        result.runs.push(run);
        if (prepared.prepareSeconds !== undefined) result.prepareSeconds.push(prepared.prepareSeconds);
        log(`${options.engine}: round ${round + 1}/${options.runs} ${scenario.id}: ${summary(run)}`);
      }
    }
    return { engine: options.engine, description: options.description, scenarios: [...results.values()] };
  } finally {
    await server.stop();
  }
}

async function setUp(server: ChildServer, options: EngineBlockOptions): Promise<ScenarioContext> {
  const platform = new PlatformClient(server.url);
  const app = await platform.createApp('Bench Mini');
  const userId = await platform.createUser('Bench Viewer');
  await platform.addTestUser(app.appId, userId);
  const tokens = await platform.exchange(app, await platform.login(app.clientKey, userId, SCOPE));
  const check = await platform.get(USER_INFO_PATH, { authorization: `Bearer ${tokens.accessToken}` });
  if (check.status !== 200 || !check.body.includes(tokens.openId)) {
    throw new Error(`user info with a fresh token answered ${check.status}: ${check.body}`);
  }
  return {
    platform,
    platformServer: server,
    bareServer: options.bareServer,
    app,
    userId,
    tokens,
    settings: options.settings,
  };
}

function probesOf(scenario: Scenario, ctx: ScenarioContext, options: EngineBlockOptions): LoadProbes {
  if (scenario.server === 'bare') return { serverPid: ctx.bareServer.pid };
  return {
    serverPid: ctx.platformServer.pid,
    ...(options.databasePids ? { databasePids: options.databasePids } : {}),
  };
}

function summary(r: LoadResult): string {
  return (
    `${r.rps.toFixed(0)} req/s, p50 ${r.latencyP50} ms, p99 ${r.latencyP99} ms, ` +
    `${r.requests} requests, non-2xx ${r.non2xx}, errors ${r.errors}, ` +
    `CPU % server ${fixed(r.serverCpu)} / db ${fixed(r.databaseCpu)} / autocannon ${fixed(r.generatorCpu)} / others ${fixed(r.othersCpu)}, ` +
    `load ${r.loadBefore.toFixed(2)}`
  );
}
