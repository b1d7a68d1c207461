import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { paymentsClient } from '../domains/payments/payments-test-helpers';
import { moneyDb } from '../domains/payments/tables';
import { createPlatform, type Platform } from '../platform';
import { startReceiver } from './test-receiver';

/**
 * Crash safety (at-least-once): an `openminis worker` process is SIGKILLed while its
 * deliveries hang in flight; a second worker process delivers every event, the interrupted
 * ones and those created meanwhile. Both workers and this test share one SQLite file.
 * (Claims of a worker on another machine wait for their lease: webhook-dispatcher.test.)
 */
const BIN = fileURLToPath(new URL('../../bin/openminis.mjs', import.meta.url));
const SECRET_KEY = 'crash-test-secret-key-0123456789abcdef';
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

let dir: string;
let platform: Platform;
const children: ChildProcess[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'openminis-crash-'));
  platform = await createPlatform({
    env: {},
    database: join(dir, 'db.sqlite'),
    config: { logLevel: 'silent', secretKey: SECRET_KEY, dataDir: dir },
  });
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await platform.close();
  rmSync(dir, { recursive: true, force: true });
});

function startWorker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, 'worker'], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: join(dir, 'db.sqlite'),
      OPENMINIS_SECRET_KEY: SECRET_KEY,
      OPENMINIS_DATA_DIR: dir,
      OPENMINIS_LOG_LEVEL: 'silent',
      OPENMINIS_WEBHOOK_POLL_MS: '50',
      // Long enough that the hanging receiver is still hanging when the worker is killed.
      OPENMINIS_WEBHOOK_TIMEOUT_MS: '60000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('running')) resolve(child);
    });
    child.once('exit', (code) =>
      reject(new Error(`worker exited with ${code} before it was ready: ${stderr}`)),
    );
  });
}

const exited = (child: ChildProcess) =>
  new Promise<NodeJS.Signals | number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.signalCode ?? child.exitCode);
    else child.once('exit', (code, signal) => resolve(signal ?? code));
  });

it('loses no webhook when a worker is SIGKILLed mid-delivery', async () => {
  let hang = true;
  const receiver = await startReceiver(() => (hang ? 'hang' : 200));
  try {
    const p = paymentsClient(platform);
    const app = await p.createApp({ webhook_url: receiver.url });
    const payOne = async () => {
      const { tokens } = await p.signIn({ app });
      const id = await p.newOrder(tokens.access_token, 10);
      expect((await p.pay(id)).is_success).toBe(true);
      return id;
    };
    const before = [await payOne(), await payOne(), await payOne()];

    const first = await startWorker();
    await expect.poll(() => receiver.received.length, { timeout: 20_000, interval: 50 }).toBe(3);
    first.kill('SIGKILL');
    expect(await exited(first)).toBe('SIGKILL');

    const db = moneyDb(platform.db);
    const states = await db.selectFrom('webhook_deliveries').select(['status', 'attempts']).execute();
    expect(states).toEqual(Array(3).fill({ status: 'delivering', attempts: 0 }));
    const after = [await payOne(), await payOne()];

    hang = false;
    // No clock change: the leases (60 s + 30 s) have not expired, but the second worker sees
    // that the first one's pid is gone and takes its claims back at once.
    const second = await startWorker();
    await expect
      .poll(
        async () =>
          (await db.selectFrom('webhook_deliveries').select('id').where('status', '=', 'delivered').execute())
            .length,
        { timeout: 20_000, interval: 100 },
      )
      .toBe(5);
    second.kill('SIGTERM');
    expect(await exited(second)).toBe(0);

    const acknowledged = receiver.received
      .slice(3)
      .map((w) => JSON.parse(JSON.parse(w.body).content).trade_order_id);
    expect(new Set(acknowledged)).toEqual(new Set([...before, ...after]));
  } finally {
    await receiver.close();
  }
}, 60_000);
