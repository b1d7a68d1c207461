import { randomString } from '../../crypto';
import type { MoneyDb, PaymentFault, PaymentFaultsTable } from './tables';

let lastStamp = 0;

/**
 * `flt_` + 20 lowercase alphanumerics, like every prefixed id, but the first 10 are a
 * per-process increasing stamp (real µs), so faults added within the same emulated
 * millisecond are still consumed in the order they were added (they sort by
 * `created_at`, then id). A random id made that order a coin toss once adding a fault took
 * under a millisecond.
 */
function newFaultId(): string {
  lastStamp = Math.max(Date.now() * 1000, lastStamp + 1);
  return `flt_${lastStamp.toString(36).padStart(10, '0')}${randomString(10, '0123456789abcdefghijklmnopqrstuvwxyz')}`;
}

export interface FaultInput {
  fault: PaymentFault;
  appId?: string | null;
  userId?: string | null;
  /** How many next pays it affects; default 1. */
  count?: number;
}

/**
 * Fault injection for the cashier (control API): the next pay of a user and/or app fails,
 * is cancelled by the user, or times out. Kept in the database so every process sees it
 * and a reset clears it. Consumed outside the payment transaction: a failed pay still
 * uses up its fault.
 */
export class PaymentFaults {
  constructor(
    private readonly db: MoneyDb,
    private readonly now: () => number,
  ) {}

  async add(input: FaultInput): Promise<PaymentFaultsTable> {
    const row: PaymentFaultsTable = {
      id: newFaultId(),
      app_id: input.appId ?? null,
      user_id: input.userId ?? null,
      fault: input.fault,
      remaining: input.count ?? 1,
      created_at: this.now(),
    };
    await this.db.insertInto('payment_faults').values(row).execute();
    return row;
  }

  list(): Promise<PaymentFaultsTable[]> {
    return this.db.selectFrom('payment_faults').selectAll().orderBy('created_at').orderBy('id').execute();
  }

  async clear(): Promise<void> {
    await this.db.deleteFrom('payment_faults').execute();
  }

  /** Takes one use of the oldest fault matching this pay, if any. */
  async consume(appId: string, userId: string): Promise<PaymentFault | undefined> {
    for (let tries = 0; tries < 5; tries++) {
      const candidate = await this.db
        .selectFrom('payment_faults')
        .select(['id', 'fault'])
        .where('remaining', '>', 0)
        .where((eb) => eb.or([eb('app_id', 'is', null), eb('app_id', '=', appId)]))
        .where((eb) => eb.or([eb('user_id', 'is', null), eb('user_id', '=', userId)]))
        .orderBy('created_at')
        .orderBy('id')
        .executeTakeFirst();
      if (!candidate) return undefined;
      const taken = await this.db
        .updateTable('payment_faults')
        .set((eb) => ({ remaining: eb('remaining', '-', 1) }))
        .where('id', '=', candidate.id)
        .where('remaining', '>', 0)
        .executeTakeFirst();
      await this.db.deleteFrom('payment_faults').where('remaining', '<=', 0).execute();
      if (taken.numUpdatedRows > 0n) return candidate.fault;
    }
    return undefined;
  }
}
