import { createMemoryDedupeStore, type WebhookDedupeStore, webhookDedupeKey } from './dedupe';
import { WebhookVerificationError, type WebhookVerificationReason } from './errors';
import type { AnyWebhookEvent } from './events';
import type { SignatureHeaderInput } from './headers';
import { type VerifyWebhookOptions, verifyWebhook } from './verify';

export interface WebhookHandlerOptions extends VerifyWebhookOptions {
  clientSecret: string;
  /** Do the work (grant the goods). Throw to answer 500, so TikTok retries later. */
  onEvent: (event: AnyWebhookEvent) => void | Promise<void>;
  /** Where handled keys are remembered. Default: an in-memory LRU. `false` turns dedupe off. */
  dedupe?: WebhookDedupeStore | false;
  /** Called when `onEvent` or the dedupe store throws. Default: `console.error`. */
  onError?: (error: unknown, event: AnyWebhookEvent) => void;
}

export interface WebhookHandlerResult {
  status: 200 | 400 | 401 | 500;
  /** JSON text to send back. */
  body: string;
  headers: { 'content-type': 'application/json' };
  /** The verified event, when verification passed. */
  event?: AnyWebhookEvent;
  /** True when the event had already been handled (answered 200 without calling onEvent again). */
  duplicate?: boolean;
  /** Why verification failed (400/401). */
  reason?: WebhookVerificationReason;
  /** The verification error or the error thrown by onEvent. */
  error?: unknown;
}

export type WebhookHandler = (
  rawBody: string | Uint8Array,
  headers: SignatureHeaderInput,
) => Promise<WebhookHandlerResult>;

/**
 * A framework-neutral webhook endpoint: verify → parse → dedupe → onEvent → answer.
 * Wire it into any server by passing the raw body and the headers, then sending `status` and `body`:
 *
 *   const handle = createWebhookHandler({ clientSecret, onEvent });
 *   const r = await handle(await request.text(), request.headers);
 *   return new Response(r.body, { status: r.status, headers: r.headers });
 */
export function createWebhookHandler(options: WebhookHandlerOptions): WebhookHandler {
  const { clientSecret, onEvent, dedupe, onError = defaultOnError, ...verifyOptions } = options;
  if (typeof onEvent !== 'function') throw new TypeError('createWebhookHandler: onEvent must be a function');
  const store = dedupe === false ? undefined : (dedupe ?? createMemoryDedupeStore());
  // Concurrent deliveries of one event share the first one's outcome instead of running twice.
  const inFlight = new Map<string, Promise<WebhookHandlerResult>>();

  return async (rawBody, headers) => {
    let event: AnyWebhookEvent;
    try {
      event = verifyWebhook(rawBody, headers, clientSecret, verifyOptions);
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      return {
        ...respond(error.httpStatus, { ok: false, error: error.reason, message: error.message }),
        reason: error.reason,
        error,
      };
    }

    if (!store) return run(event);
    const key = webhookDedupeKey(event);
    const running = inFlight.get(key);
    if (running) {
      const first = await running;
      return first.status === 200
        ? { ...first, ...respond(200, { ok: true, duplicate: true }), duplicate: true }
        : first;
    }
    const attempt = runOnce(store, key, event);
    inFlight.set(key, attempt);
    try {
      return await attempt;
    } finally {
      inFlight.delete(key);
    }
  };

  // Dedupe is an optimisation over an idempotent grant: if the store fails, handle the event anyway.
  async function runOnce(store: WebhookDedupeStore, key: string, event: AnyWebhookEvent) {
    let seen = false;
    try {
      seen = await store.has(key);
    } catch (error) {
      onError(error, event);
    }
    if (seen) return { ...respond(200, { ok: true, duplicate: true }), event, duplicate: true };
    const result = await run(event);
    if (result.status === 200) {
      try {
        await store.add(key);
      } catch (error) {
        onError(error, event);
      }
    }
    return result;
  }

  async function run(event: AnyWebhookEvent): Promise<WebhookHandlerResult> {
    try {
      await onEvent(event);
      return { ...respond(200, { ok: true }), event, duplicate: false };
    } catch (error) {
      onError(error, event);
      // No details to the caller: they are the receiver's internals.
      return { ...respond(500, { ok: false, error: 'handler_failed' }), event, error };
    }
  }
}

function respond(status: WebhookHandlerResult['status'], payload: object) {
  return { status, body: JSON.stringify(payload), headers: { 'content-type': 'application/json' } as const };
}

function defaultOnError(error: unknown, event: AnyWebhookEvent): void {
  console.error(`webhook ${event.event}: handling failed`, error);
}
