import type { PlatformDeps } from '../deps';
import { AppsService } from '../domains/apps';
import { OrgsService } from '../domains/orgs';
import { UsersService } from '../domains/users';

export const DEMO_ORG_NAME = 'OpenMinis Demo Studio';
export const DEMO_APP_NAME = 'Demo Mini';
export const DEMO_USER_NAME = 'Demo Viewer';

export interface DemoData {
  orgId: string;
  appId: string;
  clientKey: string;
  clientSecret: string;
  userId: string;
}

/** Creates the demo organization, app and user unless they already exist (found by name). */
export async function ensureDemoData(deps: PlatformDeps): Promise<DemoData> {
  const orgs = new OrgsService(deps);
  const apps = new AppsService(deps);
  const users = new UsersService(deps);
  const org =
    (await orgs.list()).find((o) => o.name === DEMO_ORG_NAME) ?? (await orgs.create({ name: DEMO_ORG_NAME }));
  const existingApp = (await apps.list(org.id)).find((a) => a.name === DEMO_APP_NAME);
  const app =
    existingApp ??
    (
      await apps.create({
        orgId: org.id,
        name: DEMO_APP_NAME,
        trustedDomains: [],
        webhookUrl: null,
      })
    ).app;
  const user =
    (await users.list()).find((u) => u.displayName === DEMO_USER_NAME) ??
    (await users.create({ displayName: DEMO_USER_NAME }));
  await apps.addTestUser(app.id, user.id);
  return {
    orgId: org.id,
    appId: app.id,
    clientKey: app.clientKey,
    clientSecret: await apps.clientSecret(app.id),
    userId: user.id,
  };
}

export function demoBanner(baseUrl: string, demo: DemoData): string {
  const q = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;
  return `
OpenMinis platform is running at ${baseUrl}
  OpenAPI document   ${baseUrl}/openapi.json
  Control API        ${baseUrl}/emulator/v1/   (docs/emulator-api.md)

Demo data (kept across restarts):
  organization id    ${demo.orgId}
  app id             ${demo.appId}
  client key         ${demo.clientKey}
  client secret      ${demo.clientSecret}
  user id            ${demo.userId}

Try it:
  CODE=$(curl -s -X POST ${baseUrl}/emulator/v1/login -H 'content-type: application/json' \\
    -d '{"client_key":"${demo.clientKey}","user_id":"${demo.userId}","scope":"user.info.basic"}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).code')
  TOKEN=$(curl -s -X POST ${baseUrl}/v2/oauth/token/ -H 'content-type: application/x-www-form-urlencoded' \\
    --data-urlencode client_key=${q(demo.clientKey)} --data-urlencode client_secret=${q(demo.clientSecret)} \\
    --data-urlencode grant_type=authorization_code --data-urlencode "code=$CODE" | node -pe 'JSON.parse(require("fs").readFileSync(0)).access_token')
  curl -s "${baseUrl}/v2/user/info/?fields=open_id,union_id,display_name,avatar_url" -H "Authorization: Bearer $TOKEN"
`;
}
