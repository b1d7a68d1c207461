import { expect, it } from 'vitest';
import { LOG_ID_PATTERN } from '../../http/log-id';
import { createTestPlatform, describeEachEngine, testClient } from '../../testing';

type OwnError = { error: { code: string; message: string; log_id: string } };

async function expectOwnError(res: Response, status: number, code: string): Promise<OwnError> {
  expect(res.status).toBe(status);
  const body = (await res.json()) as OwnError;
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  expect(body.error.log_id).toMatch(LOG_ID_PATTERN);
  return body;
}

describeEachEngine('emulator control API', (ctx) => {
  const t = () => testClient(ctx.platform);

  it('creates an app with a new organization, and a second app in the same one', async () => {
    const res = await t().post('/emulator/v1/apps', {
      name: 'Drama',
      webhook_url: 'https://backend.example/webhook',
      trusted_domains: ['https://api.example.com', 'wss://ws.example.com/', 'https://api.example.com'],
    });
    expect(res.status).toBe(201);
    const app = (await res.json()) as Record<string, unknown>;
    expect(app).toMatchObject({
      app_id: expect.stringMatching(/^\d{19}$/),
      org_id: expect.stringMatching(/^\d{19}$/),
      client_key: expect.stringMatching(/^aw[0-9a-z]{14}$/),
      client_secret: expect.stringMatching(/^[0-9A-Za-z]{32}$/),
      name: 'Drama',
      webhook_url: 'https://backend.example/webhook',
      trusted_domains: ['https://api.example.com', 'wss://ws.example.com'],
    });
    const second = await t().createApp({ org_id: app.org_id });
    expect(second.org_id).toBe(app.org_id);
    const fetched = await t().json<Record<string, unknown>>(
      ctx.platform.app.request(`/emulator/v1/apps/${app.app_id}`),
    );
    expect(fetched).toEqual(app);
    const list = await t().json<{ apps: unknown[] }>(
      ctx.platform.app.request(`/emulator/v1/apps?org_id=${app.org_id}`),
    );
    expect(list.apps).toHaveLength(2);
  });

  it('validates app input with messages that name the field', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{}, /name/],
      [{ name: 'x'.repeat(51) }, /name/],
      [{ name: 'A', trusted_domains: ['http://insecure.example'] }, /trusted_domains\[0\].*https:\/\//],
      [{ name: 'A', trusted_domains: ['https://*.example.com'] }, /wildcard/],
      [{ name: 'A', trusted_domains: ['https://example.com/path'] }, /paths/],
      [
        { name: 'A', trusted_domains: Array.from({ length: 21 }, (_, i) => `https://d${i}.example`) },
        /trusted_domains/,
      ],
      [{ name: 'A', webhook_url: 'ftp://x' }, /webhook_url/],
      [{ name: 'A', org_id: 'missing' }, /organization/],
      [{ name: 'A', extra: 1 }, /extra/],
    ];
    for (const [body, message] of cases) {
      const res = await t().post('/emulator/v1/apps', body);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(((await res.json()) as OwnError).error.message).toMatch(message);
    }
    await expectOwnError(
      await ctx.platform.app.request('/emulator/v1/apps', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{',
      }),
      400,
      'invalid_request',
    );
    await expectOwnError(
      await ctx.platform.app.request('/emulator/v1/apps', {
        method: 'POST',
        body: 'name=x',
        headers: { 'content-type': 'text/plain' },
      }),
      400,
      'invalid_request',
    );
  });

  it('updates an app and rotates its secret', async () => {
    const app = await t().createApp();
    const patched = await t().json<{ webhook_url: string; name: string }>(
      ctx.platform.app.request(`/emulator/v1/apps/${app.app_id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Renamed', webhook_url: 'https://hooks.example/x' }),
      }),
    );
    expect(patched).toMatchObject({ name: 'Renamed', webhook_url: 'https://hooks.example/x' });
    const rotated = await t().json<{ client_secret: string }>(
      t().post(`/emulator/v1/apps/${app.app_id}/rotate_secret`, {}),
    );
    expect(rotated.client_secret).not.toBe(app.client_secret);
    const user = await t().createUser();
    const { code } = await t().login(app.client_key, user.user_id);
    expect((await t().exchange(app, code)).status).toBe(401);
    expect((await t().exchange({ ...app, client_secret: rotated.client_secret }, code)).status).toBe(200);
  });

  it('creates users with defaults or given profile', async () => {
    const plain = await t().json<Record<string, string>>(t().post('/emulator/v1/users', {}));
    expect(plain.user_id).toMatch(/^usr_/);
    expect(plain.display_name).toMatch(/^Test User \d{4}$/);
    expect(plain.avatar_url).toContain(`/avatars/${plain.user_id}`);
    const avatar = await ctx.platform.app.request(new URL(plain.avatar_url as string).pathname);
    expect(avatar.headers.get('content-type')).toBe('image/svg+xml');
    const named = await t().createUser({ display_name: 'Bo', avatar_url: 'https://cdn.example/bo.png' });
    expect(named).toMatchObject({ display_name: 'Bo', avatar_url: 'https://cdn.example/bo.png' });
    const got = await t().json<{ user_id: string }>(
      ctx.platform.app.request(`/emulator/v1/users/${named.user_id}`),
    );
    expect(got.user_id).toBe(named.user_id);
    await expectOwnError(await ctx.platform.app.request('/emulator/v1/users/usr_missing'), 404, 'not_found');
    await expectOwnError(
      await t().post('/emulator/v1/users', { avatar_url: 'javascript:alert(1)' }),
      400,
      'invalid_request',
    );
  });

  it('issues login and authorize codes, and rejects unknown scopes, apps and users', async () => {
    const app = await t().createApp();
    const user = await t().createUser();
    const login = await t().json<{ code: string; scope: string; expires_in: number }>(
      t().post('/emulator/v1/login', { client_key: app.client_key, user_id: user.user_id }),
    );
    expect(login).toEqual({ code: expect.any(String), scope: 'user.info.open_id', expires_in: 300 });
    const authorize = await t().login(app.client_key, user.user_id, 'user.info.basic');
    expect(authorize.scope).toBe('user.info.basic');
    // The login endpoint stands in for TikTok's authorize step: OAuth error objects.
    const oauthError = async (body: unknown, status: number, error: string) => {
      const res = await t().post('/emulator/v1/login', body);
      expect(res.status).toBe(status);
      expect(await res.json()).toEqual({
        error,
        error_description: expect.any(String),
        log_id: expect.stringMatching(LOG_ID_PATTERN),
      });
    };
    const base = { client_key: app.client_key, user_id: user.user_id };
    await oauthError({ ...base, scope: 'user.info.phone' }, 400, 'invalid_scope');
    await oauthError({ ...base, scope: 'user.info.basic,video.list' }, 400, 'invalid_scope');
    await oauthError({ ...base, client_key: 'nope' }, 400, 'invalid_client');
    await oauthError({ ...base, user_id: 'usr_nope' }, 400, 'invalid_request');
    await oauthError({ client_key: app.client_key }, 400, 'invalid_request');
  });

  it('reports identities per app and organization', async () => {
    const app = await t().createApp();
    const user = await t().createUser();
    const identity = await t().json<{ open_id: string; union_id: string }>(
      ctx.platform.app.request(`/emulator/v1/users/${user.user_id}/identity?client_key=${app.client_key}`),
    );
    const { tokens } = await t().signIn({ app });
    expect(tokens.open_id).not.toBe(identity.open_id);
    const { code } = await t().login(app.client_key, user.user_id);
    expect((await t().json<{ open_id: string }>(t().exchange(app, code))).open_id).toBe(identity.open_id);
  });

  it('manages test users, at most 30 per app', async () => {
    const app = await t().createApp();
    const put = (userId: string) =>
      ctx.platform.app.request(`/emulator/v1/apps/${app.app_id}/test_users/${userId}`, { method: 'PUT' });
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const user = await t().createUser();
      ids.push(user.user_id);
      expect((await put(user.user_id)).status).toBe(200);
    }
    expect((await put(ids[0] as string)).status).toBe(200);
    await expectOwnError(await put((await t().createUser()).user_id), 409, 'test_user_limit');
    const list = await t().json<{ user_ids: string[] }>(
      ctx.platform.app.request(`/emulator/v1/apps/${app.app_id}/test_users`),
    );
    expect([...list.user_ids].sort()).toEqual([...ids].sort());
    await ctx.platform.app.request(`/emulator/v1/apps/${app.app_id}/test_users/${ids[0]}`, {
      method: 'DELETE',
    });
    expect((await put((await t().createUser()).user_id)).status).toBe(200);
  });

  it('reads, advances and sets the clock', async () => {
    const before = await t().json<{ now: number; offset_ms: number }>(
      ctx.platform.app.request('/emulator/v1/clock'),
    );
    const after = await t().json<{ now: number; iso: string }>(
      t().post('/emulator/v1/clock', { advance_seconds: 3600 }),
    );
    expect(after.now - before.now).toBeGreaterThanOrEqual(3_600_000);
    expect(new Date(after.iso).getTime()).toBe(after.now);
    const set = await t().json<{ now: number }>(
      t().post('/emulator/v1/clock', { now: '2030-01-01T00:00:00Z' }),
    );
    expect(set.now - Date.parse('2030-01-01T00:00:00Z')).toBeLessThan(60_000);
    expect(set.now).toBeGreaterThanOrEqual(Date.parse('2030-01-01T00:00:00Z'));
    await expectOwnError(
      await t().post('/emulator/v1/clock', { advance_seconds: -1 }),
      400,
      'invalid_request',
    );
    await expectOwnError(
      await t().post('/emulator/v1/clock', { advance_seconds: 1, now: 1 }),
      400,
      'invalid_request',
    );
  });

  it('resets everything (data and clock)', async () => {
    const { app, tokens } = await t().signIn();
    await t().advanceClock(10);
    expect((await t().post('/emulator/v1/reset', {})).status).toBe(200);
    expect((await t().userInfo(tokens.access_token, 'open_id')).status).toBe(401);
    await expectOwnError(await ctx.platform.app.request(`/emulator/v1/apps/${app.app_id}`), 404, 'not_found');
    expect(ctx.platform.clock.offsetMs).toBe(0);
    expect((await t().signIn()).tokens.access_token).toMatch(/^act\./);
  });
});

it('closes the control API in production without an admin token, and guards it with one', async () => {
  const secretKey = 'k'.repeat(32);
  const closed = await createTestPlatform('sqlite', { config: { mode: 'production', secretKey } });
  try {
    expect((await closed.app.request('/emulator/v1/users', { method: 'POST' })).status).toBe(404);
  } finally {
    await closed.close();
  }
  const adminToken = 'admin-token-0123456789abcdef';
  const guarded = await createTestPlatform('sqlite', {
    config: { mode: 'production', secretKey, adminToken },
  });
  try {
    const t = testClient(guarded);
    await expectOwnError(await t.post('/emulator/v1/users', {}), 401, 'unauthorized');
    await expectOwnError(
      await t.post('/emulator/v1/users', {}, { authorization: `Bearer ${adminToken}x` }),
      401,
      'unauthorized',
    );
    expect((await t.post('/emulator/v1/users', {}, { authorization: `Bearer ${adminToken}` })).status).toBe(
      201,
    );
    // The Open API itself stays open.
    expect((await guarded.app.request('/healthz')).status).toBe(200);
  } finally {
    await guarded.close();
  }
});
