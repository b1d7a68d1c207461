import { describe, expect, it } from 'vitest';
import { LOG_ID_PATTERN } from '../../http/log-id';
import { createTestPlatform, describeEachEngine, testClient } from '../../testing';

const expectOAuthError = async (res: Response, status: number, error: string) => {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/json');
  const body = (await res.json()) as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(['error', 'error_description', 'log_id']);
  expect(body.error).toBe(error);
  expect(typeof body.error_description).toBe('string');
  expect(body.error_description).not.toBe('');
  expect(body.log_id).toMatch(LOG_ID_PATTERN);
  return body;
};

describeEachEngine('POST /v2/oauth/token/ authorization_code', (ctx) => {
  const t = () => testClient(ctx.platform);

  it('returns the flat token object of spec §6.3, field by field', async () => {
    const app = await t().createApp();
    const user = await t().createUser();
    const { code } = await t().login(app.client_key, user.user_id);
    const res = await t().exchange(app, code);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual([
      'access_token',
      'expires_in',
      'open_id',
      'refresh_expires_in',
      'refresh_token',
      'scope',
      'token_type',
    ]);
    expect(body.access_token).toMatch(/^act\.[0-9A-Za-z]+$/);
    expect(body.refresh_token).toMatch(/^rft\.[0-9A-Za-z]+$/);
    expect(body.expires_in).toBe(86400);
    expect(body.refresh_expires_in).toBe(31536000);
    expect(body.token_type).toBe('Bearer');
    expect(body.scope).toBe('user.info.open_id');
    expect(body.open_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('reports the scopes granted through authorize', async () => {
    const { tokens } = await t().signIn({ scope: 'user.info.basic,user.info.open_id' });
    expect(tokens.scope).toBe('user.info.basic,user.info.open_id');
  });

  it('gives the same open_id to the same user of one app across logins', async () => {
    const app = await t().createApp();
    const user = await t().createUser();
    const first = await t().signIn({ app });
    const a = await t().json<{ open_id: string }>(
      t().exchange(app, (await t().login(app.client_key, user.user_id)).code),
    );
    const b = await t().json<{ open_id: string }>(
      t().exchange(app, (await t().login(app.client_key, user.user_id)).code),
    );
    expect(a.open_id).toBe(b.open_id);
    expect(a.open_id).not.toBe(first.tokens.open_id);
  });

  it('accepts the path without the trailing slash', async () => {
    const app = await t().createApp();
    const user = await t().createUser();
    const { code } = await t().login(app.client_key, user.user_id);
    const res = await t().form('/v2/oauth/token', {
      client_key: app.client_key,
      client_secret: app.client_secret,
      grant_type: 'authorization_code',
      code,
    });
    expect(res.status).toBe(200);
  });

  it('lets a code work once; reuse fails and revokes the tokens it issued', async () => {
    const app = await t().createApp();
    const user = await t().createUser();
    const { code } = await t().login(app.client_key, user.user_id);
    const tokens = await t().json<{ access_token: string; refresh_token: string }>(t().exchange(app, code));
    expect((await t().userInfo(tokens.access_token, 'open_id')).status).toBe(200);
    await expectOAuthError(await t().exchange(app, code), 400, 'invalid_grant');
    expect((await t().userInfo(tokens.access_token, 'open_id')).status).toBe(401);
    await expectOAuthError(await t().refresh(app, tokens.refresh_token), 400, 'invalid_grant');
  });

  it('gives exactly one success to two concurrent exchanges of one code', async () => {
    const app = await t().createApp();
    const user = await t().createUser();
    const { code } = await t().login(app.client_key, user.user_id);
    const results = await Promise.all([
      t().exchange(app, code),
      t().exchange(app, code),
      t().exchange(app, code),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400, 400]);
  });

  it('refuses a code of app A presented by app B, and the code still works for A', async () => {
    const appA = await t().createApp();
    const appB = await t().createApp();
    const user = await t().createUser();
    const { code } = await t().login(appA.client_key, user.user_id);
    await expectOAuthError(await t().exchange(appB, code), 400, 'invalid_grant');
    expect((await t().exchange(appA, code)).status).toBe(200);
  });

  it('expires a code after 5 minutes', async () => {
    const app = await t().createApp();
    const user = await t().createUser();
    const fresh = await t().login(app.client_key, user.user_id);
    const stale = await t().login(app.client_key, user.user_id);
    await t().advanceClock(240);
    expect((await t().exchange(app, fresh.code)).status).toBe(200);
    await t().advanceClock(60);
    const body = await expectOAuthError(await t().exchange(app, stale.code), 400, 'invalid_grant');
    expect(body.error_description).toMatch(/expired/i);
  });

  it('refuses unknown codes', async () => {
    const app = await t().createApp();
    await expectOAuthError(await t().exchange(app, 'not-a-code'), 400, 'invalid_grant');
  });

  it('answers invalid_client (401) for a wrong secret or an unknown key', async () => {
    const app = await t().createApp();
    const user = await t().createUser();
    const { code } = await t().login(app.client_key, user.user_id);
    await expectOAuthError(
      await t().exchange({ ...app, client_secret: `${app.client_secret}x` }, code),
      401,
      'invalid_client',
    );
    await expectOAuthError(
      await t().exchange({ ...app, client_key: 'awunknownkey00' }, code),
      401,
      'invalid_client',
    );
    // A failed client authentication does not consume the code.
    expect((await t().exchange(app, code)).status).toBe(200);
  });

  describe('missing parameters are invalid_request', () => {
    for (const missing of ['client_key', 'client_secret', 'code', 'grant_type']) {
      it(`without ${missing}`, async () => {
        const app = await t().createApp();
        const fields: Record<string, string> = {
          client_key: app.client_key,
          client_secret: app.client_secret,
          grant_type: 'authorization_code',
          code: 'whatever',
        };
        delete fields[missing];
        const body = await expectOAuthError(
          await t().form('/v2/oauth/token/', fields),
          400,
          'invalid_request',
        );
        expect(body.error_description).toContain(
          missing.replace('_', ' ').replace(/^./, (c) => c.toUpperCase()),
        );
      });
    }
  });

  it('answers unsupported_grant_type for unknown grant types, before client authentication', async () => {
    for (const grant of ['client_credentials', 'password', 'AUTHORIZATION_CODE', 'x'.repeat(3000)]) {
      const res = await t().form('/v2/oauth/token/', {
        client_key: 'k',
        client_secret: 's',
        grant_type: grant,
        code: 'c',
      });
      await expectOAuthError(res, 400, 'unsupported_grant_type');
    }
  });

  it('answers invalid_request for JSON, malformed forms, repeated and oversized parameters', async () => {
    const app = await t().createApp();
    const json = await ctx.platform.app.request('/v2/oauth/token/', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        client_key: app.client_key,
        client_secret: app.client_secret,
        grant_type: 'authorization_code',
      }),
    });
    await expectOAuthError(json, 400, 'invalid_request');
    const noType = await ctx.platform.app.request('/v2/oauth/token/', {
      method: 'POST',
      body: 'grant_type=authorization_code',
    });
    await expectOAuthError(noType, 400, 'invalid_request');
    const malformed = await ctx.platform.app.request('/v2/oauth/token/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '%%%&&&==&grant_type=%E0%A4%A',
    });
    await expectOAuthError(malformed, 400, 'invalid_request');
    const repeated = await ctx.platform.app.request('/v2/oauth/token/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=authorization_code&grant_type=refresh_token',
    });
    await expectOAuthError(repeated, 400, 'invalid_request');
    const huge = await t().form('/v2/oauth/token/', {
      client_key: app.client_key,
      client_secret: app.client_secret,
      grant_type: 'authorization_code',
      code: 'c'.repeat(1_000_000),
    });
    await expectOAuthError(huge, 400, 'invalid_request');
    const overLimit = await t().form('/v2/oauth/token/', {
      grant_type: 'authorization_code',
      code: 'c'.repeat(1_100_000),
    });
    await expectOAuthError(overLimit, 400, 'invalid_request');
    const empty = await t().form('/v2/oauth/token/', {});
    await expectOAuthError(empty, 400, 'invalid_request');
  });

  it('answers 405 in the OAuth error shape for other methods', async () => {
    const res = await ctx.platform.app.request('/v2/oauth/token/', { method: 'GET' });
    await expectOAuthError(res, 405, 'invalid_request');
    expect(res.headers.get('allow')).toBe('POST');
  });
});

it('expires codes at exactly 300 s and access tokens at exactly 86400 s (frozen base clock)', async () => {
  const frozen = { now: () => Date.UTC(2026, 0, 1) };
  const platform = await createTestPlatform('sqlite', { baseClock: frozen });
  try {
    const t = testClient(platform);
    const app = await t.createApp();
    const user = await t.createUser();
    const early = await t.login(app.client_key, user.user_id);
    const late = await t.login(app.client_key, user.user_id);
    platform.clock.advance(299_999);
    const tokens = await t.json<{ access_token: string }>(t.exchange(app, early.code));
    platform.clock.advance(1);
    await expectOAuthError(await t.exchange(app, late.code), 400, 'invalid_grant');
    platform.clock.advance(86_400_000 - 2);
    expect((await t.userInfo(tokens.access_token, 'open_id')).status).toBe(200);
    platform.clock.advance(1);
    expect((await t.userInfo(tokens.access_token, 'open_id')).status).toBe(401);
  } finally {
    await platform.close();
  }
});
