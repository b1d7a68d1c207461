import { expect, it } from 'vitest';
import { describeEachEngine, testClient } from '../../testing';
import { AppsService } from '../apps';
import { portalClient } from './portal-test-helpers';

describeEachEngine('portal apps', (ctx) => {
  const p = () => portalClient(ctx.platform);

  async function setup() {
    const admin = await p().newDeveloper('Admin');
    const member = await p().newDeveloper('Member');
    const outsider = await p().newDeveloper('Outsider');
    const orgId = await p().newOrg(admin, member);
    const created = await p().call('POST', `/portal/v1/orgs/${orgId}/apps`, {
      token: member.token,
      body: { name: 'Drama Shorts' },
    });
    expect(created.status).toBe(201);
    return { admin, member, outsider, orgId, app: created.json };
  }

  it('registers an app and shows the secret only once', async () => {
    const { admin, orgId, app } = await setup();
    expect(app).toMatchObject({
      org_id: orgId,
      name: 'Drama Shorts',
      webhook_url: null,
      trusted_domains: [],
    });
    expect(app.app_id).toMatch(/^\d{19}$/);
    expect(app.client_key).toMatch(/^aw/);
    expect(app.client_secret).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(await new AppsService(ctx.platform.deps).clientSecret(app.app_id)).toBe(app.client_secret);

    const one = await p().call('GET', `/portal/v1/apps/${app.app_id}`, { token: admin.token });
    const list = await p().call('GET', `/portal/v1/orgs/${orgId}/apps`, { token: admin.token });
    expect(one.status).toBe(200);
    const { client_secret: _secret, ...withoutSecret } = app;
    expect(one.json).toEqual(withoutSecret);
    expect(list.json.apps).toEqual([withoutSecret]);
    for (const res of [one, list]) {
      expect(res.text).not.toContain(app.client_secret);
      expect(res.text).not.toContain('client_secret');
    }
  });

  it('rotates the secret for Admins only; the old secret stops working', async () => {
    const { admin, member, app } = await setup();
    const refused = await p().call('POST', `/portal/v1/apps/${app.app_id}/secret/rotate`, {
      token: member.token,
    });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('forbidden');

    const rotated = await p().call('POST', `/portal/v1/apps/${app.app_id}/secret/rotate`, {
      token: admin.token,
    });
    expect(rotated.status).toBe(200);
    expect(rotated.json.app_id).toBe(app.app_id);
    expect(rotated.json.client_secret).not.toBe(app.client_secret);
    const apps = new AppsService(ctx.platform.deps);
    expect(await apps.authenticate(app.client_key, app.client_secret)).toBeUndefined();
    expect(await apps.authenticate(app.client_key, rotated.json.client_secret)).toBeDefined();
  });

  it('replaces trusted domains with the platform validation (≤ 20, https/wss origins)', async () => {
    const { member, app } = await setup();
    const path = `/portal/v1/apps/${app.app_id}/trusted_domains`;
    const ok = await p().call('PUT', path, {
      token: member.token,
      body: { trusted_domains: ['https://api.example.com', 'wss://live.example.com:8443'] },
    });
    expect(ok.status).toBe(200);
    expect(ok.json.trusted_domains).toEqual(['https://api.example.com', 'wss://live.example.com:8443']);

    const bad: [unknown, string][] = [
      [['http://api.example.com'], 'trusted_domains[0]'],
      [['https://*.example.com'], 'wildcard'],
      [['https://api.example.com/v1'], 'path'],
      [Array.from({ length: 21 }, (_, i) => `https://h${i}.example.com`), 'at most 20'],
      ['https://api.example.com', 'trusted_domains'],
    ];
    for (const [trusted_domains, hint] of bad) {
      const res = await p().call('PUT', path, { token: member.token, body: { trusted_domains } });
      expect(res.status, JSON.stringify(trusted_domains)).toBe(400);
      expect(res.json.error.code).toBe('invalid_params');
      expect(res.json.error.message).toContain(hint);
    }
    const after = await p().call('GET', `/portal/v1/apps/${app.app_id}`, { token: member.token });
    expect(after.json.trusted_domains).toEqual(ok.json.trusted_domains);
  });

  it('sets and clears the webhook URL with the platform URL policy', async () => {
    const { member, app } = await setup();
    const path = `/portal/v1/apps/${app.app_id}/webhook`;
    const set = await p().call('PUT', path, {
      token: member.token,
      body: { url: 'https://hooks.example.com/tt' },
    });
    expect(set.json.webhook_url).toBe('https://hooks.example.com/tt');
    // Dev mode (the test platform) also accepts http:// for a local backend.
    const dev = await p().call('PUT', path, {
      token: member.token,
      body: { url: 'http://localhost:3000/hook' },
    });
    expect(dev.json.webhook_url).toBe('http://localhost:3000/hook');
    const bad = await p().call('PUT', path, { token: member.token, body: { url: 'ftp://example.com' } });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({
      code: 'invalid_params',
      message: expect.stringContaining('webhook_url'),
    });
    const cleared = await p().call('PUT', path, { token: member.token, body: { url: null } });
    expect(cleared.json.webhook_url).toBeNull();
  });

  it('manages test users (at most 30)', async () => {
    const { member, app } = await setup();
    const t = testClient(ctx.platform);
    const path = `/portal/v1/apps/${app.app_id}/test_users`;
    const users = await Promise.all(Array.from({ length: 31 }, () => t.createUser()));
    const first = users[0]?.user_id as string;
    const added = await p().call('POST', path, { token: member.token, body: { user_id: first } });
    expect(added.status).toBe(200);
    expect(added.json.test_users).toEqual([{ user_id: first }]);
    for (const u of users.slice(1, 30)) {
      expect(
        (await p().call('POST', path, { token: member.token, body: { user_id: u.user_id } })).status,
      ).toBe(200);
    }
    const full = await p().call('POST', path, { token: member.token, body: { user_id: users[30]?.user_id } });
    expect(full.status).toBe(409);
    expect(full.json.error.code).toBe('test_user_limit');
    const unknown = await p().call('POST', path, { token: member.token, body: { user_id: 'usr_nobody' } });
    expect(unknown.status).toBe(404);

    expect((await p().call('DELETE', `${path}/${first}`, { token: member.token })).status).toBe(200);
    expect((await p().call('DELETE', `${path}/${first}`, { token: member.token })).status).toBe(404);
    const listed = await p().call('GET', path, { token: member.token });
    expect(listed.json.test_users).toHaveLength(29);
    expect(listed.json.test_users).not.toContainEqual({ user_id: first });
  });

  it('hides apps from outsiders (404) and refuses calls without a session (401)', async () => {
    const { outsider, app } = await setup();
    const t = testClient(ctx.platform);
    const user = await t.createUser();
    const base = `/portal/v1/apps/${app.app_id}`;
    const routes: [string, string, unknown?][] = [
      ['GET', base],
      ['POST', `${base}/secret/rotate`],
      ['PUT', `${base}/trusted_domains`, { trusted_domains: [] }],
      ['PUT', `${base}/webhook`, { url: null }],
      ['GET', `${base}/test_users`],
      ['POST', `${base}/test_users`, { user_id: user.user_id }],
      ['DELETE', `${base}/test_users/${user.user_id}`],
    ];
    for (const [method, path, body] of routes) {
      const hidden = await p().call(method, path, { token: outsider.token, body });
      expect(hidden.status, `${method} ${path}`).toBe(404);
      const missing = await p().call(method, path.replace(app.app_id, '1111111111111111111'), {
        token: outsider.token,
        body,
      });
      expect(missing.json.error.message.replace('1111111111111111111', app.app_id)).toBe(
        hidden.json.error.message,
      );
      expect((await p().call(method, path, { body })).status, `${method} ${path}`).toBe(401);
    }
  });
});
