import { expect, it } from 'vitest';
import { startServer } from './server';

it('serves over real HTTP on an ephemeral port', async () => {
  const server = await startServer({
    env: {},
    database: ':memory:',
    config: { port: 0, logLevel: 'silent' },
  });
  try {
    expect(server.port).toBeGreaterThan(0);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(health.headers.get('x-tt-logid')).toMatch(/^\d{14}[0-9A-F]{20}$/);
    expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ status: 'ok', database: 'sqlite' });

    const post = (path: string, body: unknown) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const app = (await (await post('/emulator/v1/apps', { name: 'Wire' })).json()) as Record<string, string>;
    const user = (await (await post('/emulator/v1/users', {})).json()) as Record<string, string>;
    expect(user.avatar_url).toContain(server.url);
    const { code } = (await (
      await post('/emulator/v1/login', { client_key: app.client_key, user_id: user.user_id })
    ).json()) as {
      code: string;
    };
    const token = await fetch(`${server.url}/v2/oauth/token/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'cache-control': 'no-cache' },
      body: new URLSearchParams({
        client_key: app.client_key ?? '',
        client_secret: app.client_secret ?? '',
        code,
        grant_type: 'authorization_code',
      }),
    });
    expect(token.status).toBe(200);
    const { access_token } = (await token.json()) as { access_token: string };
    const info = await fetch(`${server.url}/v2/user/info/?fields=open_id`, {
      headers: { authorization: `Bearer ${access_token}` },
    });
    expect(((await info.json()) as { error: { code: string } }).error.code).toBe('ok');
  } finally {
    await server.close();
  }
  await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
});
