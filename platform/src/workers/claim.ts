import type { MoneyDb } from '../domains/payments/tables';
import type { WebhookDeliveriesTable } from '../domains/webhooks/tables';
import type { Engine } from '../storage';

export interface ClaimInput {
  /** Unique per claim, so the rows taken are exactly those carrying it. */
  owner: string;
  now: number;
  leaseMs: number;
  limit: number;
}

/**
 * Takes up to `limit` due deliveries (pending and due, or delivering with an expired lease)
 * and leases them to `owner`. PostgreSQL: `SELECT … FOR UPDATE SKIP LOCKED` then UPDATE in
 * one transaction, so concurrent workers take disjoint rows. SQLite (one writer at a time):
 * a single conditional UPDATE.
 */
export async function claimDueDeliveries(
  db: MoneyDb,
  engine: Engine,
  input: ClaimInput,
): Promise<Array<WebhookDeliveriesTable & { webhook_url: string | null; client_secret_enc: string }>> {
  const lease = {
    status: 'delivering' as const,
    lease_owner: input.owner,
    lease_expires_at: input.now + input.leaseMs,
  };
  // The leased ids come from the claiming statement itself, so the rows are then read by
  // primary key: selecting them by lease_owner (unindexed) scanned the whole outbox, delivered
  // history included, once per claim.
  let ids: string[];
  if (engine === 'postgres') {
    ids = await db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('webhook_deliveries')
        .select('id')
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', input.now)]),
            eb.and([eb('status', '=', 'delivering'), eb('lease_expires_at', '<=', input.now)]),
          ]),
        )
        .orderBy('next_attempt_at')
        .limit(input.limit)
        .forUpdate()
        .skipLocked()
        .execute();
      if (rows.length === 0) return [];
      const taken = rows.map((r) => r.id);
      await trx.updateTable('webhook_deliveries').set(lease).where('id', 'in', taken).execute();
      return taken;
    });
  } else {
    const rows = await db
      .updateTable('webhook_deliveries')
      .set(lease)
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('webhook_deliveries')
          .select('id')
          .where((w) =>
            w.or([
              w.and([w('status', '=', 'pending'), w('next_attempt_at', '<=', input.now)]),
              w.and([w('status', '=', 'delivering'), w('lease_expires_at', '<=', input.now)]),
            ]),
          )
          .orderBy('next_attempt_at')
          .limit(input.limit),
      )
      .returning('id')
      .execute();
    ids = rows.map((r) => r.id);
  }
  if (ids.length === 0) return [];
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('apps as a', 'a.id', 'd.app_id')
    .selectAll('d')
    .select(['a.webhook_url', 'a.client_secret_enc'])
    .where('d.id', 'in', ids)
    .where('d.lease_owner', '=', input.owner)
    .execute();
}
