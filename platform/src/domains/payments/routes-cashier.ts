import { z } from 'zod';
import type { PlatformDeps } from '../../deps';
import { ApiError } from '../../http/api-error';
import { readJson } from '../../http/json-body';
import type { RouteDef } from '../../http/route-table';
import { AppsService } from '../apps';
import { controlRoute } from '../emulator/control-route';
import { Cashier } from './cashier';
import { paymentsContext } from './context';
import { cashierError } from './errors';
import { Wallets } from './wallets';

const id = z.string().min(1).max(128);
const cashierErrorSchema = z.object({
  error_code: z.number().int(),
  error_msg: z.string(),
  error_extra: z.record(z.string(), z.unknown()),
});
const payBody = z
  .object({ client_key: id, user_id: id, trade_order_id: id, auto_recharge: z.boolean().optional() })
  .strict()
  .meta({ id: 'CashierPay' });
const payResult = z
  .object({
    is_success: z.boolean(),
    trade_order_id: z.string(),
    error: cashierErrorSchema.optional(),
    balance: z.number().int().optional(),
    recharged: z
      .object({ tier_id: z.string(), token_amount: z.number(), count: z.number() })
      .nullable()
      .optional(),
    is_sandbox: z.boolean().optional(),
  })
  .meta({ id: 'CashierPayResult' });
const rechargeBody = z
  .object({ client_key: id.optional(), user_id: id, tier_id: id, idempotency_key: id.optional() })
  .strict()
  .meta({ id: 'CashierRecharge' });
const checkBalanceBody = z
  .object({
    user_id: id,
    type: z.literal('BEANS').optional(),
    amount: z.number().int().nonnegative().max(1e12),
  })
  .strict()
  .meta({ id: 'CashierCheckBalance' });

/**
 * Host-facing cashier (what TTMinis.pay / recharge / checkBalance / openBalance call on
 * behalf of the signed-in user). Results mirror the SDK's shapes so the host passes them
 * through; failures are `is_success: false` with `{error_code, error_msg, error_extra}`.
 */
export function cashierRoutes(deps: PlatformDeps): RouteDef[] {
  const ctx = paymentsContext(deps);
  const cashier = new Cashier(ctx);
  const wallets = new Wallets(ctx);
  const apps = new AppsService(deps);
  const route = (r: Omit<RouteDef, 'tags' | 'auth' | 'middleware'>) => ({
    ...controlRoute(deps, r),
    tags: ['Cashier'],
  });
  return [
    route({
      method: 'post',
      path: '/emulator/v1/cashier/pay',
      summary: 'TTMinis.pay: pay a trade order (tops up to the smallest covering tier when short)',
      request: { json: payBody },
      responses: { 200: { description: 'SDK pay result', schema: payResult } },
      handler: async (c) => {
        const body = await readJson(c, payBody);
        const app = await apps.getByClientKey(body.client_key);
        if (!app) {
          return c.json({
            is_success: false,
            trade_order_id: body.trade_order_id,
            error: cashierError('invalid_params', `client_key ${JSON.stringify(body.client_key)} is unknown`),
          });
        }
        return c.json(
          await cashier.pay(body.trade_order_id, {
            userId: body.user_id,
            appId: app.id,
            autoRecharge: body.auto_recharge,
          }),
        );
      },
    }),
    route({
      method: 'post',
      path: '/emulator/v1/cashier/recharge',
      summary: 'TTMinis.recharge (deprecated API): buy one tier of Beans',
      request: { json: rechargeBody },
      responses: {
        200: { description: 'SDK recharge result {is_success, tier_id, trade_order_id, balance}' },
      },
      handler: async (c) => {
        const body = await readJson(c, rechargeBody);
        return c.json(await wallets.recharge(body.user_id, body.tier_id, body.idempotency_key));
      },
    }),
    route({
      method: 'get',
      path: '/emulator/v1/cashier/balance',
      summary: "The user's Beans balance (TTMinis.openBalance page)",
      request: { query: z.object({ user_id: id }) },
      responses: {
        200: {
          description: 'Balance',
          schema: z.object({
            is_success: z.literal(true),
            type: z.literal('BEANS'),
            balance: z.number().int(),
          }),
        },
      },
      handler: async (c) => {
        const userId = c.req.query('user_id');
        if (!userId)
          throw new ApiError(400, 'invalid_request', 'user_id: required query parameter, found nothing');
        return c.json({ is_success: true, type: 'BEANS', balance: await wallets.balance(userId) });
      },
    }),
    route({
      method: 'post',
      path: '/emulator/v1/cashier/check_balance',
      summary: 'TTMinis.checkBalance (deprecated API): is the balance at least amount?',
      request: { json: checkBalanceBody },
      responses: {
        200: {
          description: 'is_sufficient',
          schema: z.object({ is_sufficient: z.boolean(), balance: z.number() }),
        },
      },
      handler: async (c) => {
        const body = await readJson(c, checkBalanceBody);
        const balance = await wallets.balance(body.user_id);
        return c.json({ is_sufficient: balance >= body.amount, balance });
      },
    }),
  ];
}
