// The few calls the benchmark makes outside the timed window: the emulator control API
// (docs/emulator-api.md) to create an app and a user and to issue login codes, and one
// real code exchange to get an access token.

export interface BenchApp {
  appId: string;
  clientKey: string;
  clientSecret: string;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  openId: string;
}

export class PlatformClient {
  constructor(readonly baseUrl: string) {}

  async createApp(name: string, webhookUrl?: string): Promise<BenchApp> {
    const body = await this.control<{ app_id: string; client_key: string; client_secret: string }>(
      'POST',
      '/emulator/v1/apps',
      { name, ...(webhookUrl ? { webhook_url: webhookUrl } : {}) },
      201,
    );
    return { appId: body.app_id, clientKey: body.client_key, clientSecret: body.client_secret };
  }

  async createUser(displayName: string): Promise<string> {
    const body = await this.control<{ user_id: string }>(
      'POST',
      '/emulator/v1/users',
      { display_name: displayName },
      201,
    );
    return body.user_id;
  }

  async addTestUser(appId: string, userId: string): Promise<void> {
    await this.control(
      'PUT',
      `/emulator/v1/apps/${encodeURIComponent(appId)}/test_users/${encodeURIComponent(userId)}`,
    );
  }

  /** A single-use code, as `TTMinis.authorize({scope})` would hand the Mini. */
  async login(clientKey: string, userId: string, scope: string): Promise<string> {
    const body = await this.control<{ code: string }>('POST', '/emulator/v1/login', {
      client_key: clientKey,
      user_id: userId,
      scope,
    });
    return body.code;
  }

  /** `count` codes, `concurrency` requests at a time. */
  async loginMany(
    clientKey: string,
    userId: string,
    scope: string,
    count: number,
    concurrency = 8,
  ): Promise<string[]> {
    const codes: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < count) {
        next++;
        codes.push(await this.login(clientKey, userId, scope));
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
    return codes;
  }

  async exchange(app: BenchApp, code: string): Promise<TokenPair> {
    const response = await fetch(`${this.baseUrl}/v2/oauth/token/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: tokenForm(app, code),
    });
    const text = await response.text();
    if (response.status !== 200)
      throw new Error(`POST /v2/oauth/token/ answered ${response.status}: ${text}`);
    const body = JSON.parse(text) as { access_token: string; refresh_token: string; open_id: string };
    return { accessToken: body.access_token, refreshToken: body.refresh_token, openId: body.open_id };
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
    const response = await fetch(`${this.baseUrl}${path}`, { headers });
    return { status: response.status, body: await response.text() };
  }

  async control<T = unknown>(method: string, path: string, body?: unknown, expected = 200): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== expected) {
      throw new Error(
        `${method} ${path} answered ${response.status} (expected ${expected}): ${text.slice(0, 500)}`,
      );
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/** The form body of an `authorization_code` exchange (spec §6.3). */
export function tokenForm(app: BenchApp, code: string): string {
  return new URLSearchParams({
    client_key: app.clientKey,
    client_secret: app.clientSecret,
    code,
    grant_type: 'authorization_code',
  }).toString();
}
