// Spawns the real `openminis serve` binary for the black-box conformance suite.
// Deliberately independent of platform internals: it only talks to the process over HTTP.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export type Engine = 'sqlite' | 'postgres';

export interface RunningServer {
  base: string;
  engine: Engine;
  stop(): Promise<void>;
}

const BIN = fileURLToPath(new URL('../../bin/openminis.mjs', import.meta.url));

/** SQLite always; PostgreSQL too when DATABASE_URL points at one (as in CI). */
export function engines(): Engine[] {
  return process.env.DATABASE_URL?.startsWith('postgres') ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** A fresh database `conf_<random>` on the server of DATABASE_URL, dropped by the returned function. */
async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.DATABASE_URL as string;
  const name = `conf_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function startServer(engine: Engine, env: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'openminis-conf-'));
  const db = engine === 'postgres' ? await freshPostgres() : undefined;
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    OPENMINIS_MODE: 'dev',
    OPENMINIS_LOG_LEVEL: 'silent',
    OPENMINIS_WEBHOOK_POLL_MS: '50',
    ...env,
  };
  if (db) childEnv.DATABASE_URL = db.url;
  else delete childEnv.DATABASE_URL;
  const child = spawn(
    process.execPath,
    [BIN, 'serve', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir],
    {
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 45_000);
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  await waitReady(base);
  return {
    base,
    engine,
    stop: async () => {
      await stopChild(child);
      await db?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitReady(base: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const res = await fetch(`${base}/readyz`).catch(() => undefined);
    if (res?.status === 200) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${base}/readyz never answered 200`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.on('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
