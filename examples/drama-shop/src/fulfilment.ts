import type { Order, ShopStore } from './store/types';

/**
 * Grants the episode a paid order bought. Idempotent by trade_order_id: a webhook redelivery, a
 * concurrent `?confirm=1` poll and the webhook itself all end in exactly one entitlement.
 */
export function fulfil(store: ShopStore, order: Order, now: number): { granted: boolean } {
  const granted = store.grant({
    open_id: order.open_id,
    episode_id: order.episode_id,
    trade_order_id: order.trade_order_id,
    granted_at: now,
  });
  if (order.status === 'PENDING') store.saveOrder({ ...order, status: 'PAID', paid_at: now });
  return { granted };
}

/**
 * A store refund TikTok partly recovered (`refund_traceback`, spec §7.4). This shop's policy: the
 * episode is withdrawn and the order marked refunded; other shops may choose to keep access.
 */
export function refund(store: ShopStore, order: Order, refundAmount: number, now: number): void {
  store.revokeByTradeOrderId(order.trade_order_id, now);
  store.saveOrder({ ...order, status: 'REFUNDED', refunded_at: now, refund_amount: refundAmount });
}

export function ownsEpisode(store: ShopStore, openId: string, episodeId: string): boolean {
  return store.listEntitlements(openId).some((e) => e.episode_id === episodeId && e.revoked_at === undefined);
}
