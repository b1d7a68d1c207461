// Black-box conformance: spec §6.5 (Beans payment APIs) and §10 #27, #30.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, type App, LOG_ID, type Reply, sortedKeys, type Tokens } from './api';
import { engines, type RunningServer, startServer } from './server';

const TIERS = '/v2/minis/utility/get_tier_infos/';
const CREATE = '/v2/minis/trade_order/create/';
const QUERY = '/v2/minis/trade_order/query/';
const CHECK = '/v2/minis/utility/check_redeem_amounts/';
// Documented choice (docs/payments.md): bad parameters of the payment APIs answer the Minis
// code 40001000 with HTTP 400 (§6.2 lists it as "invalid parameters"; §10 #30).
const INVALID_PARAMS = '40001000';

function expectEnvelope(r: Reply, code: string, status: number): void {
  expect({ status: r.status, code: r.body?.error?.code }).toEqual({ status, code });
  expect(sortedKeys(r.body)).toEqual(['data', 'error']);
  expect(sortedKeys(r.body.error)).toEqual(['code', 'log_id', 'message']);
  expect(r.body.error.log_id).toMatch(LOG_ID);
  if (code === 'ok') expect(r.body.error.message).toBe('');
}

let seq = 0;
const orderId = () => `conf-order-${Date.now()}-${seq++}`;

describe.each(engines())('payments conformance (%s)', (engine) => {
  let server: RunningServer;
  let api: Api;
  let app: App;
  let buyer: Tokens;

  const create = (token: string, body: Record<string, unknown>) => api.v2(CREATE, token, body);
  const order = (id = orderId(), extra: Record<string, unknown> = {}) => ({
    token_type: 'BEANS',
    token_amount: 120,
    order_info: { order_id: id, product_name: 'Episode 2', ...extra },
  });

  beforeAll(async () => {
    server = await startServer(engine);
    api = new Api(server.base);
    app = await api.createApp();
    buyer = await api.tokens(app);
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe('get_tier_infos', () => {
    it('answers a map keyed by tier_id with all seven keys and their types', async () => {
      const r = await api.v2(TIERS, buyer.access_token, {
        token_type: 'BEANS',
        tier_ids: ['1731381720000100'],
      });
      expectEnvelope(r, 'ok', 200);
      expect(sortedKeys(r.body.data)).toEqual(['tier_infos']);
      expect(Object.keys(r.body.data.tier_infos)).toEqual(['1731381720000100']);
      const tier = r.body.data.tier_infos['1731381720000100'];
      expect(sortedKeys(tier)).toEqual([
        'currency',
        'price',
        'symbol',
        'tier_id',
        'tier_name',
        'token_amount',
        'token_type',
      ]);
      expect(tier.tier_id).toBe('1731381720000100');
      expect(tier.token_type).toBe('BEANS');
      expect(Number.isInteger(tier.token_amount)).toBe(true);
      expect(tier.price).toMatch(/^\d+(\.\d+)?$/);
      expect(tier.currency).toMatch(/^[A-Z]{3}$/);
      expect(typeof tier.symbol).toBe('string');
      expect(typeof tier.tier_name).toBe('string');
    });

    it('several ids → one entry per id', async () => {
      const ids = ['1731381720000010', '1731381720000100'];
      const r = await api.v2(TIERS, buyer.access_token, { token_type: 'BEANS', tier_ids: ids });
      expectEnvelope(r, 'ok', 200);
      expect(Object.keys(r.body.data.tier_infos).sort()).toEqual(ids);
      for (const id of ids) expect(r.body.data.tier_infos[id].tier_id).toBe(id);
    });

    it('no tier_ids → the whole catalogue, every entry keyed by its own tier_id (documented extension)', async () => {
      const r = await api.v2(TIERS, buyer.access_token, { token_type: 'BEANS' });
      expectEnvelope(r, 'ok', 200);
      const entries = Object.entries(
        r.body.data.tier_infos as Record<string, { tier_id: string; token_type: string }>,
      );
      expect(entries.length).toBeGreaterThan(1);
      for (const [id, tier] of entries) {
        expect(tier.tier_id).toBe(id);
        expect(tier.token_type).toBe('BEANS');
      }
    });

    it('an unknown tier id → 20001003 (tier ID invalid)', async () => {
      const r = await api.v2(TIERS, buyer.access_token, { token_type: 'BEANS', tier_ids: ['999'] });
      expect(r.body.error.code).toBe('20001003');
      expect(r.status).toBe(200);
    });

    it('wrong token_type → invalid params', async () => {
      const r = await api.v2(TIERS, buyer.access_token, {
        token_type: 'COINS',
        tier_ids: ['1731381720000100'],
      });
      expectEnvelope(r, INVALID_PARAMS, 400);
    });

    it('bad token → 401 access_token_invalid', async () => {
      const r = await api.v2(TIERS, 'act.bogus', { token_type: 'BEANS', tier_ids: ['1731381720000100'] });
      expectEnvelope(r, 'access_token_invalid', 401);
    });
  });

  describe('trade_order/create and query', () => {
    it('creates an order → data exactly {trade_order_id}; query says PENDING, then SUCCESS once paid', async () => {
      const r = await create(buyer.access_token, order());
      expectEnvelope(r, 'ok', 200);
      expect(sortedKeys(r.body.data)).toEqual(['trade_order_id']);
      const toid = r.body.data.trade_order_id;
      expect(typeof toid).toBe('string');
      expect(toid.length).toBeGreaterThan(0);

      const q = await api.v2(QUERY, buyer.access_token, { trade_order_id: toid });
      expectEnvelope(q, 'ok', 200);
      expect(q.body.data).toEqual({ trade_order_id: toid, trade_order_status: 'PENDING' });

      const paid = await api.control('POST', `/trade_orders/${toid}/pay`, {});
      expect(paid.status).toBe(200);
      expect(paid.body.is_success).toBe(true);

      const q2 = await api.v2(QUERY, buyer.access_token, { trade_order_id: toid });
      expectEnvelope(q2, 'ok', 200);
      expect(q2.body.data).toEqual({ trade_order_id: toid, trade_order_status: 'SUCCESS' });
    });

    it('accepts every optional order_info field', async () => {
      const r = await create(
        buyer.access_token,
        order(orderId(), {
          product_id: 'p-1',
          order_url: '/orders/1',
          quantity: 2,
          quantity_unit: 'episode',
          image_url: 'https://cdn.example/ep2.png',
        }),
      );
      expectEnvelope(r, 'ok', 200);
    });

    it("accepts the samples' misspelling iamge_url as image_url (§10 #27)", async () => {
      const r = await create(
        buyer.access_token,
        order(orderId(), { iamge_url: 'https://cdn.example/ep2.png' }),
      );
      expectEnvelope(r, 'ok', 200);
      const o = await api.control('GET', `/trade_orders/${r.body.data.trade_order_id}`);
      expect(JSON.stringify(o.body)).toContain('https://cdn.example/ep2.png');
    });

    it('a duplicate order_info.order_id → 20021002', async () => {
      const id = orderId();
      expectEnvelope(await create(buyer.access_token, order(id)), 'ok', 200);
      const again = await create(buyer.access_token, order(id));
      expectEnvelope(again, '20021002', 200);
    });

    it('accepts the utility paths without trailing slash (§10 #27)', async () => {
      const tiers = await api.v2(TIERS.slice(0, -1), buyer.access_token, {
        token_type: 'BEANS',
        tier_ids: ['1731381720000100'],
      });
      expectEnvelope(tiers, 'ok', 200);
      const check = await api.v2(CHECK.slice(0, -1), buyer.access_token, {
        token_type: 'BEANS',
        token_amounts: [11],
      });
      expectEnvelope(check, 'ok', 200);
    });

    it('accepts the paths without trailing slash', async () => {
      const r = await api.v2(CREATE.slice(0, -1), buyer.access_token, order());
      expectEnvelope(r, 'ok', 200);
      const q = await api.v2(QUERY.slice(0, -1), buyer.access_token, {
        trade_order_id: r.body.data.trade_order_id,
      });
      expectEnvelope(q, 'ok', 200);
    });

    it('an unknown trade_order_id → 20011002', async () => {
      const q = await api.v2(QUERY, buyer.access_token, { trade_order_id: 'TOID00000000000000000000' });
      expectEnvelope(q, '20011002', 200);
    });

    it("another user's or another app's order → 20011002", async () => {
      const r = await create(buyer.access_token, order());
      const toid = r.body.data.trade_order_id;
      const stranger = await api.tokens(app);
      expectEnvelope(await api.v2(QUERY, stranger.access_token, { trade_order_id: toid }), '20011002', 200);
      const otherApp = await api.createApp();
      const sameUserOtherApp = await api.tokens(otherApp, 'user.info.basic', buyer.user_id);
      expectEnvelope(
        await api.v2(QUERY, sameUserOtherApp.access_token, { trade_order_id: toid }),
        '20011002',
        200,
      );
    });

    for (const [name, body] of [
      [
        'wrong token_type',
        { token_type: 'COINS', token_amount: 120, order_info: { order_id: 'x1', product_name: 'p' } },
      ],
      ['missing token_type', { token_amount: 120, order_info: { order_id: 'x2', product_name: 'p' } }],
      ['missing token_amount', { token_type: 'BEANS', order_info: { order_id: 'x3', product_name: 'p' } }],
      [
        'non-integer token_amount',
        { token_type: 'BEANS', token_amount: 1.5, order_info: { order_id: 'x4', product_name: 'p' } },
      ],
      ['missing order_info', { token_type: 'BEANS', token_amount: 120 }],
      ['missing order_id', { token_type: 'BEANS', token_amount: 120, order_info: { product_name: 'p' } }],
      ['missing product_name', { token_type: 'BEANS', token_amount: 120, order_info: { order_id: 'x5' } }],
    ] as const) {
      it(`${name} → invalid params (400)`, async () => {
        expectEnvelope(await create(buyer.access_token, body), INVALID_PARAMS, 400);
      });
    }

    it('a body that is not JSON → invalid params, never 500', async () => {
      expectEnvelope(await api.v2(CREATE, buyer.access_token, '{"token_type":'), INVALID_PARAMS, 400);
    });

    it('a 1 MB product_name → a documented error, never 500', async () => {
      const r = await create(buyer.access_token, order(orderId(), { product_name: 'x'.repeat(1024 * 1024) }));
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
    });

    it('query without trade_order_id → invalid params', async () => {
      expectEnvelope(await api.v2(QUERY, buyer.access_token, {}), INVALID_PARAMS, 400);
    });

    it('bad token → 401 access_token_invalid on create and query', async () => {
      expectEnvelope(await create('act.bogus', order()), 'access_token_invalid', 401);
      expectEnvelope(
        await api.v2(QUERY, undefined, { trade_order_id: 'TOID1' }),
        'access_token_invalid',
        401,
      );
    });
  });

  describe('check_redeem_amounts', () => {
    it('the spec example is valid → data exactly {valid: true}', async () => {
      const r = await api.v2(CHECK, buyer.access_token, {
        token_type: 'BEANS',
        token_amounts: [11, 19, 999, 2999],
      });
      expectEnvelope(r, 'ok', 200);
      expect(r.body.data).toEqual({ valid: true });
    });

    it('one non-compliant amount → {valid: false} (documented policy: integers 1…40000)', async () => {
      const r = await api.v2(CHECK, buyer.access_token, { token_type: 'BEANS', token_amounts: [11, 40001] });
      expectEnvelope(r, 'ok', 200);
      expect(r.body.data).toEqual({ valid: false });
      const zero = await api.v2(CHECK, buyer.access_token, { token_type: 'BEANS', token_amounts: [0] });
      expect(zero.body.data).toEqual({ valid: false });
    });

    it('wrong token_type or missing amounts → invalid params', async () => {
      expectEnvelope(
        await api.v2(CHECK, buyer.access_token, { token_type: 'X', token_amounts: [11] }),
        INVALID_PARAMS,
        400,
      );
      expectEnvelope(await api.v2(CHECK, buyer.access_token, { token_type: 'BEANS' }), INVALID_PARAMS, 400);
    });

    it('bad token → 401 access_token_invalid', async () => {
      const r = await api.v2(CHECK, 'act.bogus', { token_type: 'BEANS', token_amounts: [11] });
      expectEnvelope(r, 'access_token_invalid', 401);
    });
  });

  it('a revoked buyer token → 401 access_token_invalid', async () => {
    const t = await api.tokens(app);
    await api.form('/v2/oauth/revoke/', {
      client_key: app.client_key,
      client_secret: app.client_secret,
      token: t.access_token,
    });
    expectEnvelope(await create(t.access_token, order()), 'access_token_invalid', 401);
  });
});
