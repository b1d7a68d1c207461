import type {
  CheckRedeemAmountsResult,
  TierInfo,
  TierInfosResult,
  TradeOrderCreated,
  TradeOrderQueryResult,
} from '@openminis/protocol';
import type { PlatformDeps } from '../../deps';
import { v2Ok } from '../../http/envelope';
import { readJson } from '../../http/json-body';
import type { RouteDef } from '../../http/route-table';
import { v2ErrorResponse } from '../../http/schemas';
import { requireUserToken } from '../oauth/access';
import { paymentsContext } from './context';
import { MINIS_CODES, tierInvalid } from './errors';
import {
  checkRedeemBody,
  checkRedeemResponse,
  createOrderBody,
  createOrderResponse,
  getTierInfosBody,
  isValidRedeemAmount,
  queryOrderBody,
  queryOrderResponse,
  tierInfosResponse,
} from './schemas';
import { TradeOrders } from './trade-orders';

const errors = {
  400: { description: '40001000 invalid parameters (names the field)', schema: v2ErrorResponse },
  401: { description: 'access_token_invalid', schema: v2ErrorResponse },
};

/** Payment Open API (spec §6.5): Bearer user token, JSON, v2 envelope. */
export function paymentOpenApiRoutes(deps: PlatformDeps): RouteDef[] {
  const ctx = paymentsContext(deps);
  const orders = new TradeOrders(ctx);
  const base = { tags: ['Payments'], auth: 'userToken' as const, middleware: [requireUserToken(deps)] };
  return [
    {
      ...base,
      method: 'post',
      path: '/v2/minis/utility/get_tier_infos/',
      summary: 'Beans recharge tiers by id (no tier_ids: the whole catalogue)',
      request: { json: getTierInfosBody },
      responses: {
        200: {
          description: 'tier_infos keyed by tier_id; 20001003 for an unknown id',
          schema: tierInfosResponse,
        },
        ...errors,
      },
      handler: async (c) => {
        const body = await readJson(c, getTierInfosBody, MINIS_CODES.invalidParams);
        const wanted =
          body.tier_ids && body.tier_ids.length > 0 ? body.tier_ids : ctx.tiers.map((t) => t.tier_id);
        const tierInfos: Record<string, TierInfo> = {};
        for (const id of wanted) {
          const tier = ctx.tiers.find((t) => t.tier_id === id);
          if (!tier) throw tierInvalid(id);
          tierInfos[id] = { ...tier };
        }
        return v2Ok<TierInfosResult>(c, { tier_infos: tierInfos });
      },
    },
    {
      ...base,
      method: 'post',
      path: '/v2/minis/trade_order/create/',
      summary: 'Create a trade order for TTMinis.pay (order_info.order_id unique per app)',
      request: { json: createOrderBody },
      responses: {
        200: {
          description: 'trade_order_id; 20021002 when order_id already exists',
          schema: createOrderResponse,
        },
        ...errors,
      },
      handler: async (c) => {
        const body = await readJson(c, createOrderBody, MINIS_CODES.invalidParams);
        const info = body.order_info;
        const order = await orders.create(c.get('userToken'), {
          tokenAmount: body.token_amount,
          orderId: info.order_id,
          productName: info.product_name,
          productId: info.product_id,
          orderUrl: info.order_url,
          quantity: info.quantity,
          quantityUnit: info.quantity_unit,
          imageUrl: info.image_url ?? info.iamge_url,
        });
        return v2Ok<TradeOrderCreated>(c, { trade_order_id: order.tradeOrderId });
      },
    },
    {
      ...base,
      method: 'post',
      path: '/v2/minis/trade_order/query/',
      summary: 'Status of a trade order of this app and user: PENDING or SUCCESS',
      request: { json: queryOrderBody },
      responses: {
        200: {
          description: 'The status; 20011002 when the order does not exist',
          schema: queryOrderResponse,
        },
        ...errors,
      },
      handler: async (c) => {
        const body = await readJson(c, queryOrderBody, MINIS_CODES.invalidParams);
        const order = await orders.queryFor(c.get('userToken'), body.trade_order_id);
        return v2Ok<TradeOrderQueryResult>(c, {
          trade_order_id: order.tradeOrderId,
          trade_order_status: order.status,
        });
      },
    },
    {
      ...base,
      method: 'post',
      path: '/v2/minis/utility/check_redeem_amounts/',
      summary: 'Whether every amount complies with the pricing policy (integer Beans 1–40000)',
      request: { json: checkRedeemBody },
      responses: { 200: { description: 'valid', schema: checkRedeemResponse }, ...errors },
      handler: async (c) => {
        const body = await readJson(c, checkRedeemBody, MINIS_CODES.invalidParams);
        return v2Ok<CheckRedeemAmountsResult>(c, { valid: body.token_amounts.every(isValidRedeemAmount) });
      },
    },
  ];
}
