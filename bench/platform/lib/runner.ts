// One engine block: start the platform on that engine, create an app, a user and a token
// through the control API, warm every scenario up, then run `runs` rounds of all scenarios
// (each round starting one scenario later, so no scenario always follows the same one).
import { join } from 'node:path';
import { type ChildServer, startChildServer } from './child-server';
import { PlatformClient } from './control';
import { type LoadProbes, type LoadResult, type LoadSettings, runLoad } from './load';
import type { PaymentsSetup, Scenario, ScenarioContext } from './scenarios';
import { SCOPE, USER_INFO_PATH } from './scenarios';
import { fixed, median } from './stats';
import { type OutboxTimes, type ReceiverClient, readOutbox, type WebhookRunStats } from './webhooks';

export type EngineName = 'sqlite' | 'postgres';

export type RunResult = LoadResult & { webhooks?: WebhookRunStats };

export interface ScenarioResult {
  id: string;
  title: string;
  warmUp: RunResult;
  runs: RunResult[];
  prepareSeconds: number[];
}

export interface EngineResult {
  engine: EngineName;
  /** e.g. "SQLite file (WAL)" or "PostgreSQL 15.20 on 127.0.0.1". */
  description: string;
  scenarios: ScenarioResult[];
  /** Scenarios this platform build could not run, and why. */
  skipped: string[];
}

export interface EngineBlockOptions {
  engine: EngineName;
  description: string;
  repoRoot: string;
  workDir: string;
  /** DATABASE_URL for PostgreSQL; SQLite uses <workDir>/openminis.sqlite. */
  databaseUrl?: string;
  logLevel: string;
  /** Folder for a V8 CPU profile of the platform process. */
  cpuProf?: string;
  bareServer: ChildServer;
  /** The local webhook endpoint for the payment scenarios. */
  receiver: ReceiverClient;
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
  cpuProf?: string;
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
      ...(options.cpuProf ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProf] : []),
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
    const scenarios = options.scenarios.filter((s) => s.available?.(ctx) ?? true);
    const skipped = options.scenarios
      .filter((s) => !scenarios.includes(s))
      .map((s) => `${s.id}: this platform build does not serve it yet`);
    for (const line of skipped) log(`${options.engine}: skipped ${line}`);
    const results = new Map<string, ScenarioResult>();
    const measure = async (scenario: Scenario, expectedRps: number | undefined, warmUp: boolean) => {
      const prepared = await scenario.prepare(ctx, expectedRps, warmUp);
      const settings = warmUp ? { ...options.settings, duration: options.warmUpSeconds } : options.settings;
      const run: RunResult = await runLoad(prepared.request, settings, probesOf(scenario, ctx, options));
      const webhooks = await prepared.after?.(run);
      if (webhooks) run.webhooks = webhooks;
      return { run, prepareSeconds: prepared.prepareSeconds };
    };
    for (const scenario of scenarios) {
      const { run: warmUp } = await measure(scenario, undefined, true);
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
      for (let i = 0; i < scenarios.length; i++) {
        const scenario = scenarios[(round + i) % scenarios.length] as Scenario;
        const result = results.get(scenario.id) as ScenarioResult;
        const earlier = result.runs.length > 0 ? result.runs : [result.warmUp];
        const { run, prepareSeconds } = await measure(scenario, median(earlier.map((r) => r.rps)), false);
        result.runs.push(run);
        if (prepareSeconds !== undefined) result.prepareSeconds.push(prepareSeconds);
        log(`${options.engine}: round ${round + 1}/${options.runs} ${scenario.id}: ${summary(run)}`);
      }
    }
    return {
      engine: options.engine,
      description: options.description,
      scenarios: [...results.values()],
      skipped,
    };
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
    payments: await setUpPayments(platform, userId, options),
  };
}

/** An app has at most 30 test users (spec §8.3). */
const PAYERS_MAX = 30;

/** Undefined when this platform build has no payment APIs yet (they are listed in /openapi.json). */
async function setUpPayments(
  platform: PlatformClient,
  userId: string,
  options: EngineBlockOptions,
): Promise<PaymentsSetup | undefined> {
  const openApi = JSON.parse((await platform.get('/openapi.json')).body) as {
    paths?: Record<string, unknown>;
  };
  const paths = Object.keys(openApi.paths ?? {});
  const needed = ['/v2/minis/trade_order/create/', '/emulator/v1/trade_orders/{trade_order_id}/pay'];
  if (!needed.every((p) => paths.includes(p))) return undefined;
  const shop = await platform.createApp('Bench Shop', options.receiver.webhookUrl);
  const payers: PaymentsSetup['payers'] = [];
  for (let i = 0; i < Math.min(options.settings.connections, PAYERS_MAX); i++) {
    const payer = i === 0 ? userId : await platform.createUser(`Bench Payer ${i}`);
    await platform.addTestUser(shop.appId, payer);
    const tokens = await platform.exchange(shop, await platform.login(shop.clientKey, payer, SCOPE));
    // Enough Beans that no payment needs a top-up: every pay is the same work.
    await platform.control('POST', `/emulator/v1/users/${encodeURIComponent(payer)}/beans`, {
      balance: 1_000_000_000,
    });
    payers.push({ userId: payer, tokens });
  }
  const database = options.databaseUrl
    ? { postgresUrl: options.databaseUrl }
    : { sqliteFile: join(options.workDir, 'openminis.sqlite') };
  return {
    shop,
    payers,
    receiver: options.receiver,
    readOutbox: (appId: string): Promise<Map<string, OutboxTimes>> => readOutbox(database, appId),
  };
}

function probesOf(scenario: Scenario, ctx: ScenarioContext, options: EngineBlockOptions): LoadProbes {
  if (scenario.server === 'bare') return { serverPid: ctx.bareServer.pid };
  return {
    serverPid: ctx.platformServer.pid,
    ...(options.databasePids ? { databasePids: options.databasePids } : {}),
  };
}

function summary(r: RunResult): string {
  const w = r.webhooks;
  return (
    `${r.rps.toFixed(0)} req/s, p50 ${r.latencyP50} ms, p99 ${r.latencyP99} ms, ` +
    `${r.requests} requests, non-2xx ${r.non2xx}, failed bodies ${r.failedBodies}, errors ${r.errors}, ` +
    (w
      ? `webhooks ${w.delivered}/${w.expected} at ${w.deliveriesPerSecond.toFixed(0)}/s, p50 ${fixed(w.latencyP50)} ms, ` +
        `p99 ${fixed(w.latencyP99)} ms, backlog at end ${w.backlogAtEnd} drained at ${fixed(w.drainPerSecond)}/s, ` +
        `bad signatures ${w.badSignatures}, duplicates ${w.duplicates}, `
      : '') +
    `CPU % server ${fixed(r.serverCpu)} / db ${fixed(r.databaseCpu)} / autocannon ${fixed(r.generatorCpu)} / others ${fixed(r.othersCpu)}, ` +
    `load ${r.loadBefore.toFixed(2)}`
  );
}
