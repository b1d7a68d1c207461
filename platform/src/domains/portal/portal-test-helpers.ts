import { randomString } from '../../crypto';
import type { Platform } from '../../platform';

export interface Caller {
  token: string;
  developerId: string;
  email: string;
}

/** In-process requests to the portal API, JSON in and out. */
export function portalClient(platform: Pick<Platform, 'app'>) {
  const call = async (method: string, path: string, options: { token?: string; body?: unknown } = {}) => {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const res = await platform.app.request(path, {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await res.text();
    // biome-ignore lint/suspicious/noExplicitAny: test responses are checked field by field
    const json: any = text ? JSON.parse(text) : undefined;
    return { status: res.status, json, text };
  };

  /** A new developer account (unique e-mail) with a live session. */
  const newDeveloper = async (name = 'Dev'): Promise<Caller> => {
    const email = `${name.toLowerCase()}-${randomString(8, 'abcdefghijklmnopqrstuvwxyz')}@example.com`;
    const password = 'correct horse battery';
    const signUp = await call('POST', '/portal/v1/developers', {
      body: { email, display_name: name, password },
    });
    if (signUp.status !== 201) throw new Error(`sign-up: ${signUp.status} ${signUp.text}`);
    const logIn = await call('POST', '/portal/v1/sessions', { body: { email, password } });
    if (logIn.status !== 201) throw new Error(`log-in: ${logIn.status} ${logIn.text}`);
    return { token: logIn.json.session_token, developerId: signUp.json.developer_id, email };
  };

  /** An organization owned by `admin`, with `member` (if given) added as Member. */
  const newOrg = async (admin: Caller, member?: Caller): Promise<string> => {
    const org = await call('POST', '/portal/v1/orgs', {
      token: admin.token,
      body: { name: 'Acme Media Ltd' },
    });
    if (org.status !== 201) throw new Error(`create org: ${org.status} ${org.text}`);
    if (member) {
      const added = await call('POST', `/portal/v1/orgs/${org.json.org_id}/members`, {
        token: admin.token,
        body: { email: member.email, role: 'Member' },
      });
      if (added.status !== 200) throw new Error(`add member: ${added.status} ${added.text}`);
    }
    return org.json.org_id;
  };

  return { call, newDeveloper, newOrg };
}
