import { newPrefixedId } from '../../crypto';
import type { PlatformDeps } from '../../deps';
import type { MoneyTrx } from '../payments/tables';
import { type EnvelopeInput, serializeEnvelope } from './envelope';
import { DEFAULT_SCHEDULE } from './schedule';

export type EnqueueInput = EnvelopeInput & {
  appId: string;
  reference?: string | null;
};

/**
 * Writes a webhook to the outbox inside the caller's transaction, so it exists iff the
 * state change that caused it committed. Call `nudgeDispatchers(deps)` after the commit.
 */
export async function enqueueWebhook(trx: MoneyTrx, input: EnqueueInput): Promise<string> {
  const id = newPrefixedId('whd');
  await trx
    .insertInto('webhook_deliveries')
    .values({
      id,
      app_id: input.appId,
      event: input.event,
      body: serializeEnvelope(input),
      reference: input.reference ?? null,
      duplicate_of: null,
      status: 'pending',
      attempts: 0,
      created_at: input.createdAtMs,
      expires_at: input.createdAtMs + DEFAULT_SCHEDULE.windowMs,
      next_attempt_at: input.createdAtMs,
      lease_owner: null,
      lease_expires_at: null,
      last_status: null,
      delivered_at: null,
      dropped_at: null,
    })
    .execute();
  return id;
}

// In-process wake-ups: a dispatcher running in this process reacts at once instead of at
// its next poll. Other processes find the row by polling.
const listeners = new WeakMap<PlatformDeps, Set<() => void>>();

export function onWebhookEnqueued(deps: PlatformDeps, listener: () => void): () => void {
  const set = listeners.get(deps) ?? new Set();
  listeners.set(deps, set);
  set.add(listener);
  return () => set.delete(listener);
}

export function nudgeDispatchers(deps: PlatformDeps): void {
  for (const listener of listeners.get(deps) ?? []) listener();
}
