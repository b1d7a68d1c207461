import { expect, it } from 'vitest';
import { LOG_ID_PATTERN } from '../../http/log-id';
import { describeEachEngine, testClient } from '../../testing';

type Envelope = { data: Record<string, unknown>; error: { code: string; message: string; log_id: string } };

async function expectV2Error(res: Response, status: number, code: string): Promise<Envelope> {
  expect(res.status).toBe(status);
  const body = (await res.json()) as Envelope;
  expect(Object.keys(body).sort()).toEqual(['data', 'error']);
  expect(body.data).toEqual({});
  expect(Object.keys(body.error).sort()).toEqual(['code', 'log_id', 'message']);
  expect(body.error.code).toBe(code);
  expect(body.error.message).not.toBe('');
  expect(body.error.log_id).toMatch(LOG_ID_PATTERN);
  return body;
}

describeEachEngine('GET /v2/user/info/', (ctx) => {
  const t = () => testClient(ctx.platform);

  it('returns only the requested fields in the v2 envelope', async () => {
    const app = await t().createApp();
    const user = await t().createUser({
      display_name: 'Ada Lovelace',
      avatar_url: 'https://cdn.example/ada.png',
    });
    const { code } = await t().login(app.client_key, user.user_id, 'user.info.basic');
    const tokens = await t().json<{ access_token: string; open_id: string }>(t().exchange(app, code));
    const res = await t().userInfo(
      tokens.access_token,
      'open_id,union_id,avatar_url,avatar_url_100,avatar_large_url,display_name',
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as Envelope;
    expect(Object.keys(body).sort()).toEqual(['data', 'error']);
    expect(body.error).toEqual({ code: 'ok', message: '', log_id: expect.stringMatching(LOG_ID_PATTERN) });
    expect(body.error.log_id).toHaveLength(34);
    const userInfo = body.data.user as Record<string, string>;
    expect(Object.keys(body.data)).toEqual(['user']);
    expect(userInfo).toEqual({
      open_id: tokens.open_id,
      union_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      avatar_url: 'https://cdn.example/ada.png',
      avatar_url_100: 'https://cdn.example/ada.png',
      avatar_large_url: 'https://cdn.example/ada.png',
      display_name: 'Ada Lovelace',
    });
    const one = (await (await t().userInfo(tokens.access_token, 'display_name')).json()) as Envelope;
    expect(one.data).toEqual({ user: { display_name: 'Ada Lovelace' } });
  });

  it('accepts the path without the trailing slash', async () => {
    const { tokens } = await t().signIn();
    const res = await ctx.platform.app.request('/v2/user/info?fields=open_id', {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(res.status).toBe(200);
  });

  it('gives open_id and union_id to a plain login, the profile only with user.info.basic', async () => {
    const { tokens } = await t().signIn();
    expect((await t().userInfo(tokens.access_token, 'open_id,union_id')).status).toBe(200);
    await expectV2Error(
      await t().userInfo(tokens.access_token, 'open_id,display_name'),
      401,
      'scope_not_authorized',
    );
    await expectV2Error(await t().userInfo(tokens.access_token, 'avatar_url'), 401, 'scope_not_authorized');
  });

  it('shares union_id across the apps of one organization, not open_id', async () => {
    const appA = await t().createApp();
    const appB = await t().createApp({ org_id: appA.org_id });
    const appC = await t().createApp();
    const user = await t().createUser();
    const ids = [];
    for (const app of [appA, appB, appC]) {
      const { code } = await t().login(app.client_key, user.user_id);
      const tokens = await t().json<{ access_token: string }>(t().exchange(app, code));
      const body = (await (await t().userInfo(tokens.access_token, 'open_id,union_id')).json()) as Envelope;
      ids.push(body.data.user as { open_id: string; union_id: string });
    }
    const [a, b, c] = ids as [
      { open_id: string; union_id: string },
      { open_id: string; union_id: string },
      { open_id: string; union_id: string },
    ];
    expect(a.union_id).toBe(b.union_id);
    expect(a.union_id).not.toBe(c.union_id);
    expect(new Set([a.open_id, b.open_id, c.open_id]).size).toBe(3);
  });

  it('answers invalid_params when fields is missing or empty', async () => {
    const { tokens } = await t().signIn();
    const auth = { authorization: `Bearer ${tokens.access_token}` };
    await expectV2Error(
      await ctx.platform.app.request('/v2/user/info/', { headers: auth }),
      400,
      'invalid_params',
    );
    await expectV2Error(
      await ctx.platform.app.request('/v2/user/info/?fields=', { headers: auth }),
      400,
      'invalid_params',
    );
    await expectV2Error(
      await ctx.platform.app.request('/v2/user/info/?fields=,,', { headers: auth }),
      400,
      'invalid_params',
    );
  });

  it('answers scope_permission_missed for fields Minis apps cannot have', async () => {
    const { tokens } = await t().signIn({ scope: 'user.info.basic' });
    await expectV2Error(
      await t().userInfo(tokens.access_token, 'open_id,follower_count'),
      400,
      'scope_permission_missed',
    );
    await expectV2Error(await t().userInfo(tokens.access_token, '__proto__'), 400, 'scope_permission_missed');
  });

  it('answers access_token_invalid for missing, malformed, unknown, expired and revoked tokens', async () => {
    const { app, tokens } = await t().signIn();
    const request = (headers: Record<string, string>) =>
      ctx.platform.app.request('/v2/user/info/?fields=open_id', { headers });
    await expectV2Error(await request({}), 401, 'access_token_invalid');
    await expectV2Error(await request({ authorization: tokens.access_token }), 401, 'access_token_invalid');
    await expectV2Error(await request({ authorization: 'Bearer act.unknown' }), 401, 'access_token_invalid');
    await expectV2Error(
      await request({ authorization: `Bearer ${'a'.repeat(100_000)}` }),
      401,
      'access_token_invalid',
    );
    expect((await request({ authorization: `bearer ${tokens.access_token}` })).status).toBe(200);
    await t().revoke(app, tokens.access_token);
    await expectV2Error(
      await request({ authorization: `Bearer ${tokens.access_token}` }),
      401,
      'access_token_invalid',
    );
    const fresh = await t().signIn();
    await t().advanceClock(86400);
    await expectV2Error(
      await t().userInfo(fresh.tokens.access_token, 'open_id'),
      401,
      'access_token_invalid',
    );
  });

  it('answers 405 in the v2 envelope for other methods', async () => {
    await expectV2Error(
      await ctx.platform.app.request('/v2/user/info/', { method: 'POST' }),
      405,
      'invalid_params',
    );
  });
});
