import type { Platform } from '@openminis/platform';
import { createTestPlatform } from '@openminis/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenApiError } from './errors';
import { OpenApiClient } from './openApiClient';

/**
 * The client against the real platform, in-process: the whole login flow of spec §5.7 through
 * the emulator control API (apps, users, login codes) and the Open API.
 */
let platform: Platform;
let app: { client_key: string; client_secret: string };
let userId: string;

const control = async <T>(path: string, body: unknown): Promise<T> => {
  const res = await platform.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 200 && res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};
const loginCode = async (scope?: string) =>
  (
    await control<{ code: string }>('/emulator/v1/login', {
      client_key: app.client_key,
      user_id: userId,
      ...(scope ? { scope } : {}),
    })
  ).code;
const clientFor = (clientSecret = app.client_secret) =>
  new OpenApiClient({
    baseUrl: 'http://openminis.test',
    clientKey: app.client_key,
    clientSecret,
    fetch: (input, init) => platform.app.fetch(new Request(input, init)),
  });

async function rejection(promise: Promise<unknown>): Promise<OpenApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OpenApiError) return error;
    throw error;
  }
  throw new Error('expected an OpenApiError');
}

beforeAll(async () => {
  platform = await createTestPlatform('sqlite');
  app = await control('/emulator/v1/apps', { name: 'Node client test' });
  userId = (await control<{ user_id: string }>('/emulator/v1/users', { display_name: 'Ada' })).user_id;
});
afterAll(async () => {
  await platform?.close();
});

describe('OpenApiClient against the platform', () => {
  it('login code → exchange → user info → refresh → revoke', async () => {
    const client = clientFor();
    const tokens = await client.exchangeCode(await loginCode('user.info.basic'));
    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.expires_in).toBe(86400);
    expect(tokens.refresh_expires_in).toBeGreaterThan(0);
    expect(tokens.scope.split(',')).toContain('user.info.basic');

    const user = await client.getUserInfo(tokens.access_token, ['open_id', 'union_id', 'display_name']);
    expect(user.open_id).toBe(tokens.open_id);
    expect(user.display_name).toBe('Ada');
    expect(typeof user.union_id).toBe('string');

    const refreshed = await client.refreshToken(tokens.refresh_token);
    expect(refreshed.open_id).toBe(tokens.open_id);
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    const again = await client.getUserInfo(refreshed.access_token, ['open_id']);
    expect(again).toEqual({ open_id: tokens.open_id });

    await client.revokeToken(refreshed.access_token);
    const revoked = await rejection(client.getUserInfo(refreshed.access_token, ['open_id']));
    expect(revoked.kind).toBe('api');
    expect(revoked.isAuthError()).toBe(true);
  });

  it('a code works once: reuse is invalid_grant, an auth error', async () => {
    const client = clientFor();
    const code = await loginCode();
    await client.exchangeCode(code);
    const reused = await rejection(client.exchangeCode(code));
    expect(reused).toMatchObject({ kind: 'oauth', code: 'invalid_grant' });
    expect(reused.logId).toBeTruthy();
    expect(reused.isAuthError()).toBe(true);
  });

  it('a wrong client secret is invalid_client', async () => {
    const error = await rejection(clientFor('wrong-secret').exchangeCode(await loginCode()));
    expect(error).toMatchObject({ kind: 'oauth', code: 'invalid_client' });
  });

  it('an access token expires with the platform clock', async () => {
    const client = clientFor();
    const tokens = await client.exchangeCode(await loginCode());
    await control('/emulator/v1/clock', { advance_seconds: 86400 + 1 });
    const expired = await rejection(client.getUserInfo(tokens.access_token, ['open_id']));
    expect(expired).toMatchObject({ code: 'access_token_invalid', httpStatus: 401 });
    expect(expired.isAuthError()).toBe(true);
    const refreshed = await client.refreshToken(tokens.refresh_token);
    expect((await client.getUserInfo(refreshed.access_token, ['open_id'])).open_id).toBe(tokens.open_id);
  });
});

describe('payment client against the platform (spec §6.5)', () => {
  async function buyer() {
    const client = clientFor();
    const tokens = await client.exchangeCode(await loginCode());
    return { client, token: tokens.access_token };
  }

  it('reads tiers by id and validates redeem amounts', async () => {
    const { client, token } = await buyer();
    const { tiers } = (await (await platform.app.request('/emulator/v1/tiers')).json()) as {
      tiers: Array<{ tier_id: string; token_amount: number }>;
    };
    const first = tiers[0];
    if (!first) throw new Error('the platform lists no tiers');
    const { tier_infos } = await client.getTierInfos(token, [first.tier_id]);
    expect(tier_infos[first.tier_id]).toMatchObject({
      tier_id: first.tier_id,
      token_amount: first.token_amount,
      token_type: 'BEANS',
    });
    expect(typeof (await client.checkRedeemAmounts(token, [10, 50])).valid).toBe('boolean');
  });

  it('create → PENDING → user pays → SUCCESS; a duplicate order_id is 20021002', async () => {
    const { client, token } = await buyer();
    const order_info = {
      order_id: `node-it-${Date.now()}`,
      product_name: 'Episode 3',
      quantity: 1,
      quantity_unit: 'episode',
    };
    const { trade_order_id } = await client.createTradeOrder(token, { token_amount: 30, order_info });
    expect(await client.queryTradeOrder(token, trade_order_id)).toEqual({
      trade_order_id,
      trade_order_status: 'PENDING',
    });

    await control(`/emulator/v1/users/${userId}/beans`, { amount: 100 });
    const paid = await control<{ is_success: boolean }>(
      `/emulator/v1/trade_orders/${trade_order_id}/pay`,
      {},
    );
    expect(paid.is_success).toBe(true);
    expect((await client.queryTradeOrder(token, trade_order_id)).trade_order_status).toBe('SUCCESS');

    const duplicate = await rejection(client.createTradeOrder(token, { token_amount: 30, order_info }));
    expect(duplicate).toMatchObject({ kind: 'api', code: '20021002' });
    expect(duplicate.isAuthError()).toBe(false);
  });

  it('an unknown trade order is 20011002', async () => {
    const { client, token } = await buyer();
    expect(await rejection(client.queryTradeOrder(token, 'TOID-does-not-exist'))).toMatchObject({
      code: '20011002',
    });
  });
});
