// A/B experiments behind bench/platform/FINDINGS.md. Each pits two child processes against
// each other with the same load, alternating A and B run by run so machine drift hits both,
// and reports medians of req/s and of server CPU per request (CPU time is the steadier
// number on a shared machine).
//
//   npx tsx bench/platform/experiments/ab.ts body-limit        bare route with and without hono bodyLimit
//   npx tsx bench/platform/experiments/ab.ts statement-cache   platform (SQLite) with and without a prepare() cache
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type ChildServer, startChildServer } from '../lib/child-server';
import { type BenchApp, PlatformClient, tokenForm } from '../lib/control';
import { type LoadRequest, runLoad } from '../lib/load';
import { SCOPE, USER_INFO_PATH } from '../lib/scenarios';
import { fixed, median } from '../lib/stats';

const here = resolve(import.meta.dirname);
const repoRoot = resolve(here, '..', '..', '..');
const ROUNDS = 6;
const SECONDS = 3;

interface Variant {
  name: string;
  server: ChildServer;
  /** The loads to measure on it, by label; called before each run (single-use inputs). */
  loads: Record<string, () => Promise<LoadRequest>>;
}

async function bareVariant(name: string, work: string): Promise<Variant> {
  const server = await startChildServer({
    name,
    args: [join(here, 'bare-variants.mjs'), name],
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    cwd: repoRoot,
    logFile: join(work, `${name}.log`),
    ready: /listening on (http:\/\/\S+)/,
  });
  return { name, server, loads: { 'GET /bare': async () => ({ url: `${server.url}/bare` }) } };
}

async function platformVariant(name: string, work: string, nodeArgs: string[]): Promise<Variant> {
  const dataDir = join(work, name);
  const server = await startChildServer({
    name,
    args: [
      ...nodeArgs,
      join(repoRoot, 'platform/bin/openminis.mjs'),
      'serve',
      '--port',
      '0',
      '--data-dir',
      dataDir,
    ],
    env: { PATH: process.env.PATH, HOME: process.env.HOME, OPENMINIS_MODE: 'dev' },
    cwd: work,
    logFile: join(work, `${name}.log`),
    ready: /listening on (http:\/\/\S+)/,
  });
  const client = new PlatformClient(server.url);
  const app: BenchApp = await client.createApp('A/B');
  const user = await client.createUser('A/B user');
  const token = (await client.exchange(app, await client.login(app.clientKey, user, SCOPE))).accessToken;
  const exchanges = 600;
  return {
    name,
    server,
    loads: {
      'user info': async () => ({
        url: `${server.url}${USER_INFO_PATH}`,
        headers: { authorization: `Bearer ${token}` },
      }),
      'token exchange': async () => {
        const codes = await client.loginMany(app.clientKey, user, SCOPE, exchanges + 20);
        let next = 0;
        return {
          url: `${server.url}/v2/oauth/token/`,
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          amount: exchanges,
          next: () => ({ body: tokenForm(app, codes[next++] as string) }),
        };
      },
    },
  };
}

const experiment = process.argv[2];
const work = mkdtempSync(join(tmpdir(), 'openminis-platform-ab-'));
const variants: Variant[] = [];
try {
  if (experiment === 'body-limit') {
    variants.push(await bareVariant('plain', work), await bareVariant('body-limit', work));
  } else if (experiment === 'statement-cache') {
    variants.push(
      await platformVariant('as-is', work, []),
      await platformVariant('statement-cache', work, ['--require', join(here, 'statement-cache.cjs')]),
    );
  } else {
    console.error(`ab: expected body-limit or statement-cache, found "${experiment ?? ''}"`);
    process.exitCode = 2;
  }
  const results = new Map<string, { rps: number[]; cpuMicros: number[]; failed: number }>();
  for (let round = 0; round < ROUNDS && variants.length > 0; round++) {
    for (const variant of round % 2 === 0 ? variants : [...variants].reverse()) {
      for (const [label, load] of Object.entries(variant.loads)) {
        const r = await runLoad(
          await load(),
          { connections: 10, duration: SECONDS },
          { serverPid: variant.server.pid },
        );
        const key = `${label} | ${variant.name}`;
        const entry = results.get(key) ?? { rps: [], cpuMicros: [], failed: 0 };
        entry.rps.push(r.rps);
        if (r.serverCpu !== undefined) entry.cpuMicros.push((r.serverCpu / 100 / r.rps) * 1e6);
        entry.failed += r.non2xx + r.errors;
        results.set(key, entry);
        console.log(`${key}: ${fixed(r.rps)} req/s, others ${fixed(r.othersCpu)} % CPU`);
      }
    }
  }
  for (const [key, e] of results) {
    console.log(
      `${key}: median ${fixed(median(e.rps))} req/s, ${e.cpuMicros.length > 0 ? fixed(median(e.cpuMicros)) : '?'} µs server CPU per request, failed ${e.failed}`,
    );
  }
} finally {
  for (const v of variants) await v.server.stop();
  rmSync(work, { recursive: true, force: true });
}
