import Database from 'better-sqlite3';
import type { Entitlement, Order, ReceivedWebhook, Session, ShopStore, ShopUser } from './types';

const SCHEMA = `
create table if not exists users (
  open_id text primary key, access_token text not null, refresh_token text not null,
  access_expires_at integer not null, refresh_expires_at integer not null, scope text not null,
  created_at integer not null, updated_at integer not null);
create table if not exists sessions (
  token_hash text primary key, open_id text not null, expires_at integer not null);
create index if not exists sessions_open_id on sessions (open_id);
create table if not exists orders (
  order_id text primary key, trade_order_id text not null unique, open_id text not null,
  episode_id text not null, token_amount integer not null, status text not null, created_at integer not null,
  paid_at integer, refunded_at integer, refund_amount integer);
create table if not exists entitlements (
  trade_order_id text primary key, open_id text not null, episode_id text not null,
  granted_at integer not null, revoked_at integer);
create table if not exists webhooks (
  id integer primary key autoincrement, event text not null, create_time integer not null,
  trade_order_id text, received_at integer not null, outcome text not null);
`;

const MAX_WEBHOOK_LOG = 500;

/**
 * SQLite store (a file survives restarts; `:memory:` for tests). The grant's idempotency is the
 * primary key on trade_order_id, so it holds across processes sharing the file.
 */
export function createSqliteStore(path: string): ShopStore & { close(): void } {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec(SCHEMA);

  const q = {
    saveUser: db.prepare(
      `insert into users values (@open_id, @access_token, @refresh_token, @access_expires_at, @refresh_expires_at, @scope, @created_at, @updated_at)
       on conflict (open_id) do update set access_token = excluded.access_token, refresh_token = excluded.refresh_token,
       access_expires_at = excluded.access_expires_at, refresh_expires_at = excluded.refresh_expires_at,
       scope = excluded.scope, updated_at = excluded.updated_at`,
    ),
    getUser: db.prepare('select * from users where open_id = ?'),
    listUsers: db.prepare('select * from users order by created_at'),
    deleteUser: db.prepare('delete from users where open_id = ?'),
    deleteSessionsOf: db.prepare('delete from sessions where open_id = ?'),
    saveSession: db.prepare('insert or replace into sessions values (@token_hash, @open_id, @expires_at)'),
    getSession: db.prepare('select * from sessions where token_hash = ?'),
    saveOrder: db.prepare(
      `insert or replace into orders values (@order_id, @trade_order_id, @open_id, @episode_id, @token_amount, @status,
       @created_at, @paid_at, @refunded_at, @refund_amount)`,
    ),
    getOrder: db.prepare('select * from orders where order_id = ?'),
    getOrderByTradeOrderId: db.prepare('select * from orders where trade_order_id = ?'),
    listOrders: db.prepare('select * from orders order by created_at, order_id'),
    listOrdersOf: db.prepare('select * from orders where open_id = ? order by created_at, order_id'),
    grant: db.prepare(
      'insert into entitlements values (@trade_order_id, @open_id, @episode_id, @granted_at, null) on conflict do nothing',
    ),
    revoke: db.prepare(
      'update entitlements set revoked_at = ? where trade_order_id = ? and revoked_at is null',
    ),
    listEntitlements: db.prepare('select * from entitlements order by granted_at, trade_order_id'),
    listEntitlementsOf: db.prepare(
      'select * from entitlements where open_id = ? order by granted_at, trade_order_id',
    ),
    recordWebhook: db.prepare(
      'insert into webhooks (event, create_time, trade_order_id, received_at, outcome) values (@event, @create_time, @trade_order_id, @received_at, @outcome)',
    ),
    trimWebhooks: db.prepare('delete from webhooks where id <= (select max(id) from webhooks) - ?'),
    listWebhooks: db.prepare(
      'select event, create_time, trade_order_id, received_at, outcome from webhooks order by id',
    ),
  };

  const forgetUser = db.transaction((openId: string) => {
    q.deleteUser.run(openId);
    q.deleteSessionsOf.run(openId);
  });

  return {
    saveUser: (user) => void q.saveUser.run(user),
    getUser: (openId) => q.getUser.get(openId) as ShopUser | undefined,
    listUsers: () => q.listUsers.all() as ShopUser[],
    forgetUser: (openId) => forgetUser(openId),
    saveSession: (session) => void q.saveSession.run(session),
    getSession: (tokenHash) => q.getSession.get(tokenHash) as Session | undefined,
    saveOrder: (order) =>
      void q.saveOrder.run({
        paid_at: null,
        refunded_at: null,
        refund_amount: null,
        ...order,
      } satisfies Record<string, unknown>),
    getOrder: (orderId) => order(q.getOrder.get(orderId)),
    getOrderByTradeOrderId: (id) => order(q.getOrderByTradeOrderId.get(id)),
    listOrders: (openId) =>
      ((openId === undefined ? q.listOrders.all() : q.listOrdersOf.all(openId)) as object[]).map(
        (row) => order(row) as Order,
      ),
    grant: (entitlement) => q.grant.run(entitlement).changes === 1,
    revokeByTradeOrderId: (tradeOrderId, at) => q.revoke.run(at, tradeOrderId).changes === 1,
    listEntitlements: (openId) =>
      ((openId === undefined ? q.listEntitlements.all() : q.listEntitlementsOf.all(openId)) as object[]).map(
        (row) => withoutNulls(row) as Entitlement,
      ),
    recordWebhook: (webhook) => {
      q.recordWebhook.run({ trade_order_id: null, ...webhook });
      q.trimWebhooks.run(MAX_WEBHOOK_LOG);
    },
    listWebhooks: () => (q.listWebhooks.all() as object[]).map((row) => withoutNulls(row) as ReceivedWebhook),
    close: () => db.close(),
  };
}

function order(row: unknown): Order | undefined {
  return row === undefined ? undefined : (withoutNulls(row as object) as Order);
}

/** SQL NULL ↔ an absent optional field, so both stores return identical objects. */
function withoutNulls(row: object): object {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null));
}
