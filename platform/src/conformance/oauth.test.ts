// Black-box conformance: spec §6.1–6.3 (token, refresh, revoke) and §10 #31–33, against `openminis serve`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, type App, LOG_ID, type Reply, sortedKeys } from './api';
import { engines, type RunningServer, startServer } from './server';

const TOKEN = '/v2/oauth/token/';
const REVOKE = '/v2/oauth/revoke/';

function expectOAuthError(r: Reply, error: string, status: number): void {
  expect({ status: r.status, error: r.body?.error }).toEqual({ status, error });
  // §6.1: OAuth failures are flat, exactly {error, error_description, log_id}.
  expect(sortedKeys(r.body)).toEqual(['error', 'error_description', 'log_id']);
  expect(typeof r.body.error_description).toBe('string');
  expect(r.body.error_description.length).toBeGreaterThan(0);
  expect(r.body.log_id).toMatch(LOG_ID);
}

describe.each(engines())('OAuth conformance (%s)', (engine) => {
  let server: RunningServer;
  let api: Api;
  let app: App;
  let user: string;

  beforeAll(async () => {
    server = await startServer(engine);
    api = new Api(server.base);
    app = await api.createApp();
    user = await api.createUser();
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe('authorization_code', () => {
    it('returns exactly the seven documented keys with their types and values (§6.3)', async () => {
      const code = await api.code(app, user, 'user.info.basic');
      const r = await api.exchange(app, code);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toMatch(/^application\/json/);
      expect(sortedKeys(r.body)).toEqual([
        'access_token',
        'expires_in',
        'open_id',
        'refresh_expires_in',
        'refresh_token',
        'scope',
        'token_type',
      ]);
      expect(r.body.token_type).toBe('Bearer');
      expect(r.body.expires_in).toBe(86400);
      expect(r.body.refresh_expires_in).toBe(31536000);
      expect(r.body.access_token).toMatch(/^act\./);
      expect(r.body.refresh_token).toMatch(/^rft\./);
      expect(typeof r.body.open_id).toBe('string');
      expect(r.body.open_id.length).toBeGreaterThan(0);
      expect(typeof r.body.scope).toBe('string');
      expect(r.body.scope.split(',')).toContain('user.info.basic');
    });

    it('plain login grants a comma-separated scope string too (documented: user.info.open_id)', async () => {
      const r = await api.exchange(app, await api.code(app, user));
      expect(r.status).toBe(200);
      expect(r.body.scope).toBe('user.info.open_id');
    });

    it('gives the same open_id to the same user of the same app, another one in another app', async () => {
      const a = await api.exchange(app, await api.code(app, user));
      const b = await api.exchange(app, await api.code(app, user, 'user.info.basic'));
      const other = await api.createApp();
      const c = await api.exchange(other, await api.code(other, user));
      expect(a.body.open_id).toBe(b.body.open_id);
      expect(c.body.open_id).not.toBe(a.body.open_id);
    });

    for (const missing of ['client_key', 'client_secret', 'code', 'grant_type']) {
      it(`missing ${missing} → 400 invalid_request`, async () => {
        const fields: Record<string, string> = {
          client_key: app.client_key,
          client_secret: app.client_secret,
          code: await api.code(app, user),
          grant_type: 'authorization_code',
        };
        delete fields[missing];
        expectOAuthError(await api.form(TOKEN, fields), 'invalid_request', 400);
      });
    }

    it('wrong content type → 400 invalid_request', async () => {
      const fields = new URLSearchParams({
        client_key: app.client_key,
        client_secret: app.client_secret,
        code: await api.code(app, user),
        grant_type: 'authorization_code',
      }).toString();
      expectOAuthError(await api.form(TOKEN, fields, 'text/plain'), 'invalid_request', 400);
    });

    it('a JSON body → 400 invalid_request', async () => {
      const json = JSON.stringify({
        client_key: app.client_key,
        client_secret: app.client_secret,
        code: await api.code(app, user),
        grant_type: 'authorization_code',
      });
      expectOAuthError(await api.form(TOKEN, json, 'application/json'), 'invalid_request', 400);
    });

    it('wrong client_secret → invalid_client (401, §10 #31)', async () => {
      const code = await api.code(app, user);
      const r = await api.form(TOKEN, {
        client_key: app.client_key,
        client_secret: `${app.client_secret}x`,
        code,
        grant_type: 'authorization_code',
      });
      expectOAuthError(r, 'invalid_client', 401);
    });

    it('unknown client_key → invalid_client (401)', async () => {
      const r = await api.form(TOKEN, {
        client_key: 'awdoesnotexist0000',
        client_secret: app.client_secret,
        code: await api.code(app, user),
        grant_type: 'authorization_code',
      });
      expectOAuthError(r, 'invalid_client', 401);
    });

    it('a reused code → 400 invalid_grant (single use, §10 #32)', async () => {
      const code = await api.code(app, user);
      expect((await api.exchange(app, code)).status).toBe(200);
      expectOAuthError(await api.exchange(app, code), 'invalid_grant', 400);
    });

    it('an unknown code → 400 invalid_grant', async () => {
      expectOAuthError(await api.exchange(app, 'not-a-real-code'), 'invalid_grant', 400);
    });

    it("another app's code → 400 invalid_grant, and it stays usable by its own app", async () => {
      const other = await api.createApp();
      const code = await api.code(app, user);
      expectOAuthError(await api.exchange(other, code), 'invalid_grant', 400);
      expect((await api.exchange(app, code)).status).toBe(200);
    });

    it('unsupported grant_type → 400 unsupported_grant_type', async () => {
      const r = await api.form(TOKEN, {
        client_key: app.client_key,
        client_secret: app.client_secret,
        code: await api.code(app, user),
        grant_type: 'password',
      });
      expectOAuthError(r, 'unsupported_grant_type', 400);
    });

    it('an unknown scope at login → 400 invalid_scope in the OAuth error shape (§10 #33)', async () => {
      const r = await api.control('POST', '/login', {
        client_key: app.client_key,
        user_id: user,
        scope: 'user.info.phone',
      });
      expectOAuthError(r, 'invalid_scope', 400);
    });

    it('two simultaneous exchanges of one code → exactly one 200, the other invalid_grant', async () => {
      for (let round = 0; round < 3; round++) {
        const code = await api.code(app, user);
        const replies = await Promise.all([api.exchange(app, code), api.exchange(app, code)]);
        const statuses = replies.map((r) => r.status).sort();
        expect(statuses).toEqual([200, 400]);
        const loser = replies.find((r) => r.status === 400) as Reply;
        expectOAuthError(loser, 'invalid_grant', 400);
      }
    });

    it('a 1 MB field → a documented OAuth error, never 500', async () => {
      const r = await api.form(TOKEN, {
        client_key: app.client_key,
        client_secret: app.client_secret,
        code: 'x'.repeat(1024 * 1024),
        grant_type: 'authorization_code',
      });
      expect(r.status).toBeLessThan(500);
      expectOAuthError(r, 'invalid_request', r.status);
      expect([400, 413]).toContain(r.status);
    });

    it('a malformed form body (bad percent-encoding) → 400 invalid_request', async () => {
      const r = await api.form(
        TOKEN,
        `client_key=${app.client_key}&client_secret=%ZZ&code=%&grant_type=authorization_code`,
      );
      expectOAuthError(r, 'invalid_request', 400);
    });

    it('an empty body → 400 invalid_request', async () => {
      expectOAuthError(await api.form(TOKEN, ''), 'invalid_request', 400);
    });

    it('accepts the path without the trailing slash (§6.1)', async () => {
      const r = await api.form('/v2/oauth/token', {
        client_key: app.client_key,
        client_secret: app.client_secret,
        code: await api.code(app, user),
        grant_type: 'authorization_code',
      });
      expect(r.status).toBe(200);
    });
  });

  describe('refresh_token', () => {
    it('returns the same shape with new tokens; the old refresh token is rejected after rotation', async () => {
      const first = await api.tokens(app);
      const r = await api.form(TOKEN, {
        client_key: app.client_key,
        client_secret: app.client_secret,
        grant_type: 'refresh_token',
        refresh_token: first.refresh_token,
      });
      expect(r.status).toBe(200);
      expect(sortedKeys(r.body)).toEqual([
        'access_token',
        'expires_in',
        'open_id',
        'refresh_expires_in',
        'refresh_token',
        'scope',
        'token_type',
      ]);
      expect(r.body.token_type).toBe('Bearer');
      expect(r.body.expires_in).toBe(86400);
      expect(r.body.refresh_expires_in).toBe(31536000);
      expect(r.body.open_id).toBe(first.open_id);
      expect(r.body.scope).toBe(first.scope);
      expect(r.body.access_token).not.toBe(first.access_token);
      if (r.body.refresh_token !== first.refresh_token) {
        const again = await api.form(TOKEN, {
          client_key: app.client_key,
          client_secret: app.client_secret,
          grant_type: 'refresh_token',
          refresh_token: first.refresh_token,
        });
        expectOAuthError(again, 'invalid_grant', 400);
      }
      const info = await api.v2('/v2/user/info/?fields=open_id', r.body.access_token, undefined, 'GET');
      expect(info.status).toBe(200);
    });

    it('missing refresh_token → 400 invalid_request; unknown → 400 invalid_grant; wrong secret → 401 invalid_client', async () => {
      const t = await api.tokens(app);
      const base = {
        client_key: app.client_key,
        client_secret: app.client_secret,
        grant_type: 'refresh_token',
      };
      expectOAuthError(await api.form(TOKEN, base), 'invalid_request', 400);
      expectOAuthError(await api.form(TOKEN, { ...base, refresh_token: 'rft.nope' }), 'invalid_grant', 400);
      expectOAuthError(
        await api.form(TOKEN, { ...base, client_secret: 'wrong', refresh_token: t.refresh_token }),
        'invalid_client',
        401,
      );
    });

    it("another app's refresh token → invalid_grant", async () => {
      const t = await api.tokens(app);
      const other = await api.createApp();
      const r = await api.form(TOKEN, {
        client_key: other.client_key,
        client_secret: other.client_secret,
        grant_type: 'refresh_token',
        refresh_token: t.refresh_token,
      });
      expectOAuthError(r, 'invalid_grant', 400);
    });
  });

  describe('revoke', () => {
    it('answers 200 with an empty body, after which the access token fails with access_token_invalid 401', async () => {
      const t = await api.tokens(app);
      const r = await api.form(REVOKE, {
        client_key: app.client_key,
        client_secret: app.client_secret,
        token: t.access_token,
      });
      expect(r.status).toBe(200);
      expect(r.text).toBe('');
      const info = await api.v2('/v2/user/info/?fields=open_id', t.access_token, undefined, 'GET');
      expect(info.status).toBe(401);
      expect(info.body.error.code).toBe('access_token_invalid');
      const refresh = await api.form(TOKEN, {
        client_key: app.client_key,
        client_secret: app.client_secret,
        grant_type: 'refresh_token',
        refresh_token: t.refresh_token,
      });
      expectOAuthError(refresh, 'invalid_grant', 400);
    });

    it('wrong secret → 401 invalid_client; missing token → 400 invalid_request (OAuth error object)', async () => {
      const t = await api.tokens(app);
      expectOAuthError(
        await api.form(REVOKE, { client_key: app.client_key, client_secret: 'nope', token: t.access_token }),
        'invalid_client',
        401,
      );
      expectOAuthError(
        await api.form(REVOKE, { client_key: app.client_key, client_secret: app.client_secret }),
        'invalid_request',
        400,
      );
      const still = await api.v2('/v2/user/info/?fields=open_id', t.access_token, undefined, 'GET');
      expect(still.status).toBe(200);
    });
  });

  // Clock-advancing tests last: they move the server's time for everything after them.
  describe('expiry (emulated clock)', () => {
    it('a code 4 min 59 s old still works, and an access token 24 h − 1 s old too', async () => {
      const code = await api.code(app, user);
      await api.advance(299);
      const r = await api.exchange(app, code);
      expect(r.status).toBe(200);
      await api.advance(86_399);
      const ok = await api.v2('/v2/user/info/?fields=open_id', r.body.access_token, undefined, 'GET');
      expect(ok.status).toBe(200);
    });

    it('a code older than 5 minutes → invalid_grant (advance 5 min + 1 s)', async () => {
      const code = await api.code(app, user);
      await api.advance(301);
      expectOAuthError(await api.exchange(app, code), 'invalid_grant', 400);
    });

    it('the access token expires after 24 h while the refresh token still works', async () => {
      const t = await api.tokens(app);
      await api.advance(86_401);
      const info = await api.v2('/v2/user/info/?fields=open_id', t.access_token, undefined, 'GET');
      expect(info.status).toBe(401);
      expect(info.body.error.code).toBe('access_token_invalid');
      const r = await api.form(TOKEN, {
        client_key: app.client_key,
        client_secret: app.client_secret,
        grant_type: 'refresh_token',
        refresh_token: t.refresh_token,
      });
      expect(r.status).toBe(200);
      expect(r.body.expires_in).toBe(86400);
      const fresh = await api.v2('/v2/user/info/?fields=open_id', r.body.access_token, undefined, 'GET');
      expect(fresh.status).toBe(200);
    });

    it('a refresh token older than 365 days → invalid_grant', async () => {
      const t = await api.tokens(app);
      await api.advance(31_536_001);
      const r = await api.form(TOKEN, {
        client_key: app.client_key,
        client_secret: app.client_secret,
        grant_type: 'refresh_token',
        refresh_token: t.refresh_token,
      });
      expectOAuthError(r, 'invalid_grant', 400);
    });
  });
});
