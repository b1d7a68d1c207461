/**
 * Webhooks (spec §7): the envelope TikTok POSTs, its events and their content, and the
 * `Tiktok-Signature` header's text format. The HMAC itself needs a crypto library and lives
 * with each side (`@openminis/node` verifies, the platform signs).
 */

/** The body TikTok POSTs, exactly as on the wire (spec §7.3). */
export interface WebhookEnvelope {
  client_key: string;
  event: string;
  /** Event time, UTC epoch seconds. */
  create_time: number;
  /** The buyer's open_id; an empty string in all of TikTok's Minis examples (§10 #24). */
  user_openid: string;
  /** JSON-serialised event content (double-encoded). */
  content: string;
}

/** Every documented event (spec §7.4). */
export const WEBHOOK_EVENTS = {
  redeemSuccess: 'minis.trade_order.redeem.success',
  /** Listed by TikTok as "currently unavailable" (§10 #22). */
  refundSuccess: 'minis.trade_order.redeem.refund_success',
  /** Listed by TikTok as "currently unavailable" (§10 #22). */
  refundFail: 'minis.trade_order.redeem.refund_fail',
  refundTraceback: 'minis.trade_order.redeem.refund_traceback',
  subscriptionCreate: 'minis.subscription.create',
  subscriptionRenew: 'minis.subscription.renew',
  subscriptionExpire: 'minis.subscription.expire',
  subscriptionOnhold: 'minis.subscription.onhold',
  subscriptionReactivate: 'minis.subscription.reactivate',
  authorizationRemoved: 'authorization.removed',
} as const;

/*
 * Content types. Each keeps an index signature: TikTok says extra keys may appear (e.g.
 * `pay_type`) and receivers must ignore unknown ones.
 */

/** Payment completed: the authoritative signal to deliver goods. */
export interface TradeOrderRedeemSuccessContent {
  trade_order_id: string;
  /** The developer's own order id, as sent in `order_info.order_id`. */
  order_id: string;
  /** Absent in TikTok's older example; always sent by OpenMinis (§10 #23). */
  is_sandbox?: boolean;
  [key: string]: unknown;
}

/** The user was refunded by the app store and TikTok recovered part of the amount. */
export interface TradeOrderRefundTracebackContent {
  trade_order_id: string;
  order_id: string;
  is_sandbox?: boolean;
  /** Beans TikTok recovered from the store refund. */
  refund_amount: number;
  [key: string]: unknown;
}

/** Subscription content is not documented by TikTok; these are the keys emulators send (§7.4). */
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

// The map and the name list must name the same events, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameEvents: Same<KnownWebhookEventName, (typeof WEBHOOK_EVENTS)[keyof typeof WEBHOOK_EVENTS]> = true;
void sameEvents;

/** Header name as TikTok sends it (spec §7.5, §10 #25). Receivers must match it case-insensitively. */
export const SIGNATURE_HEADER = 'Tiktok-Signature';

/** `t=<unix seconds>,s=<hex>`, the value of the `Tiktok-Signature` header (spec §7.5). */
export function formatSignatureHeader(timestamp: number, signature: string): string {
  return `t=${timestamp},s=${signature}`;
}

export interface ParsedSignatureHeader {
  /** Unix seconds, as sent in `t=`. */
  timestamp: number;
  /** `t=` exactly as sent: the signed payload uses these characters, not a re-formatted number. */
  timestampText: string;
  /** Every `s=` value, lowercased (one in practice; several allow a secret rotation). */
  signatures: string[];
}

export type SignatureHeaderParse =
  | { ok: true; header: ParsedSignatureHeader }
  | { ok: false; problem: string };

const HEX_SHA256 = /^[0-9a-f]{64}$/i;
const UNIX_SECONDS = /^\d{1,15}$/;
export const MAX_SIGNATURE_HEADER_LENGTH = 1024;

/**
 * Parses `t=1633174587,s=1849…fe66` as spec §7.5 describes it: split on `,`, then each element on
 * its first `=`. Unknown prefixes are ignored so a future scheme version does not break receivers.
 * Never throws: a malformed value gives `problem`, a sentence saying what was expected and found.
 */
export function tryParseSignatureHeader(header: string): SignatureHeaderParse {
  const fail = (problem: string) => ({ ok: false as const, problem });
  const shown = JSON.stringify(header.length > 120 ? `${header.slice(0, 120)}…` : header);
  const expected = 'expected "t=<unix seconds>,s=<64 hex chars>"';
  if (header.length > MAX_SIGNATURE_HEADER_LENGTH) {
    return fail(
      `Tiktok-Signature header is ${header.length} characters long (limit ${MAX_SIGNATURE_HEADER_LENGTH}); ${expected}`,
    );
  }
  let timestampText: string | undefined;
  const signatures: string[] = [];
  for (const element of header.split(',')) {
    const eq = element.indexOf('=');
    if (eq < 0) continue;
    const prefix = element.slice(0, eq).trim();
    const value = element.slice(eq + 1).trim();
    if (prefix === 't') timestampText = value;
    else if (prefix === 's') signatures.push(value.toLowerCase());
  }
  if (timestampText === undefined) {
    return fail(`Tiktok-Signature has no "t=" element: ${expected}, found ${shown}`);
  }
  if (!UNIX_SECONDS.test(timestampText)) {
    return fail(
      `Tiktok-Signature "t=" must be whole Unix seconds, found ${JSON.stringify(timestampText)}: ${expected}`,
    );
  }
  if (signatures.length === 0) {
    return fail(`Tiktok-Signature has no "s=" element: ${expected}, found ${shown}`);
  }
  const bad = signatures.find((s) => !HEX_SHA256.test(s));
  if (bad !== undefined) {
    return fail(
      `Tiktok-Signature "s=" must be 64 hex characters (a SHA-256 HMAC), found ${JSON.stringify(bad.slice(0, 80))} (${bad.length} characters)`,
    );
  }
  return { ok: true, header: { timestamp: Number(timestampText), timestampText, signatures } };
}
