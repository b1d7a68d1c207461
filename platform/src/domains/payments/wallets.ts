import type { TierInfo } from '@openminis/protocol';
import { ApiError } from '../../http/api-error';
import { accounts } from './accounts';
import type { PaymentsContext } from './context';
import { type CashierError, cashierError } from './errors';
import { IdempotencyConflictError, InsufficientBeansError } from './ledger';
import { inTransaction } from './transactions';

export interface RechargeResult {
  is_success: boolean;
  tier_id: string;
  /** The recharge's ledger transaction id (the SDK's result names it trade_order_id). */
  trade_order_id?: string;
  balance?: number;
  error?: CashierError;
}

/** Wallet operations: recharge by tier (TTMinis.recharge), grants and set-balance (control API). */
export class Wallets {
  constructor(private readonly ctx: PaymentsContext) {}

  balance(userId: string): Promise<number> {
    return this.ctx.ledger.walletBalance(this.ctx.db, userId);
  }

  tier(tierId: string): TierInfo | undefined {
    return this.ctx.tiers.find((t) => t.tier_id === tierId);
  }

  async recharge(userId: string, tierId: string, idempotencyKey?: string): Promise<RechargeResult> {
    const tier = this.tier(tierId);
    if (!tier) {
      return {
        is_success: false,
        tier_id: tierId,
        error: cashierError(
          'tier_not_found',
          `tier_id ${JSON.stringify(tierId.slice(0, 80))} is not in the catalogue`,
        ),
      };
    }
    await this.requireUser(userId);
    const posted = await inTransaction(this.ctx.db, this.ctx.deps.engine, (trx) =>
      this.ctx.ledger.post(trx, {
        key: idempotencyKey ? `recharge:${userId}:${idempotencyKey}` : `recharge:${crypto.randomUUID()}`,
        kind: 'recharge',
        reference: tier.tier_id,
        entries: [
          { account: accounts.wallet(userId), amount: tier.token_amount },
          { account: accounts.rechargeSource, amount: -tier.token_amount },
        ],
      }),
    );
    return {
      is_success: true,
      tier_id: tierId,
      trade_order_id: posted.transactionId,
      balance: await this.balance(userId),
    };
  }

  /** Adds (or, negative, takes away) Beans; never below zero. */
  async grant(userId: string, amount: number, idempotencyKey?: string): Promise<number> {
    await this.requireUser(userId);
    if (amount === 0) return this.balance(userId);
    await this.move(userId, amount, 'grant', idempotencyKey);
    return this.balance(userId);
  }

  /** Sets the balance to `target` with one grant-like movement of the difference. */
  async set(userId: string, target: number, idempotencyKey?: string): Promise<number> {
    await this.requireUser(userId);
    await inTransaction(this.ctx.db, this.ctx.deps.engine, async (trx) => {
      const current = await this.ctx.ledger.walletBalance(trx, userId, true);
      const delta = target - current;
      if (delta === 0) return;
      await this.ctx.ledger.post(trx, {
        key: `set:${userId}:${idempotencyKey ?? crypto.randomUUID()}`,
        kind: 'set',
        entries: [
          { account: accounts.wallet(userId), amount: delta },
          { account: accounts.emulatorGrants, amount: -delta },
        ],
      });
    });
    return this.balance(userId);
  }

  private async move(userId: string, amount: number, kind: 'grant', key?: string): Promise<void> {
    try {
      await inTransaction(this.ctx.db, this.ctx.deps.engine, (trx) =>
        this.ctx.ledger.post(trx, {
          key: `${kind}:${userId}:${key ?? crypto.randomUUID()}`,
          kind,
          entries: [
            { account: accounts.wallet(userId), amount },
            { account: accounts.emulatorGrants, amount: -amount },
          ],
        }),
      );
    } catch (error) {
      if (error instanceof InsufficientBeansError) {
        throw new ApiError(409, 'insufficient_balance', `user ${userId} has fewer than ${-amount} Beans`);
      }
      if (error instanceof IdempotencyConflictError)
        throw new ApiError(409, 'idempotency_conflict', error.message);
      throw error;
    }
  }

  private async requireUser(userId: string): Promise<void> {
    const user = await this.ctx.db
      .selectFrom('users')
      .select('id')
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!user) throw new ApiError(404, 'not_found', `user ${userId} not found`);
  }
}
