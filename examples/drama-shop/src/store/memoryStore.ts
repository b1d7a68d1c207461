import type { Entitlement, Order, ReceivedWebhook, Session, ShopStore, ShopUser } from './types';

const MAX_WEBHOOK_LOG = 500;

/** Process-local store. Copies go in and out so callers cannot mutate stored rows by accident. */
export function createMemoryStore(): ShopStore {
  const users = new Map<string, ShopUser>();
  const sessions = new Map<string, Session>();
  const orders = new Map<string, Order>();
  const orderIdByTradeOrderId = new Map<string, string>();
  const entitlements = new Map<string, Entitlement>(); // by trade_order_id
  const webhooks: ReceivedWebhook[] = [];

  return {
    saveUser: (user) => void users.set(user.open_id, { ...user }),
    getUser: (openId) => copy(users.get(openId)),
    listUsers: () => [...users.values()].map((u) => ({ ...u })),
    forgetUser(openId) {
      users.delete(openId);
      for (const [hash, session] of sessions) if (session.open_id === openId) sessions.delete(hash);
    },

    saveSession: (session) => void sessions.set(session.token_hash, { ...session }),
    getSession: (tokenHash) => copy(sessions.get(tokenHash)),

    saveOrder(order) {
      orders.set(order.order_id, { ...order });
      orderIdByTradeOrderId.set(order.trade_order_id, order.order_id);
    },
    getOrder: (orderId) => copy(orders.get(orderId)),
    getOrderByTradeOrderId(tradeOrderId) {
      const orderId = orderIdByTradeOrderId.get(tradeOrderId);
      return orderId === undefined ? undefined : copy(orders.get(orderId));
    },
    listOrders: (openId) =>
      [...orders.values()].filter((o) => openId === undefined || o.open_id === openId).map((o) => ({ ...o })),

    grant(entitlement) {
      if (entitlements.has(entitlement.trade_order_id)) return false;
      entitlements.set(entitlement.trade_order_id, { ...entitlement });
      return true;
    },
    revokeByTradeOrderId(tradeOrderId, at) {
      const entitlement = entitlements.get(tradeOrderId);
      if (!entitlement || entitlement.revoked_at !== undefined) return false;
      entitlement.revoked_at = at;
      return true;
    },
    listEntitlements: (openId) =>
      [...entitlements.values()]
        .filter((e) => openId === undefined || e.open_id === openId)
        .map((e) => ({ ...e })),

    recordWebhook(webhook) {
      webhooks.push({ ...webhook });
      if (webhooks.length > MAX_WEBHOOK_LOG) webhooks.shift();
    },
    listWebhooks: () => webhooks.map((w) => ({ ...w })),
  };
}

function copy<T extends object>(value: T | undefined): T | undefined {
  return value === undefined ? undefined : { ...value };
}
