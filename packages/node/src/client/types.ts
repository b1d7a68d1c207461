/** Wire types of the Open API (spec §6). Field names are TikTok's, typos included. */

/** Flat success body of `POST /v2/oauth/token/` (both grants). */
export interface TokenResponse {
  access_token: string;
  /** Seconds (24 h). */
  expires_in: number;
  open_id: string;
  refresh_token: string;
  /** Seconds (365 days). */
  refresh_expires_in: number;
  /** Comma-separated granted scopes. */
  scope: string;
  token_type: 'Bearer' | (string & {});
}

export type UserInfoField =
  | 'open_id'
  | 'union_id'
  | 'avatar_url'
  | 'avatar_url_100'
  | 'avatar_large_url'
  | 'display_name';

/** `data.user` of `GET /v2/user/info/`: only the requested fields are present. */
export interface UserInfo {
  open_id?: string;
  union_id?: string;
  avatar_url?: string;
  avatar_url_100?: string;
  avatar_large_url?: string;
  display_name?: string;
  [field: string]: unknown;
}

export interface TierInfo {
  tier_id: string;
  tier_name: string;
  token_amount: number;
  token_type: 'BEANS';
  /** Decimal string, e.g. "1.19". */
  price: string;
  currency: string;
  symbol: string;
}

export interface TierInfosResult {
  /** Keyed by tier_id. */
  tier_infos: Record<string, TierInfo>;
}

export interface OrderInfo {
  /** Your own order id; must be unique per app (else `20021002`). */
  order_id: string;
  /** Shown on the user's order list. */
  product_name: string;
  product_id?: string;
  order_url?: string;
  quantity?: number;
  /** e.g. "episode". */
  quantity_unit?: string;
  image_url?: string;
}

export interface CreateTradeOrderInput {
  /** Beans to charge, computed from your own catalogue — never from the client. */
  token_amount: number;
  order_info: OrderInfo;
}

export interface TradeOrderCreated {
  trade_order_id: string;
}

export type TradeOrderStatus = 'PENDING' | 'SUCCESS' | (string & {});

export interface TradeOrderQueryResult {
  trade_order_id: string;
  trade_order_status: TradeOrderStatus;
}

export interface CheckRedeemAmountsResult {
  /** True iff every amount complies with TikTok's pricing policy. */
  valid: boolean;
}

/** Subscription order info (spec §6.6). */
export interface SubscriptionOrderInfo {
  order_id: string;
  product_name: string;
  order_url?: string;
  order_detail?: string;
}

export interface Subscription {
  subscription_id: string;
  tier_id: string;
  is_subscription_rights_valid: boolean;
  is_renewal_normal: boolean;
  trade_order_id: string;
  begin_time?: number;
  end_time?: number;
  next_duduct_time?: number;
  pay_type?: 'IAP' | 'WEB' | (string & {});
  is_sandbox?: boolean;
  [field: string]: unknown;
}

export interface SubscriptionTradeOrderInfo {
  trade_order_id: string;
  subscription_id: string;
  trade_order_status: 'SUCCESS' | 'PENDING' | 'REFUNDED' | (string & {});
  is_sandbox?: boolean;
  begin_time?: number;
  end_time?: number;
  next_duduct_time?: number;
  actually_end_time?: number;
  pay_type?: 'IAP' | 'WEB' | (string & {});
  [field: string]: unknown;
}

export interface SubscriptionTierInfo {
  tier_id: string;
  deduct_cycle:
    | 'WEEKLY'
    | 'MONTHLY'
    | 'BIMONTHLY'
    | 'QUARTERLY'
    | 'SEMIANNYALLY'
    | 'ANNUALLY'
    | (string & {});
  deduct_type: 'one_time' | 'auto_renew' | (string & {});
  price: string;
  currency: string;
  symbol: string;
}
