// Black-box conformance: races, hostile input and the documented decisions (docs/emulator-api.md,
// docs/payments.md, docs/webhooks.md) where spec §6/§7 leaves room. No clock moves in this file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, type App, LOG_ID, type Reply, sortedKeys, until } from './api';
import { Receiver, verifySignature } from './receiver';
import { engines, type RunningServer, startServer } from './server';

const TOKEN = '/v2/oauth/token/';
const REVOKE = '/v2/oauth/revoke/';
const CREATE = '/v2/minis/trade_order/create/';

function expectOAuthError(r: Reply, error: string, status: number): void {
  expect({ status: r.status, error: r.body?.error }).toEqual({ status, error });
  expect(sortedKeys(r.body)).toEqual(['error', 'error_description', 'log_id']);
  expect(r.body.log_id).toMatch(LOG_ID);
}

function expectV2Error(r: Reply, code: string, status: number): void {
  expect({ status: r.status, code: r.body?.error?.code }).toEqual({ status, code });
  expect(sortedKeys(r.body)).toEqual(['data', 'error']);
  // Documented choice (docs/payments.md): `data` is `{}` on every error.
  expect(r.body.data).toEqual({});
  expect(r.body.error.message.length).toBeGreaterThan(0);
  expect(r.body.error.log_id).toMatch(LOG_ID);
}

const order = (id: string, amount: unknown = 100) => ({
  token_type: 'BEANS',
  token_amount: amount,
  order_info: { order_id: id, product_name: 'Episode 3' },
});

const info = (api: Api, token: string, fields = 'open_id') =>
  api.v2(`/v2/user/info/?fields=${fields}`, token, undefined, 'GET');

describe.each(engines())('robustness and documented decisions (%s)', (engine) => {
  let server: RunningServer;
  let api: Api;
  let app: App;
  let user: string;
  const receiver = new Receiver();

  beforeAll(async () => {
    await receiver.start();
    server = await startServer(engine);
    api = new Api(server.base);
    app = await api.createApp();
    user = await api.createUser();
  });
  afterAll(async () => {
    await server?.stop();
    await receiver.stop();
  });

  describe('OAuth', () => {
    it('sends the log_id also as the x-tt-logid header (documented)', async () => {
      const r = await api.exchange(app, 'nope');
      expect(r.headers.get('x-tt-logid')).toBe(r.body.log_id);
    });

    it('GET on the token endpoint → 405 invalid_request', async () => {
      const res = await fetch(`${server.base}${TOKEN}`);
      const r: Reply = { status: res.status, text: '', body: await res.json(), headers: res.headers };
      expectOAuthError(r, 'invalid_request', 405);
    });

    it('a repeated parameter → 400 invalid_request', async () => {
      const code = await api.code(app, user);
      const body = `client_key=${app.client_key}&client_secret=${app.client_secret}&code=${code}&code=${code}&grant_type=authorization_code`;
      expectOAuthError(await api.form(TOKEN, body), 'invalid_request', 400);
    });

    it('a value over 4096 characters → 400 invalid_request', async () => {
      const r = await api.form(TOKEN, {
        client_key: app.client_key,
        client_secret: 'x'.repeat(5000),
        code: await api.code(app, user),
        grant_type: 'authorization_code',
      });
      expectOAuthError(r, 'invalid_request', 400);
    });

    it('a body over 1 MiB → 4xx invalid_request, never 500', async () => {
      const r = await api.form(TOKEN, `grant_type=authorization_code&pad=${'a'.repeat(1_100_000)}`);
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(r.body?.error).toBe('invalid_request');
    });

    it('reusing a code revokes the tokens issued from it (documented, RFC 6749 §4.1.2)', async () => {
      const code = await api.code(app, user);
      const first = await api.exchange(app, code);
      expect(first.status).toBe(200);
      expectOAuthError(await api.exchange(app, code), 'invalid_grant', 400);
      expect((await info(api, first.body.access_token)).status).toBe(401);
    });

    it("revoke disconnects the user: all of that user's tokens for the app fail, other apps' still work", async () => {
      const u = await api.createUser();
      const a = await api.tokens(app, 'user.info.basic', u);
      const b = await api.tokens(app, 'user.info.open_id', u);
      const other = await api.createApp();
      const c = await api.tokens(other, 'user.info.basic', u);
      const r = await api.form(REVOKE, {
        client_key: app.client_key,
        client_secret: app.client_secret,
        token: a.access_token,
      });
      expect(r.status).toBe(200);
      expect((await info(api, b.access_token)).body.error.code).toBe('access_token_invalid');
      expect((await info(api, c.access_token)).status).toBe(200);
      // A new login reconnects.
      const again = await api.tokens(app, 'user.info.basic', u);
      expect((await info(api, again.access_token)).status).toBe(200);
    });

    it('revoking an unknown token answers 200 with an empty body (RFC 7009 §2.2, documented)', async () => {
      const r = await api.form(REVOKE, {
        client_key: app.client_key,
        client_secret: app.client_secret,
        token: 'act.unknown',
      });
      expect(r.status).toBe(200);
      expect(r.text).toBe('');
    });

    it('two simultaneous refreshes of one refresh token → exactly one 200', async () => {
      const t = await api.tokens(app);
      const refresh = () =>
        api.form(TOKEN, {
          client_key: app.client_key,
          client_secret: app.client_secret,
          grant_type: 'refresh_token',
          refresh_token: t.refresh_token,
        });
      const replies = await Promise.all([refresh(), refresh()]);
      expect(replies.map((r) => r.status).sort()).toEqual([200, 400]);
      expectOAuthError(replies.find((r) => r.status === 400) as Reply, 'invalid_grant', 400);
    });

    it('eight simultaneous exchanges of one code → exactly one 200, seven invalid_grant', async () => {
      const code = await api.code(app, user);
      const replies = await Promise.all(Array.from({ length: 8 }, () => api.exchange(app, code)));
      expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
      for (const r of replies.filter((x) => x.status !== 200)) expectOAuthError(r, 'invalid_grant', 400);
    });

    it('every response carries its own log_id', async () => {
      const replies = await Promise.all(Array.from({ length: 5 }, () => api.exchange(app, 'nope')));
      expect(new Set(replies.map((r) => r.body.log_id)).size).toBe(5);
    });

    it('accepts a lowercase bearer scheme (documented)', async () => {
      const t = await api.tokens(app);
      const res = await fetch(`${server.base}/v2/user/info/?fields=open_id`, {
        headers: { authorization: `bearer ${t.access_token}` },
      });
      expect(res.status).toBe(200);
    });

    it('a repeated field in user info is returned once', async () => {
      const t = await api.tokens(app);
      const r = await info(api, t.access_token, 'open_id,open_id');
      expect(r.status).toBe(200);
      expect(r.body.data.user).toEqual({ open_id: t.open_id });
    });
  });

  describe('content types and encodings clients commonly send', () => {
    it('accepts application/x-www-form-urlencoded with a charset parameter', async () => {
      const body = new URLSearchParams({
        client_key: app.client_key,
        client_secret: app.client_secret,
        code: await api.code(app, user),
        grant_type: 'authorization_code',
      }).toString();
      const r = await api.form(TOKEN, body, 'application/x-www-form-urlencoded; charset=UTF-8');
      expect(r.status).toBe(200);
    });

    it('accepts application/json with a charset parameter on the v2 JSON APIs', async () => {
      const t = await api.tokens(app);
      const res = await fetch(`${server.base}${CREATE}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${t.access_token}`,
          'content-type': 'application/json; charset=utf-8',
        },
        body: JSON.stringify(order('charset-1')),
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('ok');
    });

    it('decodes a percent-encoded comma in fields', async () => {
      const t = await api.tokens(app);
      const r = await info(api, t.access_token, 'open_id%2Cunion_id');
      expect(r.status).toBe(200);
      expect(sortedKeys(r.body.data.user)).toEqual(['open_id', 'union_id']);
    });

    it('both scopes at once → the token scope lists both, comma-separated', async () => {
      const code = await api.code(app, user, 'user.info.basic,user.info.open_id');
      const r = await api.exchange(app, code);
      expect(r.status).toBe(200);
      expect(r.body.scope.split(',').sort()).toEqual(['user.info.basic', 'user.info.open_id']);
    });
  });

  describe('more OAuth decisions', () => {
    it('ignores redirect_uri and code_verifier sent by backends written for standard TikTok v2 (§6.3)', async () => {
      const r = await api.form(TOKEN, {
        client_key: app.client_key,
        client_secret: app.client_secret,
        code: await api.code(app, user),
        grant_type: 'authorization_code',
        redirect_uri: 'https://backend.example/callback',
        code_verifier: 'verifier',
      });
      expect(r.status).toBe(200);
    });

    it('sends no CORS grant: the Open API is backend-only (§6.1)', async () => {
      const t = await api.tokens(app);
      const res = await fetch(`${server.base}/v2/user/info/?fields=open_id`, {
        headers: { authorization: `Bearer ${t.access_token}`, origin: 'https://mini.example' },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('a refresh token is accepted as `token` by revoke (documented), and a new login keeps the open_id', async () => {
      const u = await api.createUser();
      const t = await api.tokens(app, 'user.info.basic', u);
      const r = await api.form(REVOKE, {
        client_key: app.client_key,
        client_secret: app.client_secret,
        token: t.refresh_token,
      });
      expect(r.status).toBe(200);
      expect((await info(api, t.access_token)).status).toBe(401);
      const again = await api.tokens(app, 'user.info.basic', u);
      expect(again.open_id).toBe(t.open_id);
    });
  });

  describe('identity and grant edge cases', () => {
    it('union_id differs between developers (organizations)', async () => {
      const u = await api.createUser();
      const a = await api.tokens(app, 'user.info.basic', u);
      const b = await api.tokens(await api.createApp(), 'user.info.basic', u);
      const ua = (await info(api, a.access_token, 'union_id')).body.data.user.union_id;
      const ub = (await info(api, b.access_token, 'union_id')).body.data.user.union_id;
      expect(ua).not.toBe(ub);
    });

    it('an unused code dies with a revoke of the same user and app (documented)', async () => {
      const u = await api.createUser();
      const t = await api.tokens(app, 'user.info.basic', u);
      const pending = await api.code(app, u);
      await api.form(REVOKE, {
        client_key: app.client_key,
        client_secret: app.client_secret,
        token: t.access_token,
      });
      expectOAuthError(await api.exchange(app, pending), 'invalid_grant', 400);
    });

    it('an access token presented as refresh_token, or a refresh token as code → invalid_grant', async () => {
      const t = await api.tokens(app);
      const r = await api.form(TOKEN, {
        client_key: app.client_key,
        client_secret: app.client_secret,
        grant_type: 'refresh_token',
        refresh_token: t.access_token,
      });
      expectOAuthError(r, 'invalid_grant', 400);
      expectOAuthError(await api.exchange(app, t.refresh_token), 'invalid_grant', 400);
    });
  });

  describe('payments', () => {
    for (const amount of [0, -5, 40_001, '100']) {
      it(`token_amount ${JSON.stringify(amount)} → 40001000 with data {}`, async () => {
        const t = await api.tokens(app);
        expectV2Error(
          await api.v2(CREATE, t.access_token, order(`amt-${String(amount)}`, amount)),
          '40001000',
          400,
        );
      });
    }

    it('check_redeem_amounts with an empty list or a non-number → 40001000', async () => {
      const t = await api.tokens(app);
      const check = (token_amounts: unknown) =>
        api.v2('/v2/minis/utility/check_redeem_amounts/', t.access_token, {
          token_type: 'BEANS',
          token_amounts,
        });
      expectV2Error(await check([]), '40001000', 400);
      expectV2Error(await check(['11']), '40001000', 400);
    });

    it('get_tier_infos without token_type → 40001000', async () => {
      const t = await api.tokens(app);
      const r = await api.v2('/v2/minis/utility/get_tier_infos/', t.access_token, {
        tier_ids: ['1731381720000100'],
      });
      expectV2Error(r, '40001000', 400);
    });

    it('two simultaneous creates with one order_id → exactly one ok, the other 20021002', async () => {
      const t = await api.tokens(app);
      const replies = await Promise.all([1, 2, 3].map(() => api.v2(CREATE, t.access_token, order('race-1'))));
      const codes = replies.map((r) => r.body.error.code).sort();
      expect(codes).toEqual(['20021002', '20021002', 'ok']);
      for (const r of replies.filter((x) => x.body.error.code !== 'ok')) expectV2Error(r, '20021002', 200);
    });

    it('an order belongs to the user, not to the token: a refreshed or new token of the buyer can query it', async () => {
      const t = await api.tokens(app);
      const toid = (await api.v2(CREATE, t.access_token, order('owner-1'))).body.data
        .trade_order_id as string;
      const refreshed = await api.form(TOKEN, {
        client_key: app.client_key,
        client_secret: app.client_secret,
        grant_type: 'refresh_token',
        refresh_token: t.refresh_token,
      });
      const q1 = await api.v2('/v2/minis/trade_order/query/', refreshed.body.access_token, {
        trade_order_id: toid,
      });
      expect(q1.body.error.code).toBe('ok');
      const relogin = await api.tokens(app, 'user.info.open_id', t.user_id);
      const q2 = await api.v2('/v2/minis/trade_order/query/', relogin.access_token, { trade_order_id: toid });
      expect(q2.body.data).toEqual({ trade_order_id: toid, trade_order_status: 'PENDING' });
    });

    it('a paid order keeps its order_id taken: a repeat is still 20021002', async () => {
      const t = await api.tokens(app);
      const toid = (await api.v2(CREATE, t.access_token, order('paid-dup'))).body.data
        .trade_order_id as string;
      expect((await api.control('POST', `/trade_orders/${toid}/pay`, {})).body.is_success).toBe(true);
      expectV2Error(await api.v2(CREATE, t.access_token, order('paid-dup')), '20021002', 200);
    });

    for (const [name, body] of [
      ['an array body', []],
      ['a null body', null],
      ['a string body', 'BEANS'],
      [
        'a numeric order_id',
        { token_type: 'BEANS', token_amount: 100, order_info: { order_id: 42, product_name: 'p' } },
      ],
      ['order_info as a string', { token_type: 'BEANS', token_amount: 100, order_info: 'x' }],
    ] as const) {
      it(`${name} on create → 40001000, never 500`, async () => {
        const t = await api.tokens(app);
        expectV2Error(await api.v2(CREATE, t.access_token, JSON.stringify(body)), '40001000', 400);
      });
    }

    it('a body over 1 MiB on a payment API → 40001000 like every other bad body (docs/payments.md)', async () => {
      const t = await api.tokens(app);
      const r = await api.v2(CREATE, t.access_token, {
        ...order('big-1'),
        order_info: { order_id: 'big-1', product_name: 'x'.repeat(1_100_000) },
      });
      expectV2Error(r, '40001000', 400);
    });

    it('the same order_id in another app is accepted (unique per app)', async () => {
      const other = await api.createApp();
      const t = await api.tokens(other);
      const r = await api.v2(CREATE, t.access_token, order('race-1'));
      expect(r.body.error.code).toBe('ok');
    });

    it('two simultaneous pays of one order → one success and exactly one webhook', async () => {
      const url = receiver.url(`double-pay-${engine}`);
      const payApp = await api.createApp({ webhook_url: url });
      const t = await api.tokens(payApp);
      const toid = (await api.v2(CREATE, t.access_token, order('double-pay'))).body.data
        .trade_order_id as string;
      const pays = await Promise.all(
        [1, 2, 3].map(() => api.control('POST', `/trade_orders/${toid}/pay`, {})),
      );
      expect(pays.filter((p) => p.body.is_success === true)).toHaveLength(1);
      await until(async () => (receiver.on(url).length > 0 ? true : undefined), 'the webhook');
      const d = await api.control('GET', `/webhooks/deliveries?app_id=${payApp.app_id}`);
      expect(d.body.deliveries).toHaveLength(1);
    });
  });

  describe('webhooks', () => {
    it('a 204 is not an acknowledgement: only 200 is (§7.2)', async () => {
      const url = receiver.url(`no-content-${engine}`, () => 204);
      const hookApp = await api.createApp({ webhook_url: url });
      const t = await api.tokens(hookApp);
      const toid = (await api.v2(CREATE, t.access_token, order('nc-1'))).body.data.trade_order_id as string;
      await api.control('POST', `/trade_orders/${toid}/pay`, {});
      const d = await until(async () => {
        const r = await api.control('GET', `/webhooks/deliveries?app_id=${hookApp.app_id}`);
        const x = r.body.deliveries[0];
        return x && x.attempts >= 1 && x.status !== 'delivering' ? x : undefined;
      }, 'the first attempt settled');
      expect(d.status).toBe('pending');
      expect(String(d.last_status)).toBe('204');
    });

    it("the portal's Test URL button POSTs one signed event (§7.1)", async () => {
      const url = receiver.url(`test-url-${engine}`);
      const hookApp = await api.createApp({ webhook_url: url });
      const r = await api.control('POST', `/apps/${hookApp.app_id}/webhooks/test`, {});
      expect(r.status).toBe(200);
      expect(r.body.ok).toBe(true);
      const [receipt] = await until(
        async () => (receiver.on(url).length ? receiver.on(url) : undefined),
        'test event',
      );
      expect(
        verifySignature(
          receipt?.headers['tiktok-signature'] as string,
          receipt?.body as Buffer,
          hookApp.client_secret,
        ).ok,
      ).toBe(true);
      const envelope = JSON.parse(receipt?.body.toString('utf8') ?? '{}');
      expect(sortedKeys(envelope)).toEqual(['client_key', 'content', 'create_time', 'event', 'user_openid']);
      expect(typeof envelope.content).toBe('string');
    });

    it('a redirect is a failed attempt and is not followed (docs/webhooks.md; §7.2 "anything else = failed")', async () => {
      const target = receiver.url(`redirect-target-${engine}`);
      const url = receiver.url(`redirect-${engine}`, () => 302, target);
      const hookApp = await api.createApp({ webhook_url: url });
      const t = await api.tokens(hookApp);
      const toid = (await api.v2(CREATE, t.access_token, order('redir-1'))).body.data
        .trade_order_id as string;
      await api.control('POST', `/trade_orders/${toid}/pay`, {});
      const d = await until(async () => {
        const r = await api.control('GET', `/webhooks/deliveries?app_id=${hookApp.app_id}`);
        const x = r.body.deliveries[0];
        return x && x.status === 'pending' && x.attempts === 1 ? x : undefined;
      }, 'a failed first attempt');
      expect(String(d.last_status)).toBe('302');
      expect(receiver.on(target)).toHaveLength(0);
    });

    it('signs with the current client secret after rotate_secret', async () => {
      const url = receiver.url(`rotated-${engine}`);
      const hookApp = await api.createApp({ webhook_url: url });
      const t = await api.tokens(hookApp);
      const rotated = await api.control('POST', `/apps/${hookApp.app_id}/rotate_secret`);
      expect(rotated.status).toBe(200);
      const secret = rotated.body.client_secret as string;
      expect(secret).not.toBe(hookApp.client_secret);
      const toid = (await api.v2(CREATE, t.access_token, order('rot-1'))).body.data.trade_order_id as string;
      await api.control('POST', `/trade_orders/${toid}/pay`, {});
      const [receipt] = await until(
        async () => (receiver.on(url).length ? receiver.on(url) : undefined),
        'webhook',
      );
      const header = receipt?.headers['tiktok-signature'] as string;
      expect(verifySignature(header, receipt?.body as Buffer, secret).ok).toBe(true);
      expect(verifySignature(header, receipt?.body as Buffer, hookApp.client_secret).ok).toBe(false);
      // The old secret no longer authenticates the app on the OAuth endpoints either.
      const r = await api.form(REVOKE, {
        client_key: hookApp.client_key,
        client_secret: hookApp.client_secret,
        token: 'x',
      });
      expectOAuthError(r, 'invalid_client', 401);
    });

    it('redeliver sends the same bytes again with a fresh valid signature', async () => {
      const url = receiver.url(`redeliver-${engine}`);
      const hookApp = await api.createApp({ webhook_url: url });
      const t = await api.tokens(hookApp);
      const toid = (await api.v2(CREATE, t.access_token, order('redeliver-1'))).body.data
        .trade_order_id as string;
      await api.control('POST', `/trade_orders/${toid}/pay`, {});
      await until(async () => (receiver.on(url).length ? true : undefined), 'webhook');
      const list = await api.control('GET', `/webhooks/deliveries?app_id=${hookApp.app_id}`);
      const again = await api.control(
        'POST',
        `/webhooks/deliveries/${list.body.deliveries[0].delivery_id}/redeliver`,
      );
      expect(again.status).toBeLessThan(300);
      const receipts = await until(
        async () => (receiver.on(url).length >= 2 ? receiver.on(url) : undefined),
        'redelivery',
      );
      expect(receipts[1]?.body.equals(receipts[0]?.body as Buffer)).toBe(true);
      expect(
        verifySignature(
          receipts[1]?.headers['tiktok-signature'] as string,
          receipts[1]?.body as Buffer,
          hookApp.client_secret,
        ).ok,
      ).toBe(true);
    });

    it('sends exactly the bytes the delivery record stores (serialised once, docs/webhooks.md)', async () => {
      const url = receiver.url(`bytes-${engine}`);
      const hookApp = await api.createApp({ webhook_url: url });
      const t = await api.tokens(hookApp);
      const toid = (await api.v2(CREATE, t.access_token, order('bytes-1'))).body.data
        .trade_order_id as string;
      await api.control('POST', `/trade_orders/${toid}/pay`, {});
      const [receipt] = await until(
        async () => (receiver.on(url).length ? receiver.on(url) : undefined),
        'webhook',
      );
      const list = await api.control('GET', `/webhooks/deliveries?app_id=${hookApp.app_id}`);
      const one = await api.control('GET', `/webhooks/deliveries/${list.body.deliveries[0].delivery_id}`);
      expect(one.body.body).toBe(receipt?.body.toString('utf8'));
    });
  });
});
