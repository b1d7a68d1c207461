/**
 * Webhook envelope and event payloads (spec §7.3, §7.4). On the wire `content` is a JSON *string*;
 * verified events carry it parsed. Every content type keeps an index signature because TikTok
 * documents that extra keys may appear (e.g. `pay_type`) and receivers must ignore unknown ones.
 */

/** The body TikTok POSTs, exactly as on the wire. */
export interface WebhookEnvelope {
  client_key: string;
  event: string;
  /** Event time, UTC epoch seconds. */
  create_time: number;
  /** The buyer's open_id; an empty string in all of TikTok's Minis examples. */
  user_openid: string;
  /** JSON-serialised event content (double-encoded). */
  content: string;
}

export interface TradeOrderRedeemSuccessContent {
  trade_order_id: string;
  /** The developer's own order id, as sent in `order_info.order_id`. */
  order_id: string;
  is_sandbox?: boolean;
  [key: string]: unknown;
}

export interface TradeOrderRefundTracebackContent {
  trade_order_id: string;
  order_id: string;
  is_sandbox?: boolean;
  /** Beans TikTok recovered from the store refund. */
  refund_amount: number;
  [key: string]: unknown;
}

/** Subscription content is not documented by TikTok; these are the keys emulators send. */
export interface SubscriptionContent {
  subscription_id?: string;
  trade_order_id?: string;
  order_id?: string;
  tier_id?: string;
  is_sandbox?: boolean;
  [key: string]: unknown;
}

export interface AuthorizationRemovedContent {
  /** 0 unknown, 1 user disconnected, 2 account deleted, 3 age changed, 4 account banned, 5 developer revoked. */
  reason: number;
  [key: string]: unknown;
}

/** Content type of every documented event, by event name. */
export interface WebhookEventMap {
  'minis.trade_order.redeem.success': TradeOrderRedeemSuccessContent;
  'minis.trade_order.redeem.refund_traceback': TradeOrderRefundTracebackContent;
  'minis.trade_order.redeem.refund_success': Record<string, unknown>;
  'minis.trade_order.redeem.refund_fail': Record<string, unknown>;
  'minis.subscription.create': SubscriptionContent;
  'minis.subscription.renew': SubscriptionContent;
  'minis.subscription.expire': SubscriptionContent;
  'minis.subscription.onhold': SubscriptionContent;
  'minis.subscription.reactivate': SubscriptionContent;
  'authorization.removed': AuthorizationRemovedContent;
}

export type KnownWebhookEventName = keyof WebhookEventMap;

/** A verified webhook: the envelope with `content` parsed. */
export interface WebhookEvent<E extends string = string, C = Record<string, unknown>> {
  client_key: string;
  event: E;
  create_time: number;
  user_openid: string;
  content: C;
}

/** A verified webhook of one documented event. */
export type WebhookEventOf<E extends KnownWebhookEventName> = WebhookEvent<E, WebhookEventMap[E]>;

/**
 * Any verified webhook. Narrow it with {@link isWebhookEvent}: a plain `event.event === '…'` check
 * cannot narrow because unknown events (passed through untouched) have `event: string`.
 */
export type AnyWebhookEvent =
  | { [E in KnownWebhookEventName]: WebhookEventOf<E> }[KnownWebhookEventName]
  | WebhookEvent;

/** Type guard: `if (isWebhookEvent(evt, 'minis.trade_order.redeem.success')) evt.content.trade_order_id`. */
export function isWebhookEvent<E extends KnownWebhookEventName>(
  event: { event: string },
  name: E,
): event is WebhookEventOf<E> {
  return event.event === name;
}
