// Black-box conformance: spec §6.4 (GET /v2/user/info/) and the §6.1/§6.2 v2 envelope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, type App, LOG_ID, type Reply, sortedKeys, type Tokens } from './api';
import { engines, type RunningServer, startServer } from './server';

const FIELDS = ['open_id', 'union_id', 'avatar_url', 'avatar_url_100', 'avatar_large_url', 'display_name'];

function expectEnvelope(r: Reply, code: string, status: number): void {
  expect({ status: r.status, code: r.body?.error?.code }).toEqual({ status, code });
  expect(sortedKeys(r.body)).toEqual(['data', 'error']);
  expect(sortedKeys(r.body.error)).toEqual(['code', 'log_id', 'message']);
  expect(typeof r.body.error.message).toBe('string');
  expect(r.body.error.log_id).toMatch(LOG_ID);
  if (code === 'ok') expect(r.body.error.message).toBe('');
}

describe.each(engines())('user info conformance (%s)', (engine) => {
  let server: RunningServer;
  let api: Api;
  let app: App;
  let basic: Tokens;
  let openOnly: Tokens;
  const info = (token: string | undefined, query: string, path = '/v2/user/info/') =>
    api.v2(`${path}${query}`, token, undefined, 'GET');

  beforeAll(async () => {
    server = await startServer(engine);
    api = new Api(server.base);
    app = await api.createApp();
    basic = await api.tokens(app, 'user.info.basic');
    openOnly = await api.tokens(app, 'user.info.open_id');
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('returns every documented field as a string inside data.user', async () => {
    const r = await info(basic.access_token, `?fields=${FIELDS.join(',')}`);
    expectEnvelope(r, 'ok', 200);
    expect(sortedKeys(r.body.data)).toEqual(['user']);
    expect(sortedKeys(r.body.data.user)).toEqual([...FIELDS].sort());
    for (const f of FIELDS) {
      expect(typeof r.body.data.user[f], f).toBe('string');
      expect(r.body.data.user[f].length, f).toBeGreaterThan(0);
    }
    expect(r.body.data.user.open_id).toBe(basic.open_id);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
  });

  for (const f of FIELDS) {
    it(`returns only the requested field ${f}`, async () => {
      const r = await info(basic.access_token, `?fields=${f}`);
      expectEnvelope(r, 'ok', 200);
      expect(sortedKeys(r.body.data.user)).toEqual([f]);
    });
  }

  it('returns only the requested subset (example of §6.4)', async () => {
    const r = await info(basic.access_token, '?fields=open_id,union_id,avatar_url');
    expectEnvelope(r, 'ok', 200);
    expect(sortedKeys(r.body.data.user)).toEqual(['avatar_url', 'open_id', 'union_id']);
  });

  it('accepts the path without the trailing slash', async () => {
    const r = await info(basic.access_token, '?fields=open_id', '/v2/user/info');
    expectEnvelope(r, 'ok', 200);
    expect(r.body.data.user).toEqual({ open_id: basic.open_id });
  });

  it('union_id is shared by apps of one developer, open_id is not', async () => {
    const sibling = await api.createApp({ org_id: app.org_id });
    const t = await api.tokens(sibling, 'user.info.basic', basic.user_id);
    const a = await info(basic.access_token, '?fields=open_id,union_id');
    const b = await info(t.access_token, '?fields=open_id,union_id');
    expect(b.body.data.user.union_id).toBe(a.body.data.user.union_id);
    expect(b.body.data.user.open_id).not.toBe(a.body.data.user.open_id);
  });

  it('missing fields → 400 invalid_params', async () => {
    expectEnvelope(await info(basic.access_token, ''), 'invalid_params', 400);
  });

  it('empty fields → 400 invalid_params', async () => {
    expectEnvelope(await info(basic.access_token, '?fields='), 'invalid_params', 400);
  });

  it('an unknown field → 400 scope_permission_missed (§6.4 note)', async () => {
    expectEnvelope(
      await info(basic.access_token, '?fields=open_id,follower_count'),
      'scope_permission_missed',
      400,
    );
  });

  it('profile fields without user.info.basic → 401 scope_not_authorized', async () => {
    expectEnvelope(await info(openOnly.access_token, '?fields=display_name'), 'scope_not_authorized', 401);
    expectEnvelope(
      await info(openOnly.access_token, '?fields=open_id,avatar_url'),
      'scope_not_authorized',
      401,
    );
  });

  it('open_id and union_id need only user.info.open_id (documented choice)', async () => {
    const r = await info(openOnly.access_token, '?fields=open_id,union_id');
    expectEnvelope(r, 'ok', 200);
    expect(sortedKeys(r.body.data.user)).toEqual(['open_id', 'union_id']);
  });

  for (const [name, headers] of [
    ['no Authorization header', {}],
    ['an unknown token', { authorization: 'Bearer act.example12345Example12345Example' }],
    ['a malformed header', { authorization: 'Token abc' }],
    ['an empty bearer', { authorization: 'Bearer ' }],
  ] as const) {
    it(`${name} → 401 access_token_invalid`, async () => {
      const res = await fetch(`${server.base}/v2/user/info/?fields=open_id`, { headers });
      const text = await res.text();
      const r: Reply = { status: res.status, text, body: JSON.parse(text), headers: res.headers };
      expectEnvelope(r, 'access_token_invalid', 401);
    });
  }

  it('a refresh token used as bearer → 401 access_token_invalid', async () => {
    expectEnvelope(await info(basic.refresh_token, '?fields=open_id'), 'access_token_invalid', 401);
  });

  it('a 1 MB fields parameter → a documented error, never 500', async () => {
    const r = await info(basic.access_token, `?fields=${'a'.repeat(1024 * 1024)}`);
    expect(r.status).toBeLessThan(500);
  });
});
