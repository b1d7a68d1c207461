/** What the shop remembers. Tokens stay server-side; sessions are stored as hashes. */

export interface ShopUser {
  open_id: string;
  access_token: string;
  refresh_token: string;
  /** Epoch ms. */
  access_expires_at: number;
  refresh_expires_at: number;
  scope: string;
  created_at: number;
  updated_at: number;
}

export interface Session {
  token_hash: string;
  open_id: string;
  expires_at: number;
}

export type OrderStatus = 'PENDING' | 'PAID' | 'REFUNDED';

export interface Order {
  /** Our id, sent to TikTok as order_info.order_id. */
  order_id: string;
  trade_order_id: string;
  open_id: string;
  episode_id: string;
  token_amount: number;
  status: OrderStatus;
  created_at: number;
  paid_at?: number;
  refunded_at?: number;
  refund_amount?: number;
}

export interface Entitlement {
  open_id: string;
  episode_id: string;
  /** The payment that granted it: the idempotency key of a grant. */
  trade_order_id: string;
  granted_at: number;
  revoked_at?: number;
}

export interface ReceivedWebhook {
  event: string;
  create_time: number;
  trade_order_id?: string;
  received_at: number;
  outcome: string;
}

export interface ShopStore {
  saveUser(user: ShopUser): void;
  getUser(openId: string): ShopUser | undefined;
  listUsers(): ShopUser[];
  forgetUser(openId: string): void;

  saveSession(session: Session): void;
  getSession(tokenHash: string): Session | undefined;

  saveOrder(order: Order): void;
  getOrder(orderId: string): Order | undefined;
  getOrderByTradeOrderId(tradeOrderId: string): Order | undefined;
  listOrders(openId?: string): Order[];

  /** Grants once per trade_order_id; returns false when that payment was already granted. */
  grant(entitlement: Entitlement): boolean;
  revokeByTradeOrderId(tradeOrderId: string, at: number): boolean;
  listEntitlements(openId?: string): Entitlement[];

  recordWebhook(webhook: ReceivedWebhook): void;
  listWebhooks(): ReceivedWebhook[];
}
