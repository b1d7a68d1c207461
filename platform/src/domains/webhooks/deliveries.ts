import { newPrefixedId } from '../../crypto';
import { ApiError } from '../../http/api-error';
import type { MoneyDb } from '../payments/tables';
import { DEFAULT_SCHEDULE } from './schedule';
import type { DeliveryStatus, WebhookAttemptsTable, WebhookDeliveriesTable } from './tables';

export interface DeliveryFilter {
  appId?: string;
  status?: DeliveryStatus;
  event?: string;
  reference?: string;
  limit?: number;
}

/** Reading and steering the outbox from the control API. */
export class Deliveries {
  constructor(
    private readonly db: MoneyDb,
    private readonly now: () => number,
  ) {}

  async list(
    filter: DeliveryFilter = {},
  ): Promise<Array<WebhookDeliveriesTable & { attempt_log: WebhookAttemptsTable[] }>> {
    let query = this.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc');
    if (filter.appId) query = query.where('app_id', '=', filter.appId);
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.event) query = query.where('event', '=', filter.event);
    if (filter.reference) query = query.where('reference', '=', filter.reference);
    const rows = await query.limit(Math.min(filter.limit ?? 100, 1000)).execute();
    const attempts =
      rows.length === 0
        ? []
        : await this.db
            .selectFrom('webhook_attempts')
            .selectAll()
            .where(
              'delivery_id',
              'in',
              rows.map((r) => r.id),
            )
            .orderBy('attempt_no')
            .orderBy('started_at')
            .execute();
    return rows.map((row) => ({ ...row, attempt_log: attempts.filter((a) => a.delivery_id === row.id) }));
  }

  async get(id: string): Promise<WebhookDeliveriesTable & { attempt_log: WebhookAttemptsTable[] }> {
    const row = await this.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new ApiError(404, 'not_found', `webhook delivery ${id} not found`);
    const attempt_log = await this.db
      .selectFrom('webhook_attempts')
      .selectAll()
      .where('delivery_id', '=', id)
      .orderBy('attempt_no')
      .orderBy('started_at')
      .execute();
    return { ...row, attempt_log };
  }

  /** Sends it again now, whatever its state, with a fresh 72 h retry window. */
  async redeliver(id: string): Promise<void> {
    const now = this.now();
    const result = await this.db
      .updateTable('webhook_deliveries')
      .set({
        status: 'pending',
        next_attempt_at: now,
        expires_at: now + DEFAULT_SCHEDULE.windowMs,
        lease_owner: null,
        lease_expires_at: null,
        dropped_at: null,
      })
      .where('id', '=', id)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n)
      throw new ApiError(404, 'not_found', `webhook delivery ${id} not found`);
  }

  /** Injects duplicates (spec §7.2 "duplicates possible"): new deliveries with the same bytes. */
  async duplicate(id: string, count: number): Promise<string[]> {
    const original = await this.get(id);
    const now = this.now();
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const copy = newPrefixedId('whd');
      ids.push(copy);
      await this.db
        .insertInto('webhook_deliveries')
        .values({
          id: copy,
          app_id: original.app_id,
          event: original.event,
          body: original.body,
          reference: original.reference,
          duplicate_of: original.id,
          status: 'pending',
          attempts: 0,
          created_at: now,
          expires_at: now + DEFAULT_SCHEDULE.windowMs,
          next_attempt_at: now,
          lease_owner: null,
          lease_expires_at: null,
          last_status: null,
          delivered_at: null,
          dropped_at: null,
        })
        .execute();
    }
    return ids;
  }
}

/** Control-API view of a delivery. */
export function presentDelivery(row: WebhookDeliveriesTable & { attempt_log: WebhookAttemptsTable[] }) {
  return {
    id: row.id,
    delivery_id: row.id,
    app_id: row.app_id,
    event: row.event,
    reference: row.reference,
    duplicate_of: row.duplicate_of,
    status: row.status,
    attempts: Number(row.attempts),
    created_at: Number(row.created_at),
    expires_at: Number(row.expires_at),
    next_attempt_at:
      row.status === 'pending' || row.status === 'delivering' ? Number(row.next_attempt_at) : null,
    last_status: row.last_status,
    delivered_at: row.delivered_at === null ? null : Number(row.delivered_at),
    dropped_at: row.dropped_at === null ? null : Number(row.dropped_at),
    body: row.body,
    attempt_log: row.attempt_log.map((a) => ({
      attempt_no: Number(a.attempt_no),
      url: a.url,
      started_at: Number(a.started_at),
      duration_ms: Number(a.duration_ms),
      http_status: a.http_status === null ? null : Number(a.http_status),
      error: a.error,
      response_excerpt: a.response_excerpt,
      worker: a.worker,
    })),
  };
}
