import { EVENTS, envelopeOpenId } from '../webhooks/envelope';
import { enqueueWebhook, nudgeDispatchers } from '../webhooks/outbox';
import { accounts } from './accounts';
import type { PaymentsContext } from './context';
import { type CashierError, CashierFailure, cashierError } from './errors';
import { InsufficientBeansError } from './ledger';
import { type TradeOrder, toTradeOrder } from './orders';
import type { MoneyTrx } from './tables';
import { topUpFor } from './tiers';
import { TradeOrders } from './trade-orders';
import { inTransaction } from './transactions';

export interface PayResult {
  is_success: boolean;
  trade_order_id: string;
  error?: CashierError;
  /** Emulator extras: the wallet after paying and the automatic top-up, if any. */
  balance?: number;
  recharged?: { tier_id: string; token_amount: number; count: number } | null;
  is_sandbox?: boolean;
}

export interface PayOptions {
  /** The paying user (the order's user); absent = whoever the order belongs to. */
  userId?: string;
  /** The app the host is showing (from its client_key); another app's order is "not found". */
  appId?: string;
  /** Recharge-and-pay combined (default): top up when the balance is short. */
  autoRecharge?: boolean;
}

/**
 * The cashier TTMinis.pay opens (spec §5.5, §5.7): pays a trade order at most once, with
 * an automatic top-up, the ledger movements, the order's state change and the
 * `redeem.success` webhook all in one DB transaction.
 */
export class Cashier {
  readonly orders: TradeOrders;

  constructor(private readonly ctx: PaymentsContext) {
    this.orders = new TradeOrders(ctx);
  }

  async pay(tradeOrderId: string, options: PayOptions = {}): Promise<PayResult> {
    const fail = (error: CashierError): PayResult => ({
      is_success: false,
      trade_order_id: tradeOrderId,
      error,
    });
    const order = await this.orders.get(tradeOrderId);
    const foreign =
      (options.userId !== undefined && order?.userId !== options.userId) ||
      (options.appId !== undefined && order?.appId !== options.appId);
    if (!order || foreign) {
      return fail(
        cashierError('order_not_found', `trade order ${tradeOrderId} does not exist for this user`),
      );
    }
    if (order.status !== 'PENDING') return fail(alreadyPaid(tradeOrderId));
    const fault = await this.ctx.faults.consume(order.appId, order.userId);
    if (fault === 'cancel') return fail(cashierError('user_cancel', 'the user closed the cashier'));
    if (fault === 'fail') return fail(cashierError('injected_failure', 'payment failed (injected fault)'));
    if (fault === 'timeout') return fail(cashierError('timeout', 'payment timed out (injected fault)'));
    try {
      const result = await inTransaction(this.ctx.db, this.ctx.deps.engine, (trx) =>
        this.payIn(trx, tradeOrderId, options.autoRecharge ?? true),
      );
      nudgeDispatchers(this.ctx.deps);
      return result;
    } catch (error) {
      if (error instanceof CashierFailure) return fail(error.error);
      throw error;
    }
  }

  private async payIn(trx: MoneyTrx, tradeOrderId: string, autoRecharge: boolean): Promise<PayResult> {
    const order = await this.lockOrder(trx, tradeOrderId);
    if (order.status !== 'PENDING') throw new CashierFailure(alreadyPaid(tradeOrderId));
    const sandbox = order.isSandbox || (await this.orders.appSandbox(order.appId, trx));
    const { ledger } = this.ctx;
    let recharged: PayResult['recharged'] = null;
    if (!sandbox) {
      const balance = await ledger.walletBalance(trx, order.userId, true);
      if (balance < order.tokenAmount) {
        const shortfall = order.tokenAmount - balance;
        if (!autoRecharge) {
          throw new CashierFailure(
            cashierError(
              'insufficient_balance',
              `the balance (${balance}) is below ${order.tokenAmount} Beans`,
              {
                balance,
                shortfall,
              },
            ),
          );
        }
        const { tier, count } = topUpFor(this.ctx.tiers, shortfall);
        const amount = tier.token_amount * count;
        await ledger.post(trx, {
          key: `recharge:pay:${tradeOrderId}`,
          kind: 'recharge',
          reference: tier.tier_id,
          entries: [
            { account: accounts.wallet(order.userId), amount },
            { account: accounts.rechargeSource, amount: -amount },
          ],
        });
        recharged = { tier_id: tier.tier_id, token_amount: tier.token_amount, count };
      }
      try {
        await ledger.post(trx, {
          key: `spend:${tradeOrderId}`,
          kind: 'spend',
          reference: tradeOrderId,
          entries: [
            { account: accounts.wallet(order.userId), amount: -order.tokenAmount },
            { account: accounts.merchant(order.appId), amount: order.tokenAmount },
          ],
        });
      } catch (error) {
        if (error instanceof InsufficientBeansError) {
          throw new CashierFailure(cashierError('insufficient_balance', error.message));
        }
        throw error;
      }
    }
    const now = this.ctx.deps.clock.now();
    const updated = await trx
      .updateTable('trade_orders')
      .set({ status: 'SUCCESS', paid_at: now, is_sandbox: sandbox ? 1 : 0 })
      .where('trade_order_id', '=', tradeOrderId)
      .where('status', '=', 'PENDING')
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new CashierFailure(alreadyPaid(tradeOrderId));
    await enqueueWebhook(trx, {
      appId: order.appId,
      clientKey: await this.clientKey(trx, order.appId),
      event: EVENTS.redeemSuccess,
      createdAtMs: now,
      userOpenId: envelopeOpenId(this.ctx.deps.config, order.openId),
      reference: tradeOrderId,
      content: { trade_order_id: tradeOrderId, order_id: order.orderId, is_sandbox: sandbox },
    });
    return {
      is_success: true,
      trade_order_id: tradeOrderId,
      balance: await this.ctx.ledger.walletBalance(trx, order.userId),
      recharged,
      is_sandbox: sandbox,
    };
  }

  /** Reads the order, locking its row on PostgreSQL so concurrent pays of it serialise. */
  async lockOrder(trx: MoneyTrx, tradeOrderId: string): Promise<TradeOrder> {
    let query = trx.selectFrom('trade_orders').selectAll().where('trade_order_id', '=', tradeOrderId);
    if (this.ctx.deps.engine === 'postgres') query = query.forUpdate();
    return toTradeOrder(await query.executeTakeFirstOrThrow());
  }

  async clientKey(trx: MoneyTrx, appId: string): Promise<string> {
    const app = await trx
      .selectFrom('apps')
      .select('client_key')
      .where('id', '=', appId)
      .executeTakeFirstOrThrow();
    return app.client_key;
  }
}

const alreadyPaid = (tradeOrderId: string) =>
  cashierError('order_already_paid', `trade order ${tradeOrderId} has already been paid; create a new one`);
