import { z } from 'zod';
import type { PlatformDeps } from '../../deps';
import { readJson } from '../../http/json-body';
import type { RouteDef } from '../../http/route-table';
import { controlRoute } from '../emulator/control-route';
import { Cashier } from './cashier';
import { paymentsContext } from './context';
import { presentOrder } from './orders';
import { Refunds } from './refunds';
import { Wallets } from './wallets';

const id = z.string().min(1).max(128);
const beansAmount = z.number().int().min(-1e12).max(1e12);
const beansBody = z
  .union([
    z.object({ amount: beansAmount, idempotency_key: id.optional() }).strict(),
    z.object({ balance: z.number().int().nonnegative().max(1e12), idempotency_key: id.optional() }).strict(),
    // Aliases: {grant: n} = {amount: n}, {set: n} = {balance: n}.
    z.object({ grant: beansAmount, idempotency_key: id.optional() }).strict(),
    z.object({ set: z.number().int().nonnegative().max(1e12), idempotency_key: id.optional() }).strict(),
  ])
  .meta({
    id: 'EmulatorBeans',
    description: '{amount} (alias {grant}) grants, negative takes away; {balance} (alias {set}) sets',
  });
const refundBody = z
  .object({ refund_amount: z.number().int().positive().max(1e12), idempotency_key: id.optional() })
  .strict()
  .meta({ id: 'EmulatorRefund' });
const payBody = z.object({ auto_recharge: z.boolean().optional() }).strict().meta({ id: 'EmulatorPay' });
const faultBody = z
  .object({
    fault: z.enum(['fail', 'cancel', 'timeout']),
    app_id: id.optional(),
    user_id: id.optional(),
    count: z.number().int().positive().max(1000).optional(),
  })
  .strict()
  .meta({ id: 'EmulatorPaymentFault' });
const sandboxBody = z.object({ sandbox: z.boolean() }).strict().meta({ id: 'EmulatorPaymentSettings' });

/** Control API of the Beans economy: balances, what the user does in the cashier, store refunds, faults. */
export function paymentControlRoutes(deps: PlatformDeps): RouteDef[] {
  const ctx = paymentsContext(deps);
  const cashier = new Cashier(ctx);
  const wallets = new Wallets(ctx);
  const refunds = new Refunds(ctx);
  const balanceOf = async (userId: string) => ({ user_id: userId, balance: await wallets.balance(userId) });
  return [
    controlRoute(deps, {
      method: 'get',
      path: '/emulator/v1/tiers',
      summary: 'The Beans recharge tier catalogue',
      responses: { 200: { description: '{tiers: [...]} by token_amount' } },
      handler: (c) => c.json({ tiers: ctx.tiers }),
    }),
    controlRoute(deps, {
      method: 'get',
      path: '/emulator/v1/users/{user_id}/beans',
      summary: "A user's Beans balance (one wallet across all apps)",
      responses: { 200: { description: '{user_id, balance}' } },
      handler: async (c) => c.json(await balanceOf(c.req.param('user_id') as string)),
    }),
    controlRoute(deps, {
      method: 'post',
      path: '/emulator/v1/users/{user_id}/beans',
      summary: 'Grant ({amount}, negative takes away, never below 0) or set ({balance}) Beans',
      request: { json: beansBody },
      responses: { 200: { description: '{user_id, balance}' }, 409: { description: 'insufficient_balance' } },
      handler: async (c) => {
        const userId = c.req.param('user_id') as string;
        const body = await readJson(c, beansBody);
        if ('amount' in body) await wallets.grant(userId, body.amount, body.idempotency_key);
        else if ('grant' in body) await wallets.grant(userId, body.grant, body.idempotency_key);
        else if ('set' in body) await wallets.set(userId, body.set, body.idempotency_key);
        else await wallets.set(userId, body.balance, body.idempotency_key);
        return c.json(await balanceOf(userId));
      },
    }),
    controlRoute(deps, {
      method: 'get',
      path: '/emulator/v1/trade_orders',
      summary: 'Trade orders, newest first (?app_id=&user_id=)',
      responses: { 200: { description: '{trade_orders: [...]}' } },
      handler: async (c) => {
        const list = await cashier.orders.list({
          appId: c.req.query('app_id'),
          userId: c.req.query('user_id'),
        });
        return c.json({ trade_orders: list.map(presentOrder) });
      },
    }),
    controlRoute(deps, {
      method: 'get',
      path: '/emulator/v1/trade_orders/{trade_order_id}',
      summary: 'A trade order with its internal state (refunded_amount, is_sandbox, paid_at)',
      responses: { 200: { description: 'The order' } },
      handler: async (c) =>
        c.json(presentOrder(await cashier.orders.require(c.req.param('trade_order_id') as string))),
    }),
    controlRoute(deps, {
      method: 'post',
      path: '/emulator/v1/trade_orders/{trade_order_id}/pay',
      summary:
        "What the order's user does in the cashier: pay (with automatic top-up unless auto_recharge=false)",
      request: { json: payBody },
      responses: { 200: { description: 'SDK pay result (is_success, error)' } },
      handler: async (c) => {
        const tradeOrderId = c.req.param('trade_order_id') as string;
        const body = await readJson(c, payBody);
        await cashier.orders.require(tradeOrderId);
        return c.json(await cashier.pay(tradeOrderId, { autoRecharge: body.auto_recharge }));
      },
    }),
    controlRoute(deps, {
      method: 'post',
      path: '/emulator/v1/trade_orders/{trade_order_id}/refund',
      summary: 'A store refund: recover refund_amount Beans from the developer and send refund_traceback',
      request: { json: refundBody },
      responses: {
        200: { description: 'The order after the refund' },
        409: { description: 'order_not_paid' },
      },
      handler: async (c) => {
        const body = await readJson(c, refundBody);
        const result = await refunds.refund(
          c.req.param('trade_order_id') as string,
          body.refund_amount,
          body.idempotency_key,
        );
        return c.json({ ...presentOrder(result.order), duplicate: !result.created });
      },
    }),
    controlRoute(deps, {
      method: 'post',
      path: '/emulator/v1/payments/faults',
      summary: 'Make the next pay(s) of a user and/or app fail, be cancelled or time out',
      request: { json: faultBody },
      responses: { 201: { description: 'The fault' } },
      handler: async (c) => {
        const body = await readJson(c, faultBody);
        const fault = await ctx.faults.add({
          fault: body.fault,
          appId: body.app_id,
          userId: body.user_id,
          count: body.count,
        });
        return c.json(fault, 201);
      },
    }),
    controlRoute(deps, {
      method: 'get',
      path: '/emulator/v1/payments/faults',
      summary: 'Pending injected faults',
      responses: { 200: { description: '{faults: [...]}' } },
      handler: async (c) => c.json({ faults: await ctx.faults.list() }),
    }),
    controlRoute(deps, {
      method: 'delete',
      path: '/emulator/v1/payments/faults',
      summary: 'Remove every injected fault',
      responses: { 200: { description: 'Cleared' } },
      handler: async (c) => {
        await ctx.faults.clear();
        return c.json({ ok: true });
      },
    }),
    controlRoute(deps, {
      method: 'put',
      path: '/emulator/v1/apps/{app_id}/payments',
      summary: 'Sandbox mode (spec §8.4): orders pay without deducting Beans; webhooks say is_sandbox',
      request: { json: sandboxBody },
      responses: { 200: { description: '{app_id, sandbox}' } },
      handler: async (c) => {
        const appId = c.req.param('app_id') as string;
        const body = await readJson(c, sandboxBody);
        await cashier.orders.setAppSandbox(appId, body.sandbox);
        return c.json({ app_id: appId, sandbox: body.sandbox });
      },
    }),
    controlRoute(deps, {
      method: 'get',
      path: '/emulator/v1/ledger/check',
      summary: 'Ledger consistency: movements sum to 0, wallet caches equal the journal, none negative',
      responses: { 200: { description: '{ok, problems}' }, 500: { description: 'inconsistent' } },
      handler: async (c) => {
        const report = await ctx.ledger.check(ctx.db);
        if (!report.ok) c.get('logger').error({ problems: report.problems }, 'ledger inconsistent');
        return c.json(report, report.ok ? 200 : 500);
      },
    }),
  ];
}
