import {
  type AcceptedOrderInfo,
  BEANS,
  type CheckRedeemAmountsRequest,
  type CheckRedeemAmountsResult,
  type CreateTradeOrderRequest,
  type GetTierInfosRequest,
  type QueryTradeOrderRequest,
  type TierInfo,
  type TierInfosResult,
  TRADE_ORDER_STATUSES,
  type TradeOrderCreated,
  type TradeOrderQueryResult,
  type V2Success,
} from '@openminis/protocol';
import { z } from 'zod';

/** Emulated pricing policy for `check_redeem_amounts` and order amounts: integer Beans 1–40,000. */
export const REDEEM_MIN = 1;
export const REDEEM_MAX = 40_000;

const beans = z.literal(BEANS, { error: 'token_type must be "BEANS"' });
const text = (max: number) => z.string().max(max);

/** Our extension: without `tier_ids` the whole catalogue is listed. */
export const getTierInfosBody = z
  .object({ token_type: beans, tier_ids: z.array(z.string().min(1).max(64)).max(200).optional() })
  .meta({ id: 'GetTierInfosRequest' }) satisfies z.ZodType<
  Omit<GetTierInfosRequest, 'tier_ids'> & Partial<GetTierInfosRequest>
>;

export const createOrderBody = z
  .object({
    token_type: beans,
    token_amount: z
      .number()
      .int()
      .min(REDEEM_MIN)
      .max(REDEEM_MAX, `token_amount must be at most ${REDEEM_MAX} Beans (pricing policy)`),
    order_info: z.object({
      order_id: z.string().min(1).max(128),
      product_name: z.string().min(1).max(256),
      product_id: text(128).optional(),
      order_url: text(2048).optional(),
      quantity: z.number().int().min(0).max(1_000_000).optional(),
      quantity_unit: text(64).optional(),
      image_url: text(2048).optional(),
      /** The spec's samples misspell image_url (§10 #27); accepted as an alias. */
      iamge_url: text(2048).optional(),
    }),
  })
  .meta({ id: 'CreateTradeOrderRequest' }) satisfies z.ZodType<
  CreateTradeOrderRequest & { order_info: AcceptedOrderInfo }
>;

export const queryOrderBody = z
  .object({ trade_order_id: z.string().min(1).max(128) })
  .meta({ id: 'QueryTradeOrderRequest' }) satisfies z.ZodType<QueryTradeOrderRequest>;

export const checkRedeemBody = z
  .object({ token_type: beans, token_amounts: z.array(z.number()).min(1).max(1000) })
  .meta({ id: 'CheckRedeemAmountsRequest' }) satisfies z.ZodType<CheckRedeemAmountsRequest>;

const envelope = <Data extends z.ZodType>(id: string, data: Data) =>
  z
    .object({
      data,
      error: z.object({ code: z.literal('ok'), message: z.string(), log_id: z.string() }),
    })
    .meta({ id });

export const tierInfo = z
  .object({
    tier_id: z.string(),
    tier_name: z.string(),
    token_amount: z.number().int(),
    token_type: z.literal('BEANS'),
    price: z.string(),
    currency: z.string(),
    symbol: z.string(),
  })
  .meta({ id: 'TierInfo' }) satisfies z.ZodType<TierInfo>;

export const tierInfosResponse = envelope(
  'GetTierInfosResponse',
  z.object({ tier_infos: z.record(z.string(), tierInfo) }),
) satisfies z.ZodType<V2Success<TierInfosResult>>;
export const createOrderResponse = envelope(
  'CreateTradeOrderResponse',
  z.object({ trade_order_id: z.string() }),
) satisfies z.ZodType<V2Success<TradeOrderCreated>>;
export const queryOrderResponse = envelope(
  'QueryTradeOrderResponse',
  z.object({ trade_order_id: z.string(), trade_order_status: z.enum(TRADE_ORDER_STATUSES) }),
) satisfies z.ZodType<V2Success<TradeOrderQueryResult>>;
export const checkRedeemResponse = envelope(
  'CheckRedeemAmountsResponse',
  z.object({ valid: z.boolean() }),
) satisfies z.ZodType<V2Success<CheckRedeemAmountsResult>>;

export const isValidRedeemAmount = (amount: number): boolean =>
  Number.isSafeInteger(amount) && amount >= REDEEM_MIN && amount <= REDEEM_MAX;
