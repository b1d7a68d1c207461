import type { Platform } from '@openminis/platform';
import { createTestPlatform } from '@openminis/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShopApp } from './app';

/** The shop against the real platform in-process: login and token upkeep (payments come with the payments domain). */
let platform: Platform;
let creds: { client_key: string; client_secret: string };
let userId: string;

async function control<T>(path: string, body: unknown): Promise<T> {
  const res = await platform.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

beforeAll(async () => {
  platform = await createTestPlatform('sqlite');
  creds = await control('/emulator/v1/apps', { name: 'Drama shop' });
  userId = (await control<{ user_id: string }>('/emulator/v1/users', { display_name: 'Grace' })).user_id;
});
afterAll(async () => {
  await platform?.close();
});

describe('drama shop with the platform', () => {
  it('logs in with a real code, reads the profile, and survives access-token expiry', async () => {
    const shop = createShopApp({
      openApi: {
        baseUrl: 'http://platform.test',
        clientKey: creds.client_key,
        clientSecret: creds.client_secret,
        fetch: (input, init) => platform.app.fetch(new Request(input, init)),
      },
    });
    const { code } = await control<{ code: string }>('/emulator/v1/login', {
      client_key: creds.client_key,
      user_id: userId,
      scope: 'user.info.basic',
    });
    const login = await shop.app.request('/api/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    expect(login.status).toBe(200);
    const { session_token, open_id } = (await login.json()) as { session_token: string; open_id: string };
    const me = async () =>
      (await (
        await shop.app.request('/api/me', { headers: { authorization: `Bearer ${session_token}` } })
      ).json()) as {
        open_id: string;
        profile: { display_name?: string } | null;
      };
    expect(await me()).toMatchObject({ open_id, profile: { open_id, display_name: 'Grace' } });

    const before = shop.store.getUser(open_id)?.access_token;
    // The platform's clock passes the 24 h access-token lifetime; the shop's own clock does not.
    await control('/emulator/v1/clock', { advance_seconds: 86400 + 60 });
    expect(await me()).toMatchObject({ open_id, profile: { display_name: 'Grace' } });
    // It refreshed: a new access token is stored.
    expect(shop.store.getUser(open_id)?.access_token).not.toBe(before);
  });

  it('reports a reused code as login_failed', async () => {
    const shop = createShopApp({
      openApi: {
        baseUrl: 'http://platform.test',
        clientKey: creds.client_key,
        clientSecret: creds.client_secret,
        fetch: (input, init) => platform.app.fetch(new Request(input, init)),
      },
    });
    const { code } = await control<{ code: string }>('/emulator/v1/login', {
      client_key: creds.client_key,
      user_id: userId,
    });
    const post = () =>
      shop.app.request('/api/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      });
    expect((await post()).status).toBe(200);
    const reused = await post();
    expect(reused.status).toBe(401);
    expect(await reused.json()).toMatchObject({ error: 'login_failed', code: 'invalid_grant' });
  });
});
