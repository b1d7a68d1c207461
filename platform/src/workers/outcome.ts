import { randomString } from '../crypto';
import type { MoneyDb } from '../domains/payments/tables';
import type { SendResult } from '../domains/webhooks/sender';
import type { WebhookDeliveriesTable } from '../domains/webhooks/tables';

export interface AttemptOutcome {
  attemptNo: number;
  startedAt: number;
  finishedAt: number;
  result: SendResult;
  /** When to try again; undefined after a failure = the window is over (drop). */
  next: number | undefined;
  workerId: string;
}

/**
 * Logs the attempt and moves the delivery on (delivered, dropped, or pending until `next`)
 * in one transaction. The state change applies only while the claim is still ours: a
 * redelivery or another worker's takeover meanwhile wins.
 */
export async function recordOutcome(
  db: MoneyDb,
  row: Pick<WebhookDeliveriesTable, 'id' | 'lease_owner'> & { webhook_url: string | null },
  outcome: AttemptOutcome,
): Promise<void> {
  const { result } = outcome;
  const lastStatus =
    result.httpStatus === null
      ? ((result.error ?? 'error').split(/[: ]/)[0] ?? 'error')
      : String(result.httpStatus);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('webhook_attempts')
      .values({
        id: `wha_${randomString(20, '0123456789abcdefghijklmnopqrstuvwxyz')}`,
        delivery_id: row.id,
        attempt_no: outcome.attemptNo,
        url: row.webhook_url,
        started_at: outcome.startedAt,
        duration_ms: result.durationMs,
        http_status: result.httpStatus,
        error: result.error,
        response_excerpt: result.responseExcerpt,
        worker: outcome.workerId,
      })
      .execute();
    await trx
      .updateTable('webhook_deliveries')
      .set({
        attempts: outcome.attemptNo,
        last_status: lastStatus,
        lease_owner: null,
        lease_expires_at: null,
        ...(result.ok
          ? { status: 'delivered', delivered_at: outcome.finishedAt }
          : outcome.next === undefined
            ? { status: 'dropped', dropped_at: outcome.finishedAt }
            : { status: 'pending', next_attempt_at: outcome.next }),
      })
      .where('id', '=', row.id)
      .where('lease_owner', '=', row.lease_owner)
      .execute();
  });
}

/** Gives a claimed row back, due now, without logging an attempt (graceful stop). */
export async function releaseClaim(
  db: MoneyDb,
  row: Pick<WebhookDeliveriesTable, 'id' | 'lease_owner'>,
  now: number,
): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', next_attempt_at: now, lease_owner: null, lease_expires_at: null })
    .where('id', '=', row.id)
    .where('lease_owner', '=', row.lease_owner)
    .execute();
}
