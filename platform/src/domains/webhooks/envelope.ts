import {
  type KnownWebhookEventName,
  WEBHOOK_EVENTS,
  type WebhookEnvelope,
  type WebhookEventMap,
} from '@openminis/protocol';

/** Events this platform emits (spec §7.4; refund_success/refund_fail are "currently unavailable", §10 #22). */
export const EVENTS = {
  redeemSuccess: WEBHOOK_EVENTS.redeemSuccess,
  refundTraceback: WEBHOOK_EVENTS.refundTraceback,
  authorizationRemoved: WEBHOOK_EVENTS.authorizationRemoved,
  /** Emulator-defined: what the portal's "Test URL" button sends (spec §7.1 names no event). */
  test: 'minis.webhook.test',
} as const;

/** An event name with the content the protocol documents for it (or the test event's own). */
type EventWithContent =
  | { [E in KnownWebhookEventName]: { event: E; content: WebhookEventMap[E] } }[KnownWebhookEventName]
  | { event: typeof EVENTS.test; content: Record<string, unknown> };

export type EnvelopeInput = EventWithContent & {
  clientKey: string;
  /** Epoch ms; the envelope carries seconds. */
  createdAtMs: number;
  userOpenId: string;
};

/**
 * The request body of a webhook (spec §7.3), serialised once: these exact bytes are stored,
 * signed and sent. `content` is itself a JSON string (double-encoded), keys in the order
 * of the spec's examples.
 */
export function serializeEnvelope(input: EnvelopeInput): string {
  const envelope: WebhookEnvelope = {
    client_key: input.clientKey,
    event: input.event,
    create_time: Math.floor(input.createdAtMs / 1000),
    user_openid: input.userOpenId,
    content: JSON.stringify(input.content),
  };
  return JSON.stringify(envelope);
}

/** Spec §10 #24: the buyer's open_id by default; `""` as in TikTok's examples when configured. */
export function envelopeOpenId(config: { webhookUserOpenid: 'buyer' | 'empty' }, openId: string): string {
  return config.webhookUserOpenid === 'empty' ? '' : openId;
}
