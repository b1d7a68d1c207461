import { expect, it } from 'vitest';
import { describeEachEngine, testClient } from '../../testing';
import { portalClient } from './portal-test-helpers';

describeEachEngine('portal accounts and sessions', (ctx) => {
  const p = () => portalClient(ctx.platform);
  const password = 'correct horse battery';

  it('signs up, logs in, answers /me and logs out', async () => {
    const signUp = await p().call('POST', '/portal/v1/developers', {
      body: { email: '  Ada@Example.COM ', display_name: 'Ada', password },
    });
    expect(signUp.status).toBe(201);
    expect(signUp.json).toMatchObject({ email: 'ada@example.com', display_name: 'Ada' });
    expect(signUp.json.developer_id).toMatch(/^dev_/);
    expect(signUp.text).not.toContain(password);

    const before = ctx.platform.deps.clock.now();
    const logIn = await p().call('POST', '/portal/v1/sessions', {
      body: { email: 'ADA@example.com', password },
    });
    const after = ctx.platform.deps.clock.now();
    expect(logIn.status).toBe(201);
    const token: string = logIn.json.session_token;
    expect(token).toMatch(/^pst\.[A-Za-z0-9]{48}$/);
    const week = 7 * 24 * 3600 * 1000;
    expect(logIn.json.expires_at).toBeGreaterThanOrEqual(before + week);
    expect(logIn.json.expires_at).toBeLessThanOrEqual(after + week);

    const me = await p().call('GET', '/portal/v1/me', { token });
    expect(me.status).toBe(200);
    expect(me.json).toEqual(signUp.json);

    expect((await p().call('DELETE', '/portal/v1/sessions/current', { token })).status).toBe(200);
    const loggedOut = await p().call('GET', '/portal/v1/me', { token });
    expect(loggedOut.status).toBe(401);
    expect(loggedOut.json.error.code).toBe('unauthenticated');
  });

  it('refuses a duplicate e-mail whatever its case (409 conflict naming the field)', async () => {
    const body = { email: 'dup@example.com', display_name: 'One', password };
    expect((await p().call('POST', '/portal/v1/developers', { body })).status).toBe(201);
    const again = await p().call('POST', '/portal/v1/developers', {
      body: { ...body, email: 'DUP@example.com' },
    });
    expect(again.status).toBe(409);
    expect(again.json.error).toMatchObject({ code: 'conflict', message: expect.stringContaining('email') });
    expect(again.json.error.log_id).toEqual(expect.any(String));
  });

  it('lets exactly one of concurrent sign-ups with the same e-mail win', async () => {
    const results = await Promise.all(
      ['race@example.com', 'RACE@example.com', 'Race@Example.com'].map((email) =>
        p().call('POST', '/portal/v1/developers', { body: { email, display_name: 'Racer', password } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
  });

  it('refuses a wrong password and an unknown e-mail with the same answer', async () => {
    const dev = await p().newDeveloper('Wrong');
    const wrong = await p().call('POST', '/portal/v1/sessions', {
      body: { email: dev.email, password: 'nope-nope-nope' },
    });
    const unknown = await p().call('POST', '/portal/v1/sessions', {
      body: { email: 'nobody@example.com', password },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json.error.message).toBe(unknown.json.error.message);
  });

  it('expires sessions after 7 days of the platform clock', async () => {
    const dev = await p().newDeveloper('Clock');
    const t = testClient(ctx.platform);
    await t.advanceClock(7 * 24 * 3600 - 60);
    expect((await p().call('GET', '/portal/v1/me', { token: dev.token })).status).toBe(200);
    await t.advanceClock(61);
    expect((await p().call('GET', '/portal/v1/me', { token: dev.token })).status).toBe(401);
  });

  it('refuses missing, malformed and unknown tokens (401)', async () => {
    for (const authorization of [undefined, 'Bearer', 'Bearer pst.unknown', 'Basic abc', 'Bearer act.xyz']) {
      const res = await ctx.platform.app.request('/portal/v1/me', {
        headers: authorization ? { authorization } : {},
      });
      expect(res.status, String(authorization)).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('Bearer');
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    }
    expect((await p().call('DELETE', '/portal/v1/sessions/current')).status).toBe(401);
  });

  it('names the field, expected and found for bad bodies (400 invalid_params)', async () => {
    const cases: [unknown, string][] = [
      [{ email: 'a@example.com', display_name: 'A', password: 42 }, 'password'],
      [{ email: 'a@example.com', display_name: 'A', password: 'short' }, 'password'],
      [{ email: 'not-an-email', display_name: 'A', password }, 'email'],
      [{ email: 'b@example.com', display_name: '', password }, 'display_name'],
      [{ email: 'b@example.com', password }, 'display_name'],
      [{ email: 'b@example.com', display_name: 'B', password, admin: true }, 'admin'],
    ];
    for (const [body, field] of cases) {
      const res = await p().call('POST', '/portal/v1/developers', { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code).toBe('invalid_params');
      expect(res.json.error.message).toContain(field);
    }
    const badJson = await ctx.platform.app.request('/portal/v1/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":',
    });
    expect(badJson.status).toBe(400);
    expect(((await badJson.json()) as { error: { code: string } }).error.code).toBe('invalid_params');
  });

  it('refuses bodies over the platform body limit', async () => {
    const res = await ctx.platform.app.request('/portal/v1/developers', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'big@example.com', display_name: 'x'.repeat(2_000_000), password }),
    });
    expect(res.status).toBe(413);
  });
});
