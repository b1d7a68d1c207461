import { signTestWebhook } from '@openminis/node';
import { beforeEach, describe, expect, it } from 'vitest';
import { createShopApp } from './app';
import { createFakeOpenApi } from './fakeOpenApi';
import { createSqliteStore } from './store/sqliteStore';

const CLIENT_KEY = 'ck_drama';
const CLIENT_SECRET = 'cs_drama_secret';
const NOW = 1_750_000_000_000;

function setup() {
  const api = createFakeOpenApi({ clientKey: CLIENT_KEY, clientSecret: CLIENT_SECRET });
  const shop = createShopApp({
    openApi: {
      baseUrl: 'https://open.fake.test',
      clientKey: CLIENT_KEY,
      clientSecret: CLIENT_SECRET,
      fetch: api.fetch,
    },
    now: () => NOW,
  });
  const request = (path: string, init: RequestInit & { token?: string; json?: unknown } = {}) => {
    const headers = new Headers(init.headers);
    if (init.token) headers.set('authorization', `Bearer ${init.token}`);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    }
    return shop.app.request(path, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body });
  };
  async function login(openId = 'open-1') {
    const res = await request('/api/login', { json: { code: api.login(openId) } });
    expect(res.status).toBe(200);
    return ((await res.json()) as { session_token: string }).session_token;
  }
  async function order(token: string, episode_id = 'midnight-heir-ep07') {
    const res = await request('/api/orders', { token, json: { episode_id } });
    expect(res.status).toBe(201);
    return (await res.json()) as {
      order_id: string;
      trade_order_id: string;
      token_amount: number;
      status: string;
    };
  }
  function webhook(
    trade_order_id: string,
    order_id: string,
    event = 'minis.trade_order.redeem.success',
    extra: Record<string, unknown> = {},
    secret = CLIENT_SECRET,
  ) {
    const signed = signTestWebhook({
      clientSecret: secret,
      timestamp: NOW / 1000,
      envelope: {
        client_key: CLIENT_KEY,
        event,
        content: { trade_order_id, order_id, is_sandbox: true, ...extra },
      },
    });
    return request('/webhooks/tiktok', { method: 'POST', headers: signed.headers, body: signed.body });
  }
  const entitlements = async (token: string) =>
    (await (await request('/api/entitlements', { token })).json()) as {
      episode_ids: string[];
      entitlements: unknown[];
    };
  return { api, shop, request, login, order, webhook, entitlements };
}

let t: ReturnType<typeof setup>;
beforeEach(() => {
  t = setup();
});

describe('login', () => {
  it('exchanges the code and opens a session usable as Bearer token or cookie', async () => {
    const res = await t.request('/api/login', { json: { code: t.api.login('open-1') } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { session_token: string; open_id: string };
    expect(body.open_id).toBe('open-1');
    expect(res.headers.get('set-cookie')).toMatch(/drama_shop_session=.*HttpOnly/);
    const me = await t.request('/api/me', { token: body.session_token });
    expect(await me.json()).toMatchObject({
      open_id: 'open-1',
      profile: { open_id: 'open-1', display_name: 'Viewer' },
    });
    const byCookie = await t.request('/api/me', {
      headers: { cookie: `drama_shop_session=${body.session_token}` },
    });
    expect(byCookie.status).toBe(200);
    expect(t.api.calls[0]).toMatchObject({
      path: '/v2/oauth/token/',
      body: { client_key: CLIENT_KEY, client_secret: CLIENT_SECRET, grant_type: 'authorization_code' },
    });
  });

  it('refuses a reused code and bad bodies', async () => {
    const code = t.api.login('open-1');
    expect((await t.request('/api/login', { json: { code } })).status).toBe(200);
    const reused = await t.request('/api/login', { json: { code } });
    expect(reused.status).toBe(401);
    expect(await reused.json()).toMatchObject({ error: 'login_failed', code: 'invalid_grant' });
    expect((await t.request('/api/login', { json: { code: 5 } })).status).toBe(400);
    expect((await t.request('/api/login', { method: 'POST', body: 'not json' })).status).toBe(400);
  });

  it('answers 502 when the Open API is unreachable', async () => {
    const shop = createShopApp({
      openApi: {
        baseUrl: 'https://open.fake.test',
        clientKey: CLIENT_KEY,
        clientSecret: CLIENT_SECRET,
        fetch: () => Promise.reject(new TypeError('fetch failed')),
      },
    });
    const res = await shop.app.request('/api/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'c' }),
    });
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ error: 'open_api_error', code: 'network_error' });
  });

  it('needs a session for user routes', async () => {
    for (const path of ['/api/me', '/api/orders', '/api/entitlements']) {
      expect((await t.request(path)).status).toBe(401);
    }
    expect((await t.request('/api/me', { token: 'forged' })).status).toBe(401);
  });
});

describe('orders', () => {
  it('charges the catalogue price, whatever the client sends', async () => {
    const token = await t.login();
    const res = await t.request('/api/orders', {
      token,
      json: { episode_id: 'midnight-heir-ep07', token_amount: 1 },
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as {
      trade_order_id: string;
      token_amount: number;
      status: string;
      granted: boolean;
    };
    expect(created).toMatchObject({ token_amount: 50, status: 'PENDING', granted: false });
    const call = t.api.calls.find((c) => c.path === '/v2/minis/trade_order/create/');
    expect(call?.body).toMatchObject({
      token_type: 'BEANS',
      token_amount: 50,
      order_info: { product_id: 'midnight-heir-ep07', quantity: 1, quantity_unit: 'episode' },
    });
    expect(call?.auth).toMatch(/^Bearer act\./);
  });

  it('refuses unknown, free and already owned episodes', async () => {
    const token = await t.login();
    expect((await t.request('/api/orders', { token, json: { episode_id: 'nope' } })).status).toBe(404);
    expect(
      (await t.request('/api/orders', { token, json: { episode_id: 'midnight-heir-ep01' } })).status,
    ).toBe(409);
    const o = await t.order(token);
    await t.webhook(o.trade_order_id, o.order_id);
    const again = await t.request('/api/orders', { token, json: { episode_id: 'midnight-heir-ep07' } });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: 'already_owned' });
  });

  it('refreshes an expired access token once and retries', async () => {
    const token = await t.login();
    t.api.expireAccessTokens();
    const o = await t.order(token);
    expect(o.trade_order_id).toMatch(/^TOID/);
    expect(
      t.api.calls.filter((c) => (c.body as { grant_type?: string }).grant_type === 'refresh_token'),
    ).toHaveLength(1);
  });

  it('shares one trade order between concurrent requests for the same episode (double tap)', async () => {
    const token = await t.login();
    const [a, b] = await Promise.all([
      t.request('/api/orders', { token, json: { episode_id: 'midnight-heir-ep04' } }),
      t.request('/api/orders', { token, json: { episode_id: 'midnight-heir-ep04' } }),
    ]);
    const [first, second] = (await Promise.all([a.json(), b.json()])) as Array<{ trade_order_id: string }>;
    expect(first?.trade_order_id).toBe(second?.trade_order_id);
    expect(t.api.calls.filter((c) => c.path === '/v2/minis/trade_order/create/')).toHaveLength(1);
    // Later, after a cancelled payment, a new order is a new trade order (spec §5.5).
    const again = await t.order(token, 'midnight-heir-ep04');
    expect(again.trade_order_id).not.toBe(first?.trade_order_id);
  });

  it('keeps orders private to their buyer', async () => {
    const alice = await t.login('alice');
    const bob = await t.login('bob');
    const o = await t.order(alice);
    expect((await t.request(`/api/orders/${o.order_id}`, { token: bob })).status).toBe(404);
    expect((await t.request(`/api/orders/${o.trade_order_id}`, { token: alice })).status).toBe(200);
  });
});

describe('webhooks', () => {
  it('grants the episode once, however often the webhook arrives', async () => {
    const token = await t.login();
    const o = await t.order(token);
    t.api.pay(o.trade_order_id);
    const first = await t.webhook(o.trade_order_id, o.order_id);
    expect(first.status).toBe(200);
    const second = await t.webhook(o.trade_order_id, o.order_id);
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({ ok: true, duplicate: true });
    const mine = await t.entitlements(token);
    expect(mine.episode_ids).toEqual(['midnight-heir-ep07']);
    expect(mine.entitlements).toHaveLength(1);
    const polled = (await (await t.request(`/api/orders/${o.order_id}`, { token })).json()) as object;
    expect(polled).toMatchObject({ status: 'PAID', granted: true });
  });

  it('grants once even when dedupe is bypassed (another instance, a restart; SQLite store)', async () => {
    const api = createFakeOpenApi({ clientKey: CLIENT_KEY, clientSecret: CLIENT_SECRET });
    const forgetful = { has: () => false, add: () => {} };
    const shop = createShopApp({
      openApi: {
        baseUrl: 'https://x.test',
        clientKey: CLIENT_KEY,
        clientSecret: CLIENT_SECRET,
        fetch: api.fetch,
      },
      now: () => NOW,
      webhookDedupe: forgetful,
      store: createSqliteStore(':memory:'),
    });
    const login = await shop.app.request('/api/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: api.login('u') }),
    });
    const { session_token } = (await login.json()) as { session_token: string };
    const created = await shop.app.request('/api/orders', {
      method: 'POST',
      headers: { authorization: `Bearer ${session_token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ episode_id: 'midnight-heir-ep03' }),
    });
    const o = (await created.json()) as { order_id: string; trade_order_id: string };
    const signed = signTestWebhook({
      clientSecret: CLIENT_SECRET,
      timestamp: NOW / 1000,
      envelope: {
        client_key: CLIENT_KEY,
        event: 'minis.trade_order.redeem.success',
        content: { trade_order_id: o.trade_order_id, order_id: o.order_id },
      },
    });
    for (let i = 0; i < 3; i++) {
      const res = await shop.app.request('/webhooks/tiktok', {
        method: 'POST',
        headers: signed.headers,
        body: signed.body,
      });
      expect(res.status).toBe(200);
    }
    expect(shop.store.listEntitlements()).toHaveLength(1);
    expect(shop.store.listWebhooks().map((w) => w.outcome)).toEqual([
      'granted',
      'already_granted',
      'already_granted',
    ]);
  });

  it('answers 401 to a bad signature and grants nothing', async () => {
    const token = await t.login();
    const o = await t.order(token);
    const forged = await t.webhook(o.trade_order_id, o.order_id, undefined, {}, 'not-the-secret');
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ ok: false, error: 'signature_mismatch' });
    expect((await t.entitlements(token)).episode_ids).toEqual([]);
    const polled = (await (await t.request(`/api/orders/${o.order_id}`, { token })).json()) as object;
    expect(polled).toMatchObject({ status: 'PENDING', granted: false });
  });

  it('answers 401 to a stale webhook and 400 without a signature', async () => {
    const body = '{"client_key":"ck_drama","event":"x","create_time":1,"user_openid":"","content":"{}"}';
    const stale = signTestWebhook({ clientSecret: CLIENT_SECRET, body, timestamp: NOW / 1000 - 3600 });
    expect(
      (await t.request('/webhooks/tiktok', { method: 'POST', headers: stale.headers, body })).status,
    ).toBe(401);
    expect((await t.request('/webhooks/tiktok', { method: 'POST', body })).status).toBe(400);
  });

  it('does not grant when the order_id does not match ours', async () => {
    const token = await t.login();
    const o = await t.order(token);
    expect((await t.webhook(o.trade_order_id, 'someone-elses-order')).status).toBe(200);
    expect(t.shop.store.listEntitlements()).toHaveLength(0);
    expect(t.shop.store.listWebhooks().at(-1)?.outcome).toBe('order_id_mismatch');
  });

  it('withdraws the episode on refund_traceback', async () => {
    const token = await t.login();
    const o = await t.order(token);
    await t.webhook(o.trade_order_id, o.order_id);
    const res = await t.webhook(o.trade_order_id, o.order_id, 'minis.trade_order.redeem.refund_traceback', {
      refund_amount: 40,
    });
    expect(res.status).toBe(200);
    expect((await t.entitlements(token)).episode_ids).toEqual([]);
    const polled = (await (await t.request(`/api/orders/${o.order_id}`, { token })).json()) as object;
    expect(polled).toMatchObject({ status: 'REFUNDED', refund_amount: 40, granted: false });
  });
});

describe('polling with confirmation', () => {
  it('grants on a confirmed SUCCESS, and the later webhook does not grant twice', async () => {
    const token = await t.login();
    const o = await t.order(token);
    const pending = await (await t.request(`/api/orders/${o.order_id}?confirm=1`, { token })).json();
    expect(pending).toMatchObject({ status: 'PENDING', granted: false });
    t.api.pay(o.trade_order_id);
    const paid = await (await t.request(`/api/orders/${o.order_id}?confirm=1`, { token })).json();
    expect(paid).toMatchObject({ status: 'PAID', granted: true });
    await t.webhook(o.trade_order_id, o.order_id);
    expect(t.shop.store.listEntitlements()).toHaveLength(1);
  });
});

describe('catalogue and state', () => {
  it('lists prices, marks free and owned episodes', async () => {
    const anonymous = (await (await t.request('/api/catalogue')).json()) as {
      dramas: Array<{ episodes: Array<{ episode_id: string; price_beans: number; owned: boolean }> }>;
    };
    const episodes = anonymous.dramas[0]?.episodes ?? [];
    expect(episodes).toHaveLength(10);
    expect(episodes.filter((e) => e.owned).map((e) => e.episode_id)).toEqual([
      'midnight-heir-ep01',
      'midnight-heir-ep02',
    ]);
    const token = await t.login();
    const o = await t.order(token, 'midnight-heir-ep03');
    await t.webhook(o.trade_order_id, o.order_id);
    const mine = (await (await t.request('/api/catalogue', { token })).json()) as typeof anonymous;
    expect(mine.dramas[0]?.episodes.find((e) => e.episode_id === 'midnight-heir-ep03')?.owned).toBe(true);
  });

  it('exposes state without tokens or session material', async () => {
    const token = await t.login();
    const o = await t.order(token);
    await t.webhook(o.trade_order_id, o.order_id);
    const res = await t.request('/api/state');
    const text = await res.text();
    const state = JSON.parse(text);
    expect(state.users).toHaveLength(1);
    expect(state.orders).toHaveLength(1);
    expect(state.entitlements).toHaveLength(1);
    expect(state.webhooks[0]).toMatchObject({
      event: 'minis.trade_order.redeem.success',
      outcome: 'granted',
    });
    expect(text).not.toMatch(/act\.|rft\.|cs_drama_secret/);
    expect(text).not.toContain(token);
  });
});
