import fc from 'fast-check';
import { expect, it } from 'vitest';
import { ApiError } from '../../http/api-error';
import { describeEachEngine, testClient } from '../../testing';
import type { UserTokenInfo } from '../oauth/access';
import { accounts } from './accounts';
import { Cashier } from './cashier';
import { paymentsContext } from './context';
import { Refunds } from './refunds';
import { Wallets } from './wallets';

/**
 * Money is never created or lost: random concurrent recharges, pays (many of them double
 * pays of the same order), grants/take-aways and refunds, run as one Promise.all batch per
 * fast-check run, on SQLite and on PostgreSQL (a pool of 10 connections). After each run:
 *   Σ wallets            = recharges + grants − spends
 *   Σ merchant accounts  = spends − recoveries
 *   refund_recovery      = recoveries,  recharge_source = −recharges
 * (so Σ wallets + Σ merchants = recharges + grants − recoveries), the journal balances,
 * wallet caches equal the journal, and no order is paid twice.
 * MONEY_PROPERTY_RUNS scales it (default 25 runs of 4–30 operations, ≈ 400 per engine).
 */
const RUNS = Number(process.env.MONEY_PROPERTY_RUNS ?? 25);
const USERS = 4;
const ORDERS_PER_RUN = 6;
const TIER_IDS = ['1731381720000010', '1731381720000100', '1731381720001000', '1731381720005000'];

type Op =
  | { t: 'pay'; order: number; autoRecharge: boolean }
  | { t: 'recharge'; user: number; tier: number }
  | { t: 'grant'; user: number; amount: number }
  | { t: 'refund'; order: number; amount: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      t: fc.constant('pay' as const),
      order: fc.nat(ORDERS_PER_RUN - 1),
      autoRecharge: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('recharge' as const),
      user: fc.nat(USERS - 1),
      tier: fc.nat(TIER_IDS.length - 1),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('grant' as const),
      user: fc.nat(USERS - 1),
      amount: fc.integer({ min: -3000, max: 3000 }).filter((n) => n !== 0),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('refund' as const),
      order: fc.nat(ORDERS_PER_RUN - 1),
      amount: fc.integer({ min: 1, max: 400 }),
    }),
  },
);

const runArb = fc.record({
  orders: fc.array(
    fc.record({ user: fc.nat(USERS - 1), app: fc.nat(1), amount: fc.integer({ min: 1, max: 12_000 }) }),
    { minLength: ORDERS_PER_RUN, maxLength: ORDERS_PER_RUN },
  ),
  ops: fc.array(opArb, { minLength: 4, maxLength: 30, size: 'max' }),
});

describeEachEngine('money conservation (property)', (ctx) => {
  it('keeps every Bean accounted for under concurrent operations', async () => {
    const deps = ctx.platform.deps;
    const pctx = paymentsContext(deps);
    const cashier = new Cashier(pctx);
    const wallets = new Wallets(pctx);
    const refunds = new Refunds(pctx);
    const t = testClient(ctx.platform);
    const apps = [await t.createApp(), await t.createApp()];
    // The second app is in sandbox mode: its orders pay without moving Beans.
    await cashier.orders.setAppSandbox(apps[1]?.app_id as string, true);
    const users = await Promise.all(Array.from({ length: USERS }, () => t.createUser()));
    const token = (app: number, user: number) =>
      ({ appId: apps[app]?.app_id, userId: users[user]?.user_id, openId: `open-${user}` }) as UserTokenInfo;
    const totals = { recharges: 0, grants: 0, spends: 0, recoveries: 0 };
    const paidCount = new Map<string, number>();
    let seq = 0;

    await fc.assert(
      fc.asyncProperty(runArb, async ({ orders, ops }) => {
        const created = await Promise.all(
          orders.map((o) =>
            cashier.orders.create(token(o.app, o.user), {
              tokenAmount: o.amount,
              orderId: `p-${seq++}`,
              productName: 'x',
            }),
          ),
        );
        await Promise.all(
          ops.map(async (op) => {
            if (op.t === 'pay') {
              const order = created[op.order];
              if (!order) return;
              const r = await cashier.pay(order.tradeOrderId, { autoRecharge: op.autoRecharge });
              if (!r.is_success) return;
              paidCount.set(order.tradeOrderId, (paidCount.get(order.tradeOrderId) ?? 0) + 1);
              if (!r.is_sandbox) totals.spends += order.tokenAmount;
              if (r.recharged) totals.recharges += r.recharged.token_amount * r.recharged.count;
            } else if (op.t === 'recharge') {
              const r = await wallets.recharge(
                users[op.user]?.user_id as string,
                TIER_IDS[op.tier] as string,
              );
              const tier = wallets.tier(r.tier_id);
              if (r.is_success && tier) totals.recharges += tier.token_amount;
            } else if (op.t === 'grant') {
              try {
                await wallets.grant(users[op.user]?.user_id as string, op.amount);
                totals.grants += op.amount;
              } catch (error) {
                if (!(error instanceof ApiError && error.code === 'insufficient_balance')) throw error;
              }
            } else {
              const order = created[op.order];
              if (!order) return;
              try {
                const r = await refunds.refund(order.tradeOrderId, op.amount);
                if (r.created && !r.order.isSandbox) totals.recoveries += op.amount;
              } catch (error) {
                if (!(error instanceof ApiError && (error.status === 409 || error.status === 400)))
                  throw error;
              }
            }
          }),
        );
        await expectBalanced();
      }),
      // State accumulates across runs, so shrinking would replay on a changed ledger: report the first failure as is.
      { numRuns: RUNS, endOnFailure: true },
    );

    async function expectBalanced(): Promise<void> {
      const db = pctx.db;
      const report = await pctx.ledger.check(db);
      expect(report.problems).toEqual([]);
      expect(report.walletTotal).toBe(totals.recharges + totals.grants - totals.spends);
      let merchants = 0;
      for (const app of apps)
        merchants += await pctx.ledger.derivedBalance(db, accounts.merchant(app.app_id));
      expect(merchants).toBe(totals.spends - totals.recoveries);
      expect(await pctx.ledger.derivedBalance(db, accounts.refundRecovery)).toBe(totals.recoveries);
      expect(await pctx.ledger.derivedBalance(db, accounts.rechargeSource)).toBe(0 - totals.recharges + 0);
      expect([...paidCount.values()].every((n) => n === 1)).toBe(true);
      const spentTwice = await db
        .selectFrom('ledger_transactions')
        .select('reference')
        .where('kind', '=', 'spend')
        .groupBy('reference')
        .having((eb) => eb.fn.countAll(), '>', 1)
        .execute();
      expect(spentTwice).toEqual([]);
      const paid = await db
        .selectFrom('trade_orders')
        .select('trade_order_id')
        .where('status', '=', 'SUCCESS')
        .execute();
      expect(new Set(paid.map((r) => r.trade_order_id))).toEqual(new Set(paidCount.keys()));
      const overRefunded = await db
        .selectFrom('trade_orders')
        .select('trade_order_id')
        .whereRef('refunded_amount', '>', 'token_amount')
        .execute();
      expect(overRefunded).toEqual([]);
    }
  }, 600_000);
});
