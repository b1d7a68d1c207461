import { createHash } from 'node:crypto';
import type { WebhookEvent } from './events';

/**
 * Remembers which webhooks were already handled. Deliveries are at-least-once (spec §7.2), so the
 * same event can arrive twice. Implement this over your database for dedupe that survives restarts
 * and spans instances; the in-memory default only covers one process. Either way, make the grant
 * itself idempotent too (e.g. a unique key on trade_order_id): this store is the first line, not the only one.
 */
export interface WebhookDedupeStore {
  /** True if an event with this key was handled successfully before. */
  has(key: string): boolean | Promise<boolean>;
  /** Called once `onEvent` succeeded for the key. */
  add(key: string): void | Promise<void>;
}

/** In-memory LRU of handled keys (oldest forgotten first). */
export function createMemoryDedupeStore(options: { maxEntries?: number } = {}): WebhookDedupeStore {
  const maxEntries = options.maxEntries ?? 10_000;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new TypeError(
      `createMemoryDedupeStore: maxEntries must be a positive integer, found ${String(maxEntries)}`,
    );
  }
  const keys = new Map<string, true>();
  return {
    has(key) {
      if (!keys.has(key)) return false;
      // Refresh recency: Map iteration order is insertion order, so re-insert to mark as newest.
      keys.delete(key);
      keys.set(key, true);
      return true;
    },
    add(key) {
      keys.delete(key);
      keys.set(key, true);
      while (keys.size > maxEntries) {
        const oldest = keys.keys().next().value;
        if (oldest === undefined) break;
        keys.delete(oldest);
      }
    },
  };
}

/**
 * Identity of an event for dedupe. The envelope has no event id (spec §7.2), so trade-order events
 * are keyed by `trade_order_id` (the documented idempotency key); anything else by a hash of its
 * time and content, which a redelivery of the same body reproduces.
 */
export function webhookDedupeKey(event: WebhookEvent): string {
  const tradeOrderId = event.content.trade_order_id;
  if (typeof tradeOrderId === 'string' && tradeOrderId !== '') {
    return `${event.client_key}|${event.event}|${tradeOrderId}`;
  }
  const digest = createHash('sha256')
    .update(`${event.create_time}\n${JSON.stringify(event.content)}`)
    .digest('hex');
  return `${event.client_key}|${event.event}|sha256:${digest}`;
}
