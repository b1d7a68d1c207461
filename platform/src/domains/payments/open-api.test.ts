import { expect, it } from 'vitest';
import { LOG_ID_PATTERN } from '../../http/log-id';
import { describeEachEngine } from '../../testing';
import { paymentsClient } from './payments-test-helpers';
import { DEFAULT_TIERS } from './tiers';

describeEachEngine('payment Open API (spec §6.5)', (ctx) => {
  const p = () => paymentsClient(ctx.platform);

  it('lists tiers in the documented shape, keyed by tier_id', async () => {
    const { tokens } = await p().signIn();
    const res = await p().v2<{ tier_infos: Record<string, unknown> }>(
      '/v2/minis/utility/get_tier_infos/',
      tokens.access_token,
      {
        token_type: 'BEANS',
        tier_ids: ['1731381720000100'],
      },
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: {
        tier_infos: {
          '1731381720000100': {
            tier_id: '1731381720000100',
            tier_name: 'pd_beans_showcase_100',
            token_amount: 100,
            token_type: 'BEANS',
            price: '1.19',
            currency: 'USD',
            symbol: '$',
          },
        },
      },
      error: { code: 'ok', message: '', log_id: expect.stringMatching(LOG_ID_PATTERN) },
    });
    const all = await p().v2<{ tier_infos: Record<string, unknown> }>(
      '/v2/minis/utility/get_tier_infos/',
      tokens.access_token,
      {
        token_type: 'BEANS',
      },
    );
    expect(Object.keys(all.body.data.tier_infos)).toEqual(DEFAULT_TIERS.map((t) => t.tier_id));
    const unknown = await p().v2('/v2/minis/utility/get_tier_infos/', tokens.access_token, {
      token_type: 'BEANS',
      tier_ids: ['nope'],
    });
    expect(unknown.status).toBe(200);
    expect(unknown.body).toMatchObject({ data: {}, error: { code: '20001003' } });
    const coins = await p().v2('/v2/minis/utility/get_tier_infos/', tokens.access_token, {
      token_type: 'COINS',
    });
    expect(coins.status).toBe(400);
    expect(coins.body.error.code).toBe('40001000');
    expect(coins.body.error.message).toMatch(/token_type/);
  });

  it('creates orders, rejects a repeated order_id with 20021002 and accepts iamge_url', async () => {
    const { tokens } = await p().signIn();
    const first = await p().createOrder(tokens.access_token, 100, 'dup-1', {
      iamge_url: 'https://cdn.example/p.png',
    });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      data: { trade_order_id: expect.stringMatching(/^TOID[0-9a-f]{20}$/) },
      error: { code: 'ok', message: '', log_id: expect.stringMatching(LOG_ID_PATTERN) },
    });
    const stored = await p().json<{ image_url: string; token_amount: number; trade_order_status: string }>(
      ctx.platform.app.request(`/emulator/v1/trade_orders/${first.body.data.trade_order_id}`),
    );
    expect(stored).toMatchObject({
      image_url: 'https://cdn.example/p.png',
      token_amount: 100,
      trade_order_status: 'PENDING',
    });
    const again = await p().createOrder(tokens.access_token, 100, 'dup-1');
    expect(again.status).toBe(200);
    expect(again.body).toEqual({
      data: {},
      error: {
        code: '20021002',
        message: expect.stringContaining('dup-1'),
        log_id: expect.stringMatching(LOG_ID_PATTERN),
      },
    });
    // Unique per app: another app may reuse the id.
    const other = await p().signIn();
    expect((await p().createOrder(other.tokens.access_token, 100, 'dup-1')).body.error.code).toBe('ok');
  });

  it('answers invalid parameters with 40001000 (HTTP 400) naming the field', async () => {
    const { tokens } = await p().signIn();
    const cases: Array<[unknown, RegExp]> = [
      [
        { token_type: 'BEANS', token_amount: 0, order_info: { order_id: 'a', product_name: 'x' } },
        /token_amount/,
      ],
      [
        { token_type: 'BEANS', token_amount: 1.5, order_info: { order_id: 'a', product_name: 'x' } },
        /token_amount/,
      ],
      [
        { token_type: 'BEANS', token_amount: 40_001, order_info: { order_id: 'a', product_name: 'x' } },
        /token_amount/,
      ],
      [{ token_type: 'BEANS', token_amount: 10, order_info: { product_name: 'x' } }, /order_info\.order_id/],
      [{ token_type: 'BEANS', token_amount: 10, order_info: { order_id: 'a' } }, /order_info\.product_name/],
      [{ token_amount: 10, order_info: { order_id: 'a', product_name: 'x' } }, /token_type/],
    ];
    for (const [body, message] of cases) {
      const res = await p().v2('/v2/minis/trade_order/create/', tokens.access_token, body);
      expect(res.status).toBe(400);
      expect(res.body.data).toEqual({});
      expect(res.body.error.code).toBe('40001000');
      expect(res.body.error.message).toMatch(message);
    }
    const notJson = await ctx.platform.app.request('/v2/minis/trade_order/create/', {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.access_token}`, 'content-type': 'application/json' },
      body: '{',
    });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: { code: string } }).error.code).toBe('40001000');
  });

  it('needs a valid user access token', async () => {
    for (const path of [
      '/v2/minis/utility/get_tier_infos/',
      '/v2/minis/trade_order/create/',
      '/v2/minis/trade_order/query/',
      '/v2/minis/utility/check_redeem_amounts/',
    ]) {
      const res = await p().v2(path, 'act.nope', { token_type: 'BEANS' });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ data: {}, error: { code: 'access_token_invalid' } });
    }
  });

  it('queries PENDING then SUCCESS, and hides other users and apps with 20011002', async () => {
    const buyer = await p().signIn();
    const id = await p().newOrder(buyer.tokens.access_token, 50);
    const pending = await p().query(buyer.tokens.access_token, id);
    expect(pending.body).toEqual({
      data: { trade_order_id: id, trade_order_status: 'PENDING' },
      error: { code: 'ok', message: '', log_id: expect.stringMatching(LOG_ID_PATTERN) },
    });
    expect((await p().pay(id)).is_success).toBe(true);
    expect((await p().query(buyer.tokens.access_token, id)).body.data.trade_order_status).toBe('SUCCESS');
    // Without trailing slash too (spec §6.1).
    const noSlash = await p().v2('/v2/minis/trade_order/query', buyer.tokens.access_token, {
      trade_order_id: id,
    });
    expect(noSlash.body.data).toEqual({ trade_order_id: id, trade_order_status: 'SUCCESS' });

    const sameAppOtherUser = await p().signIn({ app: buyer.app });
    const otherApp = await p().signIn();
    for (const token of [sameAppOtherUser.tokens.access_token, otherApp.tokens.access_token]) {
      const res = await p().query(token, id);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ data: {}, error: { code: '20011002' } });
    }
    expect((await p().query(buyer.tokens.access_token, 'TOIDmissing')).body.error.code).toBe('20011002');
    expect(
      (await p().v2('/v2/minis/trade_order/query/', buyer.tokens.access_token, {})).body.error.code,
    ).toBe('40001000');
  });

  it('checks redeem amounts against the pricing policy (integers 1–40000)', async () => {
    const { tokens } = await p().signIn();
    const check = async (amounts: unknown) =>
      p().v2<{ valid: boolean }>('/v2/minis/utility/check_redeem_amounts/', tokens.access_token, {
        token_type: 'BEANS',
        token_amounts: amounts,
      });
    expect((await check([11, 19, 999, 2999])).body).toMatchObject({
      data: { valid: true },
      error: { code: 'ok' },
    });
    expect((await check([1, 40_000])).body.data.valid).toBe(true);
    for (const bad of [[0], [40_001], [10, 1.5], [-3]])
      expect((await check(bad)).body.data.valid).toBe(false);
    for (const malformed of [[], ['10'], 'x']) {
      const res = await check(malformed);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('40001000');
    }
  });
});
