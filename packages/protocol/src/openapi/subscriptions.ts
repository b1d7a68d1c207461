/**
 * Subscription APIs of mini dramas (spec §6.6): `POST`, the paying user's Bearer token, JSON,
 * v2 envelope. Field names are TikTok's, typos included (§10 #28, #29): the example spellings
 * `begin_time`, `next_duduct_time` and `SEMIANNYALLY` are the ones emitted.
 */

/** `order_info` of `subscription/create` and `subscription/reactivate`. */
export interface SubscriptionOrderInfo {
  order_id: string;
  product_name: string;
  order_url?: string;
  order_detail?: string;
}

export const PAY_TYPES = ['IAP', 'WEB'] as const;
/** `IAP`: Apple/Google store; `WEB`: PayPal. Open for values TikTok may add. */
export type PayType = (typeof PAY_TYPES)[number] | (string & {});

/** "ThirdPartyUserSubscriptionObject" (spec §6.6). Timestamps: epoch seconds (assumed, §6.6). */
export interface Subscription {
  subscription_id: string;
  tier_id: string;
  /** The user currently has the benefits. */
  is_subscription_rights_valid: boolean;
  /** Auto-renewal healthy; false when cancelled, failed or on hold. */
  is_renewal_normal: boolean;
  /** Latest trade order of this subscription. */
  trade_order_id: string;
  /** `begine_time` in TikTok's table; the example's spelling is emitted. */
  begin_time?: number;
  end_time?: number;
  /** (sic) next deduction. */
  next_duduct_time?: number;
  pay_type?: PayType;
  is_sandbox?: boolean;
  [field: string]: unknown;
}

export const SUBSCRIPTION_TRADE_ORDER_STATUSES = ['SUCCESS', 'PENDING', 'REFUNDED'] as const;

/** `data` of `get_trade_order_info`: flat, as TikTok's example shows (spec §10 #28). */
export interface SubscriptionTradeOrderInfo {
  trade_order_id: string;
  subscription_id: string;
  trade_order_status: (typeof SUBSCRIPTION_TRADE_ORDER_STATUSES)[number] | (string & {});
  is_sandbox?: boolean;
  begin_time?: number;
  end_time?: number;
  /** The table's key; the example has `actually_end_time` instead, so both are sent. */
  next_duduct_time?: number;
  actually_end_time?: number;
  pay_type?: PayType;
  [field: string]: unknown;
}

/** Billing cycles, `SEMIANNYALLY` [sic] included. */
export const DEDUCT_CYCLES = [
  'WEEKLY',
  'MONTHLY',
  'BIMONTHLY',
  'QUARTERLY',
  'SEMIANNYALLY',
  'ANNUALLY',
] as const;
export const DEDUCT_TYPES = ['one_time', 'auto_renew'] as const;

/** Subscription `TierInfo` (spec §6.6); not the Beans tier of `payments.ts`. */
export interface SubscriptionTierInfo {
  tier_id: string;
  deduct_cycle: (typeof DEDUCT_CYCLES)[number] | (string & {});
  deduct_type: (typeof DEDUCT_TYPES)[number] | (string & {});
  price: string;
  currency: string;
  symbol: string;
}

/** `POST /v2/minis/subscription/create/` → `TradeOrderCreated`. */
export interface CreateSubscriptionRequest {
  tier_id: string;
  order_info: SubscriptionOrderInfo;
}

/** `POST /v2/minis/subscription/reactivate/` → `TradeOrderCreated`; only when `is_renewal_normal` is false. */
export interface ReactivateSubscriptionRequest {
  subscription_id: string;
  order_info: SubscriptionOrderInfo;
}

/** `get_subscription_info` and `get_trade_order_info` take a trade order id. */
export interface SubscriptionTradeOrderRequest {
  trade_order_id: string;
}

/** `POST /v2/minis/subscription/get_subscription_tier_info/`: no or another platform ⇒ `iphone`. */
export interface GetSubscriptionTierInfoRequest {
  tier_ids: string[];
  device_platform?: 'android' | 'iphone';
}

/** `data` of `get_active_list`: empty ⇒ no valid subscription. */
export interface ActiveSubscriptionsResult {
  subscriptions: Subscription[];
}

/** `data` of `get_subscription_info`. */
export interface SubscriptionInfoResult {
  subscription: Subscription;
}

/** `data` of `get_subscription_tier_info`, keyed by tier id. */
export interface SubscriptionTierInfosResult {
  subscription_tiers_info: Record<string, SubscriptionTierInfo>;
}

/** Tier ids that switch any request body to sandbox mode (spec §6.6), with their price. */
export const SANDBOX_SUBSCRIPTION_TIERS = {
  sandbox_499_1M: '$4.99 / month',
  sandbox_1347_3M: '$13.47 / quarter',
  sandbox_699_1M: '$6.99 / month',
  sandbox_1887_3M: '$18.87 / quarter',
} as const;
