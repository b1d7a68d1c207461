import type { Platform } from '../platform';

/** What POST /emulator/v1/apps returns. */
export interface TestApp {
  app_id: string;
  org_id: string;
  client_key: string;
  client_secret: string;
}

/** Small wrappers over the HTTP API for tests; everything goes through `app.request`. */
export function testClient(platform: Pick<Platform, 'app'>) {
  const { app } = platform;
  const json = async <T>(response: Response | Promise<Response>, expected = [200, 201]): Promise<T> => {
    const res = await response;
    if (!expected.includes(res.status)) throw new Error(`unexpected ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  };
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const form = (path: string, fields: Record<string, string>) =>
    app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });

  const client = {
    post,
    form,
    json,
    createApp: (body: Record<string, unknown> = {}) =>
      json<TestApp>(post('/emulator/v1/apps', { name: 'Test App', ...body })),
    createUser: (body: Record<string, unknown> = {}) =>
      json<{ user_id: string; display_name: string; avatar_url: string }>(post('/emulator/v1/users', body)),
    login: (clientKey: string, userId: string, scope?: string) =>
      json<{ code: string; scope: string }>(
        post('/emulator/v1/login', {
          client_key: clientKey,
          user_id: userId,
          ...(scope === undefined ? {} : { scope }),
        }),
      ),
    exchange: (testApp: TestApp, code: string) =>
      form('/v2/oauth/token/', {
        client_key: testApp.client_key,
        client_secret: testApp.client_secret,
        grant_type: 'authorization_code',
        code,
      }),
    refresh: (testApp: TestApp, refreshToken: string) =>
      form('/v2/oauth/token/', {
        client_key: testApp.client_key,
        client_secret: testApp.client_secret,
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
      }),
    revoke: (testApp: TestApp, token: string) =>
      form('/v2/oauth/revoke/', {
        client_key: testApp.client_key,
        client_secret: testApp.client_secret,
        token,
      }),
    userInfo: (accessToken: string, fields: string) =>
      app.request(`/v2/user/info/?fields=${encodeURIComponent(fields)}`, {
        headers: { authorization: `Bearer ${accessToken}` },
      }),
    advanceClock: (seconds: number) => json(post('/emulator/v1/clock', { advance_seconds: seconds })),
    /** App + user + login + exchange: a user access token ready for Open API calls. */
    async signIn(options: { scope?: string; app?: TestApp } = {}) {
      const testApp = options.app ?? (await client.createApp());
      const user = await client.createUser();
      const { code } = await client.login(testApp.client_key, user.user_id, options.scope);
      const tokens = await json<{
        access_token: string;
        refresh_token: string;
        open_id: string;
        scope: string;
      }>(client.exchange(testApp, code));
      return { app: testApp, user, tokens };
    },
  };
  return client;
}
