// Black-box conformance in production mode: the Open API behaves the same, the control API is guarded,
// and webhook URLs must be HTTPS (§7.2 "The endpoint must be HTTPS"; docs/webhooks.md, docs/emulator-api.md).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, LOG_ID, sortedKeys } from './api';
import { engines, type RunningServer, startServer } from './server';

const ADMIN = randomBytes(24).toString('hex');

describe.each(engines())('production mode (%s)', (engine) => {
  let server: RunningServer;
  let api: Api;

  beforeAll(async () => {
    server = await startServer(engine, {
      OPENMINIS_MODE: 'production',
      OPENMINIS_SECRET_KEY: randomBytes(32).toString('hex'),
      OPENMINIS_ADMIN_TOKEN: ADMIN,
    });
    api = new Api(server.base, ADMIN);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('the control API needs the admin token (401 without it, or with a wrong one)', async () => {
    const anonymous = new Api(server.base);
    const r = await anonymous.control('GET', '/clock');
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('unauthorized');
    expect((await new Api(server.base, `${ADMIN}x`).control('GET', '/clock')).status).toBe(401);
    expect((await api.control('GET', '/clock')).status).toBe(200);
  });

  it('rejects an http:// webhook URL and accepts https:// (§7.2)', async () => {
    const bad = await api.control('POST', '/apps', {
      name: 'prod-http',
      webhook_url: 'http://backend.example/hook',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_request');
    const good = await api.control('POST', '/apps', {
      name: 'prod-https',
      webhook_url: 'https://backend.example/hook',
    });
    expect(good.status).toBe(201);
  });

  it('the Open API works unchanged: exchange, user info, create order', async () => {
    const app = await api.createApp();
    const t = await api.tokens(app);
    expect(t.token_type).toBe('Bearer');
    const info = await api.v2('/v2/user/info/?fields=open_id', t.access_token, undefined, 'GET');
    expect(info.body).toEqual({
      data: { user: { open_id: t.open_id } },
      error: { code: 'ok', message: '', log_id: expect.stringMatching(LOG_ID) },
    });
    const order = await api.v2('/v2/minis/trade_order/create/', t.access_token, {
      token_type: 'BEANS',
      token_amount: 10,
      order_info: { order_id: 'prod-1', product_name: 'Episode 1' },
    });
    expect(sortedKeys(order.body.data)).toEqual(['trade_order_id']);
  });

  it('OAuth errors keep their shape in production (no stack traces, no extra keys)', async () => {
    const r = await api.form('/v2/oauth/token/', { grant_type: 'authorization_code' });
    expect(r.status).toBe(400);
    expect(sortedKeys(r.body)).toEqual(['error', 'error_description', 'log_id']);
  });
});
