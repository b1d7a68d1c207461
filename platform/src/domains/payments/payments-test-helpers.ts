import type { Platform } from '../../platform';
import { type TestApp, testClient } from '../../testing';

export type V2Body<T = Record<string, unknown>> = {
  data: T;
  error: { code: string; message: string; log_id: string };
};

/** Open API + control-API helpers shared by the payment tests. */
export function paymentsClient(platform: Pick<Platform, 'app'>) {
  const t = testClient(platform);
  const v2 = async <T = Record<string, unknown>>(path: string, token: string, body: unknown) => {
    const res = await t.post(path, body, { authorization: `Bearer ${token}` });
    return { status: res.status, body: (await res.json()) as V2Body<T> };
  };
  let seq = 0;
  const client = {
    ...t,
    v2,
    createOrder: (
      token: string,
      amount: number,
      orderId = `order-${Date.now()}-${seq++}`,
      extra: Record<string, unknown> = {},
    ) =>
      v2<{ trade_order_id: string }>('/v2/minis/trade_order/create/', token, {
        token_type: 'BEANS',
        token_amount: amount,
        order_info: { order_id: orderId, product_name: 'Episode 2', ...extra },
      }),
    async newOrder(token: string, amount: number, orderId?: string): Promise<string> {
      const res = await client.createOrder(token, amount, orderId);
      if (res.body.error.code !== 'ok') throw new Error(`create order failed: ${JSON.stringify(res.body)}`);
      return res.body.data.trade_order_id;
    },
    query: (token: string, tradeOrderId: string) =>
      v2<{ trade_order_id: string; trade_order_status: string }>('/v2/minis/trade_order/query/', token, {
        trade_order_id: tradeOrderId,
      }),
    pay: (tradeOrderId: string, body: Record<string, unknown> = {}) =>
      t.json<Record<string, unknown> & { is_success: boolean }>(
        t.post(`/emulator/v1/trade_orders/${tradeOrderId}/pay`, body),
      ),
    cashierPay: (app: TestApp, userId: string, tradeOrderId: string, extra: Record<string, unknown> = {}) =>
      t.json<Record<string, unknown> & { is_success: boolean }>(
        t.post('/emulator/v1/cashier/pay', {
          client_key: app.client_key,
          user_id: userId,
          trade_order_id: tradeOrderId,
          ...extra,
        }),
      ),
    beans: async (userId: string) =>
      (await t.json<{ balance: number }>(platform.app.request(`/emulator/v1/users/${userId}/beans`))).balance,
    setBeans: (userId: string, body: Record<string, unknown>) =>
      t.post(`/emulator/v1/users/${userId}/beans`, body),
    refund: (tradeOrderId: string, body: Record<string, unknown>) =>
      t.post(`/emulator/v1/trade_orders/${tradeOrderId}/refund`, body),
    ledgerCheck: () =>
      t.json<{ ok: boolean; problems: string[] }>(platform.app.request('/emulator/v1/ledger/check')),
  };
  return client;
}
