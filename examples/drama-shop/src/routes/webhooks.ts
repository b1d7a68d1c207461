import {
  type AnyWebhookEvent,
  createWebhookHandler,
  isWebhookEvent,
  type WebhookDedupeStore,
} from '@openminis/node';
import { Hono } from 'hono';
import type { ShopContext } from '../context';
import { fulfil, refund } from '../fulfilment';

export interface WebhookRouteOptions {
  clientSecret: string;
  clientKey?: string;
  toleranceSeconds?: number;
  dedupe?: WebhookDedupeStore;
}

/**
 * `POST /webhooks/tiktok`: verify the signature over the raw bytes, dedupe, then act (spec §7.5
 * processing order). The grant is idempotent by trade_order_id on its own, so a redelivery that
 * slips past dedupe (another instance, a restart) still grants once.
 */
export function webhookRoutes(ctx: ShopContext, options: WebhookRouteOptions) {
  const handle = createWebhookHandler({
    clientSecret: options.clientSecret,
    clientKey: options.clientKey,
    toleranceSeconds: options.toleranceSeconds,
    now: ctx.now,
    dedupe: options.dedupe,
    onEvent: (event) => {
      const outcome = apply(ctx, event);
      ctx.store.recordWebhook({
        event: event.event,
        create_time: event.create_time,
        trade_order_id:
          typeof event.content.trade_order_id === 'string' ? event.content.trade_order_id : undefined,
        received_at: ctx.now(),
        outcome,
      });
    },
  });

  const routes = new Hono();
  routes.post('/tiktok', async (c) => {
    // Raw bytes, never c.req.json(): the signature covers the body exactly as sent.
    const raw = new Uint8Array(await c.req.arrayBuffer());
    const result = await handle(raw, c.req.raw.headers);
    if (result.duplicate && result.event) {
      ctx.store.recordWebhook({
        event: result.event.event,
        create_time: result.event.create_time,
        received_at: ctx.now(),
        outcome: 'duplicate',
      });
    } else if (result.reason) {
      ctx.store.recordWebhook({
        event: '(rejected)',
        create_time: 0,
        received_at: ctx.now(),
        outcome: result.reason,
      });
    }
    return c.body(result.body, result.status, result.headers);
  });
  return routes;
}

/** Applies one verified event; returns a short outcome for the debug log. Throwing makes TikTok retry. */
function apply(ctx: ShopContext, event: AnyWebhookEvent): string {
  if (isWebhookEvent(event, 'minis.trade_order.redeem.success')) {
    const order = ctx.store.getOrderByTradeOrderId(event.content.trade_order_id);
    if (!order) return 'unknown_trade_order';
    // The order_id we sent must come back: a mismatch means the webhook is not about our order.
    if (order.order_id !== event.content.order_id) return 'order_id_mismatch';
    return fulfil(ctx.store, order, ctx.now()).granted ? 'granted' : 'already_granted';
  }
  if (isWebhookEvent(event, 'minis.trade_order.redeem.refund_traceback')) {
    const order = ctx.store.getOrderByTradeOrderId(event.content.trade_order_id);
    if (!order) return 'unknown_trade_order';
    refund(ctx.store, order, event.content.refund_amount, ctx.now());
    return 'refunded';
  }
  if (isWebhookEvent(event, 'authorization.removed')) {
    // The user's tokens are already revoked when this arrives; drop ours and their sessions.
    if (event.user_openid) ctx.store.forgetUser(event.user_openid);
    return 'user_forgotten';
  }
  return 'ignored';
}
