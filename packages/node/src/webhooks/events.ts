/**
 * Verified webhook events (spec §7.3, §7.4). On the wire `content` is a JSON *string*
 * (`WebhookEnvelope`); verified events carry it parsed. The envelope, event names and content
 * types are declared once in `@openminis/protocol` and re-exported here.
 */
import type { KnownWebhookEventName, WebhookEnvelope, WebhookEventMap } from '@openminis/protocol';

export type {
  AuthorizationRemovedContent,
  KnownWebhookEventName,
  SubscriptionContent,
  TradeOrderRedeemSuccessContent,
  TradeOrderRefundTracebackContent,
  WebhookEnvelope,
  WebhookEventMap,
} from '@openminis/protocol';

/** A verified webhook: the envelope with `content` parsed. */
export interface WebhookEvent<E extends string = string, C = Record<string, unknown>>
  extends Omit<WebhookEnvelope, 'event' | 'content'> {
  event: E;
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
