import { describe, expect, it } from 'vitest';
import { OpenApiError } from './errors';
import { OpenApiClient } from './openApiClient';
import { createCapturingFetch, envelope, json } from './testing';

const TOKEN_BODY = {
  access_token: 'act.example12345Example12345Example',
  expires_in: 86400,
  open_id: 'afd97af1-b87b-48b9-ac98-410aghda5344',
  refresh_expires_in: 31536000,
  refresh_token: 'rft.example12345Example12345Example',
  scope: 'user.info.basic,video.list',
  token_type: 'Bearer',
};
const ACT = 'act.example12345Example12345Example';

function clientWith(...responses: Parameters<typeof createCapturingFetch>) {
  const capture = createCapturingFetch(...responses);
  const client = new OpenApiClient({
    baseUrl: 'https://open.example.test/',
    clientKey: 'ck_123',
    clientSecret: 'cs_456',
    fetch: capture.fetch,
  });
  return { client, requests: capture.requests };
}

async function rejection(promise: Promise<unknown>): Promise<OpenApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OpenApiError) return error;
    throw error;
  }
  throw new Error('expected an OpenApiError');
}

describe('OpenApiClient OAuth (spec §6.3)', () => {
  it('exchanges a code with a form body and returns the flat answer', async () => {
    const { client, requests } = clientWith(json(TOKEN_BODY));
    expect(await client.exchangeCode('code-abc')).toEqual(TOKEN_BODY);
    const [req] = requests;
    expect(req?.method).toBe('POST');
    expect(req?.url.href).toBe('https://open.example.test/v2/oauth/token/');
    expect(req?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(req?.headers['cache-control']).toBe('no-cache');
    expect(req?.headers.authorization).toBeUndefined();
    expect(Object.fromEntries(new URLSearchParams(req?.body))).toEqual({
      client_key: 'ck_123',
      client_secret: 'cs_456',
      code: 'code-abc',
      grant_type: 'authorization_code',
    });
  });

  it('URL-decodes a code that arrives escaped, and form-encodes special characters', async () => {
    const { client, requests } = clientWith(json(TOKEN_BODY), json(TOKEN_BODY));
    await client.exchangeCode('abc%2A%21def');
    await client.exchangeCode('a+b&c=d');
    expect(new URLSearchParams(requests[0]?.body).get('code')).toBe('abc*!def');
    expect(new URLSearchParams(requests[1]?.body).get('code')).toBe('a+b&c=d');
  });

  it('refreshes with grant_type=refresh_token', async () => {
    const { client, requests } = clientWith(json({ ...TOKEN_BODY, refresh_token: 'rft.new' }));
    expect((await client.refreshToken('rft.old')).refresh_token).toBe('rft.new');
    expect(Object.fromEntries(new URLSearchParams(requests[0]?.body))).toEqual({
      client_key: 'ck_123',
      client_secret: 'cs_456',
      grant_type: 'refresh_token',
      refresh_token: 'rft.old',
    });
  });

  it('revokes with the token in the form body; empty body is success', async () => {
    const { client, requests } = clientWith(new Response(null, { status: 200 }), new Response('{}'));
    await expect(client.revokeToken(ACT)).resolves.toBeUndefined();
    await expect(client.revokeToken(ACT)).resolves.toBeUndefined();
    expect(requests[0]?.url.pathname).toBe('/v2/oauth/revoke/');
    expect(Object.fromEntries(new URLSearchParams(requests[0]?.body))).toEqual({
      client_key: 'ck_123',
      client_secret: 'cs_456',
      token: ACT,
    });
  });

  it('turns an OAuth error object into OpenApiError, whatever the status', async () => {
    const body = {
      error: 'invalid_grant',
      error_description: 'Authorization code is expired.',
      log_id: 'L1',
    };
    const { client } = clientWith(
      json(body, 400),
      json(body, 200),
      json({ error: 'invalid_client', log_id: 'L2' }, 401),
    );
    for (let i = 0; i < 2; i++) {
      const error = await rejection(client.exchangeCode('old'));
      expect(error).toMatchObject({
        kind: 'oauth',
        code: 'invalid_grant',
        description: 'Authorization code is expired.',
        logId: 'L1',
      });
      expect(error.isAuthError()).toBe(true);
      expect(error.message).toContain('POST /v2/oauth/token/');
      expect(error.message).not.toContain('cs_456');
    }
    const wrongSecret = await rejection(client.exchangeCode('c'));
    expect(wrongSecret).toMatchObject({ code: 'invalid_client', httpStatus: 401, description: '' });
  });

  it('rejects a 2xx answer without tokens and a non-JSON error page', async () => {
    const { client } = clientWith(
      json({ hello: 1 }),
      new Response('<html>Bad gateway</html>', { status: 502 }),
    );
    expect(await rejection(client.exchangeCode('c'))).toMatchObject({
      kind: 'invalid_response',
      code: 'invalid_response',
    });
    const gateway = await rejection(client.exchangeCode('c'));
    expect(gateway).toMatchObject({ kind: 'http', code: 'http_502', httpStatus: 502 });
    expect(gateway.description).toContain('Bad gateway');
    expect(gateway.isRetryable()).toBe(true);
  });
});

describe('OpenApiClient v2 APIs', () => {
  it('gets user info with Bearer auth and literal commas in fields', async () => {
    const user = { open_id: 'o1', union_id: 'u1', avatar_url: 'https://a/b.png' };
    const { client, requests } = clientWith(envelope({ user }));
    expect(await client.getUserInfo(ACT, ['open_id', 'union_id', 'avatar_url'])).toEqual(user);
    const [req] = requests;
    expect(req?.method).toBe('GET');
    expect(req?.url.pathname).toBe('/v2/user/info/');
    expect(req?.url.search).toBe('?fields=open_id,union_id,avatar_url');
    expect(req?.headers.authorization).toBe(`Bearer ${ACT}`);
    expect(req?.body).toBe('');
  });

  it('maps v2 error envelopes: access_token_invalid is an auth error', async () => {
    const { client } = clientWith(
      json(
        {
          data: {},
          error: { code: 'access_token_invalid', message: 'The access token is invalid.', log_id: 'LX' },
        },
        401,
      ),
      json(
        { data: {}, error: { code: 'scope_permission_missed', message: 'need scope', log_id: 'LY' } },
        400,
      ),
    );
    const expired = await rejection(client.getUserInfo(ACT, ['open_id']));
    expect(expired).toMatchObject({
      kind: 'api',
      code: 'access_token_invalid',
      httpStatus: 401,
      logId: 'LX',
    });
    expect(expired.isAuthError()).toBe(true);
    const scope = await rejection(client.getUserInfo(ACT, ['display_name']));
    expect(scope.isAuthError()).toBe(false);
    expect(scope.description).toBe('need scope');
  });

  it('gets tier infos', async () => {
    const tier = {
      tier_id: '1731381720000100',
      tier_name: 'pd_beans_showcase_100',
      token_amount: 100,
      token_type: 'BEANS',
      price: '1.19',
      currency: 'USD',
      symbol: '$',
    };
    const { client, requests } = clientWith(envelope({ tier_infos: { [tier.tier_id]: tier } }));
    const result = await client.getTierInfos(ACT, ['1731381720000100']);
    expect(result.tier_infos['1731381720000100']).toEqual(tier);
    expect(requests[0]?.url.pathname).toBe('/v2/minis/utility/get_tier_infos/');
    expect(requests[0]?.headers['content-type']).toBe('application/json');
    expect(requests[0]?.headers.authorization).toBe(`Bearer ${ACT}`);
    expect(JSON.parse(requests[0]?.body ?? '')).toEqual({
      token_type: 'BEANS',
      tier_ids: ['1731381720000100'],
    });
  });

  it('creates a trade order with token_type BEANS and order_info as given', async () => {
    const { client, requests } = clientWith(envelope({ trade_order_id: 'TOID1732533244259' }));
    const order_info = {
      order_id: 'shop-1',
      product_name: 'Episode 3',
      product_id: 'ep-3',
      quantity: 1,
      quantity_unit: 'episode',
      image_url: 'https://img/ep3.png',
    };
    expect(await client.createTradeOrder(ACT, { token_amount: 30, order_info })).toEqual({
      trade_order_id: 'TOID1732533244259',
    });
    expect(requests[0]?.url.pathname).toBe('/v2/minis/trade_order/create/');
    expect(JSON.parse(requests[0]?.body ?? '')).toEqual({
      token_type: 'BEANS',
      token_amount: 30,
      order_info,
    });
  });

  it('surfaces numeric business codes such as a duplicate order id', async () => {
    const { client } = clientWith(
      json({
        data: {},
        error: { code: '20021002', message: 'outer order id already exists', log_od: 'LOD' },
      }),
    );
    const error = await rejection(
      client.createTradeOrder(ACT, { token_amount: 30, order_info: { order_id: 'dup', product_name: 'x' } }),
    );
    expect(error).toMatchObject({ kind: 'api', code: '20021002', httpStatus: 200, logId: 'LOD' });
    expect(error.isAuthError()).toBe(false);
  });

  it('queries a trade order and checks redeem amounts', async () => {
    const { client, requests } = clientWith(
      envelope({ trade_order_id: 'TOID1', trade_order_status: 'SUCCESS' }),
      envelope({ valid: true }),
    );
    expect(await client.queryTradeOrder(ACT, 'TOID1')).toEqual({
      trade_order_id: 'TOID1',
      trade_order_status: 'SUCCESS',
    });
    expect(await client.checkRedeemAmounts(ACT, [11, 19, 999, 2999])).toEqual({ valid: true });
    expect(requests.map((r) => r.url.pathname)).toEqual([
      '/v2/minis/trade_order/query/',
      '/v2/minis/utility/check_redeem_amounts/',
    ]);
    expect(JSON.parse(requests[0]?.body ?? '')).toEqual({ trade_order_id: 'TOID1' });
    expect(JSON.parse(requests[1]?.body ?? '')).toEqual({
      token_type: 'BEANS',
      token_amounts: [11, 19, 999, 2999],
    });
  });

  it('calls the subscription endpoints with the documented bodies (spec §6.6)', async () => {
    const { client, requests } = clientWith(
      envelope({ trade_order_id: 'T1' }),
      envelope({ trade_order_id: 'T2' }),
      envelope({ subscriptions: [] }),
      envelope({ subscription: { subscription_id: 'S1' } }),
      envelope({ trade_order_id: 'T1', subscription_id: 'S1', trade_order_status: 'REFUNDED' }),
      envelope({ subscription_tiers_info: {} }),
    );
    const order_info = { order_id: 'o', product_name: 'VIP' };
    await client.subscriptions.create(ACT, { tier_id: 'sandbox_499_1M', order_info });
    await client.subscriptions.reactivate(ACT, { subscription_id: 'S1', order_info });
    expect(await client.subscriptions.getActiveList(ACT)).toEqual({ subscriptions: [] });
    await client.subscriptions.getSubscriptionInfo(ACT, 'T1');
    expect((await client.subscriptions.getTradeOrderInfo(ACT, 'T1')).trade_order_status).toBe('REFUNDED');
    await client.subscriptions.getTierInfo(ACT, ['sandbox_499_1M'], 'android');
    expect(requests.map((r) => [r.url.pathname, JSON.parse(r.body)])).toEqual([
      ['/v2/minis/subscription/create/', { tier_id: 'sandbox_499_1M', order_info }],
      ['/v2/minis/subscription/reactivate/', { subscription_id: 'S1', order_info }],
      ['/v2/minis/subscription/get_active_list/', {}],
      ['/v2/minis/subscription/get_subscription_info/', { trade_order_id: 'T1' }],
      ['/v2/minis/subscription/get_trade_order_info/', { trade_order_id: 'T1' }],
      [
        '/v2/minis/subscription/get_subscription_tier_info/',
        { tier_ids: ['sandbox_499_1M'], device_platform: 'android' },
      ],
    ]);
  });

  it('rejects answers that are not the documented shape', async () => {
    const { client } = clientWith(
      json({ trade_order_id: 'T' }),
      envelope({}),
      new Response('', { status: 500 }),
    );
    expect((await rejection(client.queryTradeOrder(ACT, 'T'))).kind).toBe('invalid_response');
    const missing = await rejection(client.queryTradeOrder(ACT, 'T'));
    expect(missing.description).toContain('"trade_order_id"');
    expect(await rejection(client.queryTradeOrder(ACT, 'T'))).toMatchObject({
      kind: 'http',
      httpStatus: 500,
    });
  });
});

describe('OpenApiClient arguments and transport', () => {
  const make = (options: Partial<ConstructorParameters<typeof OpenApiClient>[0]> = {}) =>
    new OpenApiClient({ clientKey: 'k', clientSecret: 's', fetch: async () => json({}), ...options });

  it('validates options and arguments before sending anything', async () => {
    expect(() => make({ baseUrl: 'open.tiktokapis.com' })).toThrow(/absolute http\(s\) URL/);
    expect(() => make({ baseUrl: 'ftp://x' })).toThrow(/http or https/);
    expect(() => make({ clientKey: '' })).toThrow(/clientKey must be a non-empty string/);
    expect(() => make({ timeoutMs: 0 })).toThrow(/timeoutMs/);
    const client = make();
    await expect(client.exchangeCode('')).rejects.toThrow(
      /exchangeCode: code must be a non-empty string.*found an empty string/,
    );
    await expect(client.getUserInfo(ACT, [])).rejects.toThrow(/fields must be a non-empty array/);
    await expect(client.getUserInfo('', ['open_id'])).rejects.toThrow(/accessToken/);
    await expect(
      client.createTradeOrder(ACT, { token_amount: 1.5, order_info: { order_id: 'o', product_name: 'p' } }),
    ).rejects.toThrow(/token_amount must be a positive integer number of Beans, found 1.5/);
    await expect(
      client.createTradeOrder(ACT, { token_amount: 10, order_info: { order_id: '', product_name: 'p' } }),
    ).rejects.toThrow(/order_info.order_id/);
    await expect(client.checkRedeemAmounts(ACT, [10, -1])).rejects.toThrow(/amounts\[1\]/);
  });

  it('defaults to TikTok and keeps a base path', async () => {
    expect(new OpenApiClient({ clientKey: 'k', clientSecret: 's' }).baseUrl).toBe(
      'https://open.tiktokapis.com',
    );
    const { fetch, requests } = createCapturingFetch(json(TOKEN_BODY));
    const client = new OpenApiClient({
      baseUrl: 'http://127.0.0.1:9/tiktok//',
      clientKey: 'k',
      clientSecret: 's',
      fetch,
    });
    await client.exchangeCode('c');
    expect(requests[0]?.url.href).toBe('http://127.0.0.1:9/tiktok/v2/oauth/token/');
  });

  it('sends a User-Agent when configured', async () => {
    const { fetch, requests } = createCapturingFetch(envelope({ valid: true }));
    await make({ fetch, userAgent: 'drama-shop/1.0' }).checkRedeemAmounts(ACT, [10]);
    expect(requests[0]?.headers['user-agent']).toBe('drama-shop/1.0');
  });

  it('times out even when the injected fetch ignores the abort signal', async () => {
    const client = make({ timeoutMs: 20, fetch: () => new Promise<Response>(() => {}) });
    const error = await rejection(client.queryTradeOrder(ACT, 'T'));
    expect(error).toMatchObject({ kind: 'timeout', code: 'timeout', httpStatus: 0 });
    expect(error.isRetryable()).toBe(true);
  });

  it('reports network failures with the cause', async () => {
    const boom = new TypeError('fetch failed');
    const error = await rejection(make({ fetch: () => Promise.reject(boom) }).queryTradeOrder(ACT, 'T'));
    expect(error).toMatchObject({ kind: 'network', code: 'network_error' });
    expect(error.cause).toBe(boom);
  });

  it('refuses oversized answers', async () => {
    const huge = new Response(new Uint8Array(5 * 1024 * 1024).fill(32));
    const error = await rejection(make({ fetch: async () => huge }).queryTradeOrder(ACT, 'T'));
    expect(error.code).toBe('response_too_large');
  });
});
