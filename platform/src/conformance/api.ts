// Plain-fetch helpers for the conformance suite: control API set-up and raw Open API calls.
// No client library from this repository is used, so the suite checks the wire, not our code.

export interface Reply {
  status: number;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: shapes are asserted key by key in the tests
  body: any;
  headers: Headers;
}

async function reply(res: Response): Promise<Reply> {
  const text = await res.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, text, body, headers: res.headers };
}

export class Api {
  /** `adminToken`: the control API's bearer token in production mode. */
  constructor(
    readonly base: string,
    readonly adminToken?: string,
  ) {}

  async control(method: string, path: string, json?: unknown): Promise<Reply> {
    const headers: Record<string, string> = {};
    if (this.adminToken) headers.authorization = `Bearer ${this.adminToken}`;
    const init: RequestInit = { method, headers };
    if (json !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(json);
    }
    return reply(await fetch(`${this.base}/emulator/v1${path}`, init));
  }

  /** POST a form exactly as TikTok's samples do; `raw` sends a pre-encoded body. */
  async form(
    path: string,
    fields: Record<string, string> | string,
    contentType = 'application/x-www-form-urlencoded',
  ) {
    const body = typeof fields === 'string' ? fields : new URLSearchParams(fields).toString();
    return reply(
      await fetch(`${this.base}${path}`, {
        method: 'POST',
        headers: { 'content-type': contentType, 'cache-control': 'no-cache' },
        body,
      }),
    );
  }

  async v2(path: string, token: string | undefined, json?: unknown, method = 'POST'): Promise<Reply> {
    const headers: Record<string, string> = {};
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    const init: RequestInit = { method, headers };
    if (json !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = typeof json === 'string' ? json : JSON.stringify(json);
    }
    return reply(await fetch(`${this.base}${path}`, init));
  }

  async createApp(extra: Record<string, unknown> = {}): Promise<App> {
    const r = await this.control('POST', '/apps', {
      name: `conf-${Math.random().toString(36).slice(2, 8)}`,
      ...extra,
    });
    if (r.status !== 201) throw new Error(`create app: ${r.status} ${r.text}`);
    return r.body as App;
  }

  async createUser(): Promise<string> {
    const r = await this.control('POST', '/users', { display_name: 'Conformance User' });
    if (r.status !== 201) throw new Error(`create user: ${r.status} ${r.text}`);
    return (r.body as { user_id: string }).user_id;
  }

  async code(app: App, userId: string, scope?: string): Promise<string> {
    const r = await this.control('POST', '/login', {
      client_key: app.client_key,
      user_id: userId,
      ...(scope ? { scope } : {}),
    });
    if (r.status !== 200) throw new Error(`login: ${r.status} ${r.text}`);
    return (r.body as { code: string }).code;
  }

  exchange(app: App, code: string): Promise<Reply> {
    return this.form('/v2/oauth/token/', {
      client_key: app.client_key,
      client_secret: app.client_secret,
      code,
      grant_type: 'authorization_code',
    });
  }

  /** A fresh user logged into `app` with `scope`: the token response body. */
  async tokens(app: App, scope = 'user.info.basic', userId?: string): Promise<Tokens> {
    const user = userId ?? (await this.createUser());
    const r = await this.exchange(app, await this.code(app, user, scope));
    if (r.status !== 200) throw new Error(`token: ${r.status} ${r.text}`);
    return { ...(r.body as Tokens), user_id: user };
  }

  async advance(seconds: number): Promise<void> {
    const r = await this.control('POST', '/clock', { advance_seconds: seconds });
    if (r.status !== 200) throw new Error(`clock: ${r.status} ${r.text}`);
  }

  async nowMs(): Promise<number> {
    return ((await this.control('GET', '/clock')).body as { now: number }).now;
  }
}

export interface App {
  app_id: string;
  org_id: string;
  client_key: string;
  client_secret: string;
}

export interface Tokens {
  access_token: string;
  refresh_token: string;
  open_id: string;
  scope: string;
  expires_in: number;
  refresh_expires_in: number;
  token_type: string;
  user_id: string;
}

/** §6.1: `YYYYMMDDhhmmss` + 20 uppercase hex characters (34 in all). */
export const LOG_ID = /^\d{14}[0-9A-F]{20}$/;

export function sortedKeys(o: unknown): string[] {
  return Object.keys(o as object).sort();
}

/**
 * Polls `probe` until it returns a value. The bound is generous wall-clock time (not a threshold
 * under test): CI machines are shared and a server under load may take seconds to act.
 */
export async function until<T>(probe: () => Promise<T | undefined>, what: string, tries = 800): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}
