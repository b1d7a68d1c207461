import { sql } from 'kysely';
import { newPrefixedId } from '../../crypto';
import type { Engine } from '../../storage';
import { accountKind, accounts } from './accounts';
import type { LedgerTransactionKind, MoneyDb, MoneyTrx } from './tables';

export interface LedgerEntryInput {
  account: string;
  /** Signed integer Beans; the entries of one movement sum to zero. */
  amount: number;
}

export interface MovementInput {
  /** Same key ⇒ same movement: a repeat returns the original transaction, never a second one. */
  key: string;
  kind: LedgerTransactionKind;
  reference?: string | null;
  entries: LedgerEntryInput[];
}

export interface PostedMovement {
  transactionId: string;
  /** False when the key had already been posted (nothing moved this time). */
  created: boolean;
}

/** A wallet would go below zero. Thrown inside the DB transaction, so everything rolls back. */
export class InsufficientBeansError extends Error {
  override name = 'InsufficientBeansError';
  constructor(
    readonly account: string,
    readonly needed: number,
  ) {
    super(`wallet ${account} has fewer than ${needed} Beans`);
  }
}

export class IdempotencyConflictError extends Error {
  override name = 'IdempotencyConflictError';
}

/**
 * Append-only double-entry journal in integer Beans. Wallets (the only accounts that must
 * never go negative) keep a cached balance updated in the same transaction by a
 * conditional UPDATE (`… WHERE balance >= ?`); other balances are derived from entries.
 * `check()` verifies the cache against the journal.
 */
export class Ledger {
  constructor(
    private readonly now: () => number,
    private readonly engine: Engine,
  ) {}

  async post(trx: MoneyTrx, movement: MovementInput): Promise<PostedMovement> {
    validate(movement);
    const now = this.now();
    const id = newPrefixedId('ltx');
    const inserted = await trx
      .insertInto('ledger_transactions')
      .values({
        id,
        idempotency_key: movement.key,
        kind: movement.kind,
        reference: movement.reference ?? null,
        created_at: now,
      })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      const existing = await trx
        .selectFrom('ledger_transactions')
        .select(['id', 'kind'])
        .where('idempotency_key', '=', movement.key)
        .executeTakeFirstOrThrow();
      if (existing.kind !== movement.kind) {
        throw new IdempotencyConflictError(
          `idempotency key ${movement.key} was already used for a ${existing.kind}, not a ${movement.kind}`,
        );
      }
      return { transactionId: existing.id, created: false };
    }
    if (movement.entries.length === 0) return { transactionId: id, created: true };
    const ids = [...new Set(movement.entries.map((e) => e.account))].sort();
    await trx
      .insertInto('ledger_accounts')
      .values(
        ids.map((account) => ({ id: account, kind: accountKind(account), balance: 0, created_at: now })),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    // Fixed lock order (sorted ids) so concurrent movements cannot deadlock on wallets.
    const byAccount = new Map<string, number>();
    for (const e of movement.entries) byAccount.set(e.account, (byAccount.get(e.account) ?? 0) + e.amount);
    for (const account of ids) {
      const delta = byAccount.get(account) ?? 0;
      if (accountKind(account) !== 'wallet' || delta === 0) continue;
      let update = trx
        .updateTable('ledger_accounts')
        .set({ balance: sql<number>`balance + ${delta}` })
        .where('id', '=', account);
      if (delta < 0) update = update.where('balance', '>=', -delta);
      const result = await update.executeTakeFirst();
      if (result.numUpdatedRows === 0n) throw new InsufficientBeansError(account, -delta);
    }
    await trx
      .insertInto('ledger_entries')
      .values(
        movement.entries.map((e) => ({
          id: newPrefixedId('len'),
          transaction_id: id,
          account_id: e.account,
          amount: e.amount,
          created_at: now,
        })),
      )
      .execute();
    return { transactionId: id, created: true };
  }

  /** A wallet's balance (0 for a user who never had Beans). */
  async walletBalance(db: MoneyDb | MoneyTrx, userId: string, lock = false): Promise<number> {
    let query = db.selectFrom('ledger_accounts').select('balance').where('id', '=', accounts.wallet(userId));
    if (lock && this.engine === 'postgres') query = query.forUpdate();
    const row = await query.executeTakeFirst();
    return Number(row?.balance ?? 0);
  }

  /** Any account's balance derived from the journal. */
  async derivedBalance(db: MoneyDb | MoneyTrx, account: string): Promise<number> {
    const row = await db
      .selectFrom('ledger_entries')
      .select((eb) => eb.fn.sum<string | number | null>('amount').as('total'))
      .where('account_id', '=', account)
      .executeTakeFirst();
    return Number(row?.total ?? 0);
  }

  /** Ledger invariants: every movement sums to zero; every wallet's cache equals its entries and is ≥ 0. */
  async check(db: MoneyDb): Promise<LedgerCheck> {
    const problems: string[] = [];
    const unbalanced = await db
      .selectFrom('ledger_entries')
      .select(['transaction_id', (eb) => eb.fn.sum<string | number>('amount').as('total')])
      .groupBy('transaction_id')
      .having((eb) => eb.fn.sum('amount'), '!=', 0)
      .execute();
    for (const row of unbalanced)
      problems.push(`transaction ${row.transaction_id} sums to ${Number(row.total)}`);
    const wallets = await db
      .selectFrom('ledger_accounts as a')
      .leftJoin('ledger_entries as e', 'e.account_id', 'a.id')
      .select(['a.id', 'a.balance', (eb) => eb.fn.sum<string | number | null>('e.amount').as('derived')])
      .where('a.kind', '=', 'wallet')
      .groupBy(['a.id', 'a.balance'])
      .execute();
    let walletTotal = 0;
    for (const w of wallets) {
      const cached = Number(w.balance);
      const derived = Number(w.derived ?? 0);
      walletTotal += derived;
      if (cached !== derived) problems.push(`wallet ${w.id}: cached ${cached} ≠ journal ${derived}`);
      if (derived < 0) problems.push(`wallet ${w.id} is negative (${derived})`);
    }
    const total = await db
      .selectFrom('ledger_entries')
      .select((eb) => eb.fn.sum<string | number | null>('amount').as('total'))
      .executeTakeFirst();
    if (Number(total?.total ?? 0) !== 0) problems.push(`the journal sums to ${Number(total?.total)}, not 0`);
    return { ok: problems.length === 0, problems, wallets: wallets.length, walletTotal };
  }
}

export interface LedgerCheck {
  ok: boolean;
  problems: string[];
  wallets: number;
  walletTotal: number;
}

function validate(movement: MovementInput): void {
  if (movement.key.length === 0 || movement.key.length > 200) throw new Error('idempotency key: 1–200 chars');
  // No entries at all is a marker (e.g. a sandbox refund: idempotent, moves nothing).
  if (movement.entries.length === 1) throw new Error('a movement needs at least two entries');
  let sum = 0;
  for (const e of movement.entries) {
    if (!Number.isSafeInteger(e.amount) || e.amount === 0) {
      throw new Error(`ledger entry for ${e.account}: amount must be a non-zero integer, found ${e.amount}`);
    }
    sum += e.amount;
  }
  if (sum !== 0) throw new Error(`ledger movement ${movement.key} does not sum to zero (${sum})`);
}
