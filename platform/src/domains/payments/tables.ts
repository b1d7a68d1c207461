import type { KnownTradeOrderStatus } from '@openminis/protocol';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../storage';
import type { WebhookTables } from '../webhooks/tables';

export type LedgerAccountKind = 'wallet' | 'system' | 'merchant';
export type LedgerTransactionKind = 'recharge' | 'spend' | 'refund_recovery' | 'grant' | 'set';
/** Stored status: only the values TikTok documents (spec §6.5). */
export type TradeOrderStatus = KnownTradeOrderStatus;
export type PaymentFault = 'fail' | 'cancel' | 'timeout';

export interface LedgerAccountsTable {
  id: string;
  kind: LedgerAccountKind;
  balance: number;
  created_at: number;
}

export interface LedgerTransactionsTable {
  id: string;
  idempotency_key: string;
  kind: LedgerTransactionKind;
  reference: string | null;
  created_at: number;
}

export interface LedgerEntriesTable {
  id: string;
  transaction_id: string;
  account_id: string;
  amount: number;
  created_at: number;
}

export interface TradeOrdersTable {
  trade_order_id: string;
  app_id: string;
  user_id: string;
  open_id: string;
  order_id: string;
  token_amount: number;
  product_name: string;
  product_id: string | null;
  order_url: string | null;
  quantity: number | null;
  quantity_unit: string | null;
  image_url: string | null;
  is_sandbox: number;
  status: TradeOrderStatus;
  paid_at: number | null;
  refunded_amount: number;
  created_at: number;
}

export interface PaymentAppSettingsTable {
  app_id: string;
  sandbox: number;
}

export interface PaymentFaultsTable {
  id: string;
  app_id: string | null;
  user_id: string | null;
  fault: PaymentFault;
  remaining: number;
  created_at: number;
}

export interface PaymentTables {
  ledger_accounts: LedgerAccountsTable;
  ledger_transactions: LedgerTransactionsTable;
  ledger_entries: LedgerEntriesTable;
  trade_orders: TradeOrdersTable;
  payment_app_settings: PaymentAppSettingsTable;
  payment_faults: PaymentFaultsTable;
}

/** The core schema plus the tables of migrations 0002/0003 (declared here, not in storage/schema). */
export type MoneyDatabase = Database & PaymentTables & WebhookTables;
export type MoneyDb = Kysely<MoneyDatabase>;
export type MoneyTrx = Transaction<MoneyDatabase>;

/** Same connection, wider table types (what Kysely's withTables() does, without its index-signature constraint). */
export function moneyDb(db: Kysely<Database>): MoneyDb {
  return db as unknown as MoneyDb;
}
