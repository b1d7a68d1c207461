/**
 * Payment APIs in Beans (spec §6.5): `POST`, the paying user's Bearer token, JSON bodies, v2
 * envelope. The result types are the envelope's `data`.
 */

/** `token_type` is always this literal. */
export const BEANS = 'BEANS';

/** One recharge tier, as in `tier_infos` of `get_tier_infos` (spec §6.5). */
export interface TierInfo {
  tier_id: string;
  tier_name: string;
  token_amount: number;
  token_type: typeof BEANS;
  /** Decimal string, e.g. "1.19", localised to the user's country. */
  price: string;
  /** ISO-4217. */
  currency: string;
  /** Display symbol, e.g. "$". */
  symbol: string;
}

/** `POST /v2/minis/utility/get_tier_infos/`. */
export interface GetTierInfosRequest {
  token_type: typeof BEANS;
  tier_ids: string[];
}

export interface TierInfosResult {
  /** Keyed by tier_id. */
  tier_infos: Record<string, TierInfo>;
}

/** `order_info` of `trade_order/create` (spec §6.5). */
export interface OrderInfo {
  /** The developer's own order id; must be unique per app (else `20021002`). */
  order_id: string;
  /** Shown on the user's order list. */
  product_name: string;
  product_id?: string;
  /** URL or path of the order page in the developer's system. */
  order_url?: string;
  /** Units in this order. */
  quantity?: number;
  /** e.g. "episode". */
  quantity_unit?: string;
  /** Cover image shown in the order history (a drama poster is recommended). */
  image_url?: string;
}

/** What a server accepts: TikTok's samples misspell `image_url` as `iamge_url` (spec §6.5, §10 #27). */
export interface AcceptedOrderInfo extends OrderInfo {
  iamge_url?: string;
}

/** `POST /v2/minis/trade_order/create/`. */
export interface CreateTradeOrderRequest {
  token_type: typeof BEANS;
  /** Beans to charge: an integer computed by the developer's backend, never client-supplied. */
  token_amount: number;
  order_info: OrderInfo;
}

export interface TradeOrderCreated {
  /** The only handle for querying; it appears in webhooks. */
  trade_order_id: string;
}

/** The only values TikTok documents for a Beans trade order. */
export const TRADE_ORDER_STATUSES = ['PENDING', 'SUCCESS'] as const;
export type KnownTradeOrderStatus = (typeof TRADE_ORDER_STATUSES)[number];
/** Open, so a receiver compiles against values TikTok may add. */
export type TradeOrderStatus = KnownTradeOrderStatus | (string & {});

/** `POST /v2/minis/trade_order/query/`. */
export interface QueryTradeOrderRequest {
  trade_order_id: string;
}

export interface TradeOrderQueryResult {
  trade_order_id: string;
  trade_order_status: TradeOrderStatus;
}

/** `POST /v2/minis/utility/check_redeem_amounts/`. */
export interface CheckRedeemAmountsRequest {
  token_type: typeof BEANS;
  token_amounts: number[];
}

export interface CheckRedeemAmountsResult {
  /** True iff every amount complies with TikTok's pricing policy. */
  valid: boolean;
}

/** Minis numeric error codes (spec §6.2), carried as strings in the envelope's `error.code`. */
export const MINIS_ERROR_CODES = {
  internal: '50001000',
  invalidParams: '40001000',
  orderNotFound: '20011002',
  subMerchantInvalid: '20021001',
  duplicateOrderId: '20021002',
  tierInvalid: '20001003',
  subscriptionAlreadyActive: '20021101',
  subscriptionCancelled: '20021102',
  subscriptionOnHold: '20021103',
  changeSubscriptionUnfinished: '20021108',
  tooCloseToRenewal: '20021111',
} as const;

export type MinisErrorCode = (typeof MINIS_ERROR_CODES)[keyof typeof MINIS_ERROR_CODES];

/**
 * Meaning and developer action per code (spec §6.2). TikTok does not show the HTTP status; per
 * spec §10 #30 business errors answer 200, invalid parameters 400, internal errors 500.
 */
export const MINIS_ERRORS: {
  readonly [C in MinisErrorCode]: { httpStatus: 200 | 400 | 500; meaning: string; action: string };
} = {
  '50001000': { httpStatus: 500, meaning: 'TikTok internal error', action: 'retry or ignore' },
  '40001000': { httpStatus: 400, meaning: 'invalid parameters', action: 'fix the request' },
  '20011002': {
    httpStatus: 200,
    meaning: 'order does not exist',
    action: 'check the client key, trade order id and user',
  },
  '20021001': {
    httpStatus: 200,
    meaning: 'sub-merchant id invalid',
    action: 'payments are not enabled: contact TikTok',
  },
  '20021002': {
    httpStatus: 200,
    meaning: 'outer order id already exists',
    action: 'use a new order_info.order_id',
  },
  '20001003': { httpStatus: 200, meaning: 'tier id invalid', action: 'check the tier' },
  '20021101': {
    httpStatus: 200,
    meaning: 'subscription already active',
    action: 'another one cannot be created',
  },
  '20021102': { httpStatus: 200, meaning: 'subscription cancelled', action: 'only reactivation is allowed' },
  '20021103': {
    httpStatus: 200,
    meaning: 'subscription on hold',
    action: 'the user must resolve it in the store',
  },
  '20021108': {
    httpStatus: 200,
    meaning: 'change subscription unfinished',
    action: 'wait 1 h between change requests',
  },
  '20021111': {
    httpStatus: 200,
    meaning: 'too close to renewal',
    action: 'no change within 24 h of renewal',
  },
};
