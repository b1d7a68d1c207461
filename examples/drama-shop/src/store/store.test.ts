import { describe, expect, it } from 'vitest';
import { createMemoryStore } from './memoryStore';
import { createSqliteStore } from './sqliteStore';
import type { Order, ShopStore } from './types';

// One contract, every implementation.
const stores: Array<[string, () => ShopStore]> = [
  ['memory', createMemoryStore],
  ['sqlite', () => createSqliteStore(':memory:')],
];

const user = (open_id: string, at = 1) => ({
  open_id,
  access_token: `act.${open_id}.${at}`,
  refresh_token: `rft.${open_id}.${at}`,
  access_expires_at: at + 1000,
  refresh_expires_at: at + 5000,
  scope: 'user.info.basic',
  created_at: 1,
  updated_at: at,
});
const anOrder = (n: number, open_id = 'u1'): Order => ({
  order_id: `o${n}`,
  trade_order_id: `T${n}`,
  open_id,
  episode_id: `ep${n}`,
  token_amount: 30,
  status: 'PENDING',
  created_at: n,
});

describe.each(stores)('%s store', (_name, make) => {
  it('saves, updates and forgets users with their sessions', () => {
    const store = make();
    store.saveUser(user('u1'));
    store.saveUser(user('u1', 2));
    expect(store.getUser('u1')).toEqual(user('u1', 2));
    expect(store.listUsers()).toHaveLength(1);
    store.saveSession({ token_hash: 'h1', open_id: 'u1', expires_at: 10 });
    expect(store.getSession('h1')).toEqual({ token_hash: 'h1', open_id: 'u1', expires_at: 10 });
    store.forgetUser('u1');
    expect(store.getUser('u1')).toBeUndefined();
    expect(store.getSession('h1')).toBeUndefined();
  });

  it('finds orders by either id and lists them per user', () => {
    const store = make();
    store.saveOrder(anOrder(1));
    store.saveOrder(anOrder(2, 'u2'));
    store.saveOrder({ ...anOrder(1), status: 'PAID', paid_at: 5 });
    expect(store.getOrder('o1')).toEqual({ ...anOrder(1), status: 'PAID', paid_at: 5 });
    expect(store.getOrderByTradeOrderId('T2')).toEqual(anOrder(2, 'u2'));
    expect(store.getOrder('nope')).toBeUndefined();
    expect(store.listOrders('u1').map((o) => o.order_id)).toEqual(['o1']);
    expect(store.listOrders()).toHaveLength(2);
  });

  it('grants once per trade_order_id and revokes once', () => {
    const store = make();
    const grant = { open_id: 'u1', episode_id: 'ep1', trade_order_id: 'T1', granted_at: 3 };
    expect(store.grant(grant)).toBe(true);
    expect(store.grant({ ...grant, granted_at: 4 })).toBe(false);
    expect(store.listEntitlements('u1')).toEqual([grant]);
    expect(store.revokeByTradeOrderId('T1', 9)).toBe(true);
    expect(store.revokeByTradeOrderId('T1', 10)).toBe(false);
    expect(store.revokeByTradeOrderId('T404', 10)).toBe(false);
    expect(store.listEntitlements()).toEqual([{ ...grant, revoked_at: 9 }]);
  });

  it('keeps a bounded webhook log', () => {
    const store = make();
    for (let i = 0; i < 510; i++)
      store.recordWebhook({ event: 'e', create_time: i, received_at: i, outcome: 'ok' });
    const log = store.listWebhooks();
    expect(log).toHaveLength(500);
    expect(log[0]).toEqual({ event: 'e', create_time: 10, received_at: 10, outcome: 'ok' });
  });
});
