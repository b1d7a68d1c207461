import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type RunningServer, startServer } from '@openminis/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShopApp, type ShopApp } from './app';

/**
 * The whole loop of spec §5.7 over real HTTP on loopback: the platform (with its webhook
 * dispatcher) and the shop each listen on an ephemeral port; the platform's signed webhooks
 * reach the shop's /webhooks/tiktok, which grants the episode exactly once.
 */
let platform: RunningServer;
let shop: ShopApp;
let shopServer: ReturnType<typeof serve>;
let creds: { app_id: string; client_key: string; client_secret: string };
let userId: string;

async function call<T>(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}
const control = <T>(path: string, body?: unknown, method = 'POST') =>
  call<T>(method, `${platform.url}${path}`, body);

/** Waits for a condition the platform reaches asynchronously (webhook delivery); bounded, not a timing assertion. */
async function eventually<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  platform = await startServer({
    database: ':memory:',
    env: {},
    config: { host: '127.0.0.1', port: 0, logLevel: 'silent', webhookPollMs: 50 },
  });
  creds = await control('/emulator/v1/apps', { name: 'Drama shop e2e' });
  userId = (await control<{ user_id: string }>('/emulator/v1/users', { display_name: 'Lin' })).user_id;
  shop = createShopApp({
    openApi: { baseUrl: platform.url, clientKey: creds.client_key, clientSecret: creds.client_secret },
  });
  shopServer = serve({ fetch: shop.app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise((resolve) => shopServer.once('listening', resolve));
  const shopUrl = `http://127.0.0.1:${(shopServer.address() as AddressInfo).port}`;
  await control(`/emulator/v1/apps/${creds.app_id}`, { webhook_url: `${shopUrl}/webhooks/tiktok` }, 'PATCH');
});

afterAll(async () => {
  await new Promise((resolve) => shopServer?.close(resolve));
  await platform?.close();
});

describe('drama shop end to end with the platform', () => {
  it('login → order → pay → signed webhook → one entitlement → duplicate ignored → refund withdraws', async () => {
    const { code } = await control<{ code: string }>('/emulator/v1/login', {
      client_key: creds.client_key,
      user_id: userId,
    });
    const address = shopServer.address() as AddressInfo;
    const shopUrl = `http://127.0.0.1:${address.port}`;
    const { session_token } = await call<{ session_token: string }>('POST', `${shopUrl}/api/login`, { code });
    const auth = { authorization: `Bearer ${session_token}` };

    const order = await call<{ order_id: string; trade_order_id: string; token_amount: number }>(
      'POST',
      `${shopUrl}/api/orders`,
      { episode_id: 'midnight-heir-ep05', token_amount: 1 },
      auth,
    );
    expect(order.token_amount).toBe(30);

    // The user pays in the cashier (topping up automatically).
    const paid = await control<{ is_success: boolean }>(
      `/emulator/v1/trade_orders/${order.trade_order_id}/pay`,
      {},
    );
    expect(paid.is_success).toBe(true);

    // The front-end's polling loop: the webhook grants the episode.
    const granted = await eventually(async () => {
      const status = await call<{ status: string; granted: boolean }>(
        'GET',
        `${shopUrl}/api/orders/${order.order_id}`,
        undefined,
        auth,
      );
      return status.granted ? status : undefined;
    }, 'the redeem.success webhook to grant the episode');
    expect(granted.status).toBe('PAID');

    const { deliveries } = await control<{
      deliveries: Array<{ delivery_id: string; event: string; status: string }>;
    }>(`/emulator/v1/webhooks/deliveries?app_id=${creds.app_id}`, undefined, 'GET');
    const success = deliveries.find((d) => d.event === 'minis.trade_order.redeem.success');
    expect(success?.status).toBe('delivered');

    // At-least-once: a duplicate delivery is acknowledged and changes nothing.
    await control(`/emulator/v1/webhooks/deliveries/${success?.delivery_id}/duplicate`, {});
    await eventually(
      async () => (shop.store.listWebhooks().some((w) => w.outcome === 'duplicate') ? true : undefined),
      'the duplicate webhook',
    );
    expect(shop.store.listEntitlements()).toHaveLength(1);

    // A store refund TikTok partly recovered withdraws the episode.
    await control(`/emulator/v1/trade_orders/${order.trade_order_id}/refund`, { refund_amount: 20 });
    const refunded = await eventually(async () => {
      const status = await call<{ status: string; refund_amount?: number }>(
        'GET',
        `${shopUrl}/api/orders/${order.order_id}`,
        undefined,
        auth,
      );
      return status.status === 'REFUNDED' ? status : undefined;
    }, 'the refund_traceback webhook');
    expect(refunded.refund_amount).toBe(20);
    const mine = await call<{ episode_ids: string[] }>('GET', `${shopUrl}/api/entitlements`, undefined, auth);
    expect(mine.episode_ids).toEqual([]);
  });

  it("answers the portal's Test URL event with 200 (verified, then ignored)", async () => {
    const result = await control<{ ok: boolean; http_status: number }>(
      `/emulator/v1/apps/${creds.app_id}/webhooks/test`,
      {},
    );
    expect(result).toMatchObject({ ok: true, http_status: 200 });
    expect(shop.store.listWebhooks().at(-1)).toMatchObject({
      event: 'minis.webhook.test',
      outcome: 'ignored',
    });
  });
});
