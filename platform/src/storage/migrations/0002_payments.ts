import { type Kysely, sql } from 'kysely';

/**
 * Beans ledger (double-entry, append-only), trade orders, per-app payment settings and
 * cashier fault injection. Amounts are integer Beans in bigint columns.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ledger_accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('wallet', 'system', 'merchant')`))
    // Only wallets carry a cached balance (kept >= 0); system/merchant balances are derived.
    .addColumn('balance', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`balance >= 0`))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ledger_transactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('recharge', 'spend', 'refund_recovery', 'grant', 'set')`),
    )
    .addColumn('reference', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ledger_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('transaction_id', 'text', (c) => c.notNull().references('ledger_transactions.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('ledger_accounts.id'))
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ledger_entries_account_idx')
    .on('ledger_entries')
    .column('account_id')
    .execute();
  await db.schema
    .createIndex('ledger_entries_transaction_idx')
    .on('ledger_entries')
    .column('transaction_id')
    .execute();

  await db.schema
    .createTable('trade_orders')
    .addColumn('trade_order_id', 'text', (c) => c.primaryKey())
    .addColumn('app_id', 'text', (c) => c.notNull().references('apps.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('open_id', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('token_amount', 'bigint', (c) => c.notNull())
    .addColumn('product_name', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text')
    .addColumn('order_url', 'text')
    .addColumn('quantity', 'bigint')
    .addColumn('quantity_unit', 'text')
    .addColumn('image_url', 'text')
    .addColumn('is_sandbox', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('PENDING', 'SUCCESS')`))
    .addColumn('paid_at', 'bigint')
    .addColumn('refunded_amount', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('trade_orders_app_order_uq', ['app_id', 'order_id'])
    .execute();
  await db.schema
    .createIndex('trade_orders_user_idx')
    .on('trade_orders')
    .columns(['user_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('payment_app_settings')
    .addColumn('app_id', 'text', (c) => c.primaryKey().references('apps.id').onDelete('cascade'))
    .addColumn('sandbox', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('payment_faults')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('app_id', 'text')
    .addColumn('user_id', 'text')
    .addColumn('fault', 'text', (c) => c.notNull().check(sql`fault in ('fail', 'cancel', 'timeout')`))
    .addColumn('remaining', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'payment_faults',
    'payment_app_settings',
    'trade_orders',
    'ledger_entries',
    'ledger_transactions',
    'ledger_accounts',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
