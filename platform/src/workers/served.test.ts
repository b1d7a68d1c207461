import { verifyWebhook } from '@openminis/node';
import { expect, it } from 'vitest';
import { startServer } from '../server';
import { startReceiver } from './test-receiver';

/**
 * What a black-box suite sees from `openminis serve`: over real HTTP, the server's own
 * dispatcher delivers the webhook of a payment, retries after receiver errors only when
 * the emulated clock is advanced, and finally delivers a correctly signed body.
 */
it('delivers, retries on the advanced clock and signs, all through the running server', async () => {
  const server = await startServer({
    env: {},
    database: ':memory:',
    config: { port: 0, logLevel: 'silent', webhookPollMs: 50 },
  });
  const receiver = await startReceiver((i) => (i < 2 ? 500 : 200));
  try {
    const call = async <T>(
      path: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ): Promise<T> => {
      const res = await fetch(`${server.url}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return (await res.json()) as T;
    };
    const app = await call<{ app_id: string; client_key: string; client_secret: string }>(
      '/emulator/v1/apps',
      {
        name: 'Served',
        webhook_url: receiver.url,
      },
    );
    const user = await call<{ user_id: string }>('/emulator/v1/users', {});
    const { code } = await call<{ code: string }>('/emulator/v1/login', {
      client_key: app.client_key,
      user_id: user.user_id,
    });
    const tokenRes = await fetch(`${server.url}/v2/oauth/token/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_key: app.client_key,
        client_secret: app.client_secret,
        code,
        grant_type: 'authorization_code',
      }),
    });
    const { access_token } = (await tokenRes.json()) as { access_token: string };
    const created = await call<{ data: { trade_order_id: string } }>(
      '/v2/minis/trade_order/create/',
      {
        token_type: 'BEANS',
        token_amount: 100,
        order_info: { order_id: 'served-1', product_name: 'Episode 1' },
      },
      { authorization: `Bearer ${access_token}` },
    );
    const id = created.data.trade_order_id;
    expect(await call(`/emulator/v1/trade_orders/${id}/pay`, {})).toMatchObject({ is_success: true });

    await expect.poll(() => receiver.received.length, { timeout: 5000 }).toBe(1);
    for (const [advance, expected] of [
      // 1 and 2 minutes, +20 % jitter at most.
      [73, 2],
      [145, 3],
    ] as const) {
      // Not due before the clock moves.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(receiver.received).toHaveLength(expected - 1);
      await call('/emulator/v1/clock', { advance_seconds: advance });
      await expect.poll(() => receiver.received.length, { timeout: 5000 }).toBe(expected);
    }
    const { now } = await call<{ now: number }>('/emulator/v1/clock');
    const last = receiver.received[2];
    const event = verifyWebhook(last?.body ?? '', last?.headers ?? {}, app.client_secret, { now: () => now });
    expect(event).toMatchObject({
      event: 'minis.trade_order.redeem.success',
      content: { trade_order_id: id, order_id: 'served-1', is_sandbox: false },
    });
    await expect
      .poll(
        async () =>
          (
            await call<{ deliveries: Array<{ status: string }> }>(
              `/emulator/v1/webhooks/deliveries?reference=${id}`,
            )
          ).deliveries[0]?.status,
        { timeout: 5000 },
      )
      .toBe('delivered');
  } finally {
    await receiver.close();
    await server.close();
  }
}, 30_000);
