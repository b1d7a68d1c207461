import { ApiError } from '../../http/api-error';
import { EVENTS, envelopeOpenId } from '../webhooks/envelope';
import { enqueueWebhook, nudgeDispatchers } from '../webhooks/outbox';
import { accounts } from './accounts';
import { Cashier } from './cashier';
import type { PaymentsContext } from './context';
import type { TradeOrder } from './orders';
import { inTransaction } from './transactions';

export interface RefundResult {
  order: TradeOrder;
  /** False when the idempotency key had already been used: nothing moved, no new webhook. */
  created: boolean;
}

/**
 * A store refund (spec §6.5 "Not available as server APIs", §7.4 refund_traceback): the
 * user got their money back from the app store and TikTok recovers `refund_amount` Beans
 * from the developer. Ledger: merchant:<app> → system:refund_recovery. User wallets do not
 * change. At most the order's amount is recovered in total. Sandbox orders move nothing
 * but still send the webhook with `is_sandbox: true`.
 */
export class Refunds {
  private readonly cashier: Cashier;

  constructor(private readonly ctx: PaymentsContext) {
    this.cashier = new Cashier(ctx);
  }

  async refund(tradeOrderId: string, refundAmount: number, idempotencyKey?: string): Promise<RefundResult> {
    await this.cashier.orders.require(tradeOrderId);
    const key = `refund:${tradeOrderId}:${idempotencyKey ?? crypto.randomUUID()}`;
    const result = await inTransaction(this.ctx.db, this.ctx.deps.engine, async (trx) => {
      const order = await this.cashier.lockOrder(trx, tradeOrderId);
      const seen = await trx
        .selectFrom('ledger_transactions')
        .select('id')
        .where('idempotency_key', '=', key)
        .executeTakeFirst();
      if (seen) return { order, created: false };
      if (order.status !== 'SUCCESS') {
        throw new ApiError(
          409,
          'order_not_paid',
          `trade order ${tradeOrderId} is ${order.status}; only paid orders can be refunded`,
        );
      }
      const left = order.tokenAmount - order.refundedAmount;
      if (refundAmount > left) {
        throw new ApiError(
          400,
          'invalid_request',
          `refund_amount: at most ${left} Beans are left to recover on ${tradeOrderId}, found ${refundAmount}`,
        );
      }
      // Sandbox orders moved no Beans; a zero-amount marker movement keeps the key idempotent.
      await this.ctx.ledger.post(trx, {
        key,
        kind: 'refund_recovery',
        reference: tradeOrderId,
        entries: order.isSandbox
          ? []
          : [
              { account: accounts.merchant(order.appId), amount: -refundAmount },
              { account: accounts.refundRecovery, amount: refundAmount },
            ],
      });
      await trx
        .updateTable('trade_orders')
        .set({ refunded_amount: order.refundedAmount + refundAmount })
        .where('trade_order_id', '=', tradeOrderId)
        .execute();
      await enqueueWebhook(trx, {
        appId: order.appId,
        clientKey: await this.cashier.clientKey(trx, order.appId),
        event: EVENTS.refundTraceback,
        createdAtMs: this.ctx.deps.clock.now(),
        userOpenId: envelopeOpenId(this.ctx.deps.config, order.openId),
        reference: tradeOrderId,
        content: {
          trade_order_id: tradeOrderId,
          order_id: order.orderId,
          is_sandbox: order.isSandbox,
          refund_amount: refundAmount,
        },
      });
      return { order: { ...order, refundedAmount: order.refundedAmount + refundAmount }, created: true };
    });
    if (result.created) nudgeDispatchers(this.ctx.deps);
    return result;
  }
}
