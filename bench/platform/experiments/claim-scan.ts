// Experiment behind FINDINGS.md #1: the query the webhook dispatcher ran after every claim
// until c51e3ef (platform/src/workers/claim.ts, select by lease_owner) against an outbox holding N
// delivered rows, on a freshly migrated SQLite database. Prints SQLite's plan and the time
// per query as the outbox grows.
//
//   npx tsx bench/platform/experiments/claim-scan.ts
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';

const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
// The SQL Kysely compiles for claim.ts's final select (SQLite dialect).
const SELECT_CLAIMED =
  'select "d".*, "a"."webhook_url", "a"."client_secret_enc" from "webhook_deliveries" as "d" ' +
  'inner join "apps" as "a" on "a"."id" = "d"."app_id" where "d"."lease_owner" = ?';

const dir = mkdtempSync(join(tmpdir(), 'openminis-platform-claim-'));
try {
  execFileSync(
    process.execPath,
    [join(repoRoot, 'platform/bin/openminis.mjs'), 'migrate', '--data-dir', dir],
    {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, OPENMINIS_MODE: 'dev' },
      stdio: 'ignore',
    },
  );
  const db = new SQLite(join(dir, 'openminis.sqlite'));
  db.pragma('foreign_keys = OFF');
  const plan = db.prepare(`explain query plan ${SELECT_CLAIMED}`).all('owner') as Array<{ detail: string }>;
  console.log(`plan: ${plan.map((r) => r.detail).join('; ')}`);
  const insert = db.prepare(
    'insert into webhook_deliveries (id, app_id, event, body, reference, status, attempts, created_at, ' +
      "expires_at, next_attempt_at, delivered_at) values (?, 'app', 'e', ?, ?, 'delivered', 1, ?, ?, ?, ?)",
  );
  const body = 'x'.repeat(250); // about the size of a redeem.success envelope
  let rows = 0;
  for (const target of [1_000, 10_000, 50_000]) {
    db.transaction(() => {
      for (; rows < target; rows++)
        insert.run(`whd_${rows}`, body, `TOID${rows}`, rows, rows + 1e9, rows, rows + 5);
    })();
    const select = db.prepare(SELECT_CLAIMED);
    const started = performance.now();
    for (let i = 0; i < 100; i++) select.all(`owner-${i}`);
    console.log(
      `${target} delivered rows: ${((performance.now() - started) / 100).toFixed(3)} ms per claim select`,
    );
  }
  db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
