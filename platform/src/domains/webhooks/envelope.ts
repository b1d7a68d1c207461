/** Events this platform emits (spec §7.4; refund_success/refund_fail are "currently unavailable", §10 #22). */
export const EVENTS = {
  redeemSuccess: 'minis.trade_order.redeem.success',
  refundTraceback: 'minis.trade_order.redeem.refund_traceback',
  /** Emulator-defined: what the portal's "Test URL" button sends (spec §7.1 names no event). */
  test: 'minis.webhook.test',
} as const;

export interface EnvelopeInput {
  clientKey: string;
  event: string;
  /** Epoch ms; the envelope carries seconds. */
  createdAtMs: number;
  userOpenId: string;
  content: Record<string, unknown>;
}

/**
 * The request body of a webhook (spec §7.3), serialised once: these exact bytes are stored,
 * signed and sent. `content` is itself a JSON string (double-encoded), keys in the order
 * of the spec's examples.
 */
export function serializeEnvelope(input: EnvelopeInput): string {
  return JSON.stringify({
    client_key: input.clientKey,
    event: input.event,
    create_time: Math.floor(input.createdAtMs / 1000),
    user_openid: input.userOpenId,
    content: JSON.stringify(input.content),
  });
}

/** Spec §10 #24: the buyer's open_id by default; `""` as in TikTok's examples when configured. */
export function envelopeOpenId(config: { webhookUserOpenid: 'buyer' | 'empty' }, openId: string): string {
  return config.webhookUserOpenid === 'empty' ? '' : openId;
}
