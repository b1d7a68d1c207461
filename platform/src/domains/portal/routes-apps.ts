import { z } from 'zod';
import type { PlatformDeps } from '../../deps';
import { notFound } from '../../http/api-error';
import { readJson } from '../../http/json-body';
import type { RouteDef } from '../../http/route-table';
import { AppsService, presentApp } from '../apps';
import { PortalAccess } from './access';
import { portalRoute } from './portal-route';
import {
  appResponse,
  createAppBody,
  createdAppResponse,
  okResponse,
  secretResponse,
  testUserBody,
  testUsersResponse,
  trustedDomainsBody,
  webhookBody,
} from './schemas';
import { currentSession } from './session-guard';

/**
 * Apps of the caller's organizations (spec §1.2 stages 5 and 8, §4.2, §7.1, §8.3). The client
 * secret appears only in the responses that create it (creation, rotation).
 */
export function portalAppRoutes(deps: PlatformDeps): RouteDef[] {
  const apps = new AppsService(deps);
  const access = new PortalAccess(deps);
  const param = (c: { req: { param: (name: string) => string | undefined } }, name: string) =>
    c.req.param(name) ?? '';
  const me = (c: Parameters<typeof currentSession>[0]) => currentSession(c).developer.id;
  const testUsersOf = async (appId: string) => ({
    test_users: (await apps.testUsers(appId)).map((userId) => ({ user_id: userId })),
  });

  return [
    portalRoute(deps, {
      method: 'post',
      path: '/portal/v1/orgs/{org_id}/apps',
      summary: 'Register an app: App ID, client key and client secret (shown once)',
      request: { json: createAppBody },
      responses: { 201: { description: 'Created', schema: createdAppResponse } },
      handler: async (c) => {
        const { org } = await access.org(param(c, 'org_id'), me(c), 'Member');
        const body = await readJson(c, createAppBody, 'invalid_params');
        const { app, clientSecret } = await apps.create({ orgId: org.id, name: body.name });
        return c.json({ ...presentApp(app), client_secret: clientSecret }, 201);
      },
    }),
    portalRoute(deps, {
      method: 'get',
      path: '/portal/v1/orgs/{org_id}/apps',
      summary: "An organization's apps (without secrets)",
      responses: { 200: { description: 'Apps', schema: z.object({ apps: z.array(appResponse) }) } },
      handler: async (c) => {
        const { org } = await access.org(param(c, 'org_id'), me(c), 'Member');
        return c.json({ apps: (await apps.list(org.id)).map(presentApp) });
      },
    }),
    portalRoute(deps, {
      method: 'get',
      path: '/portal/v1/apps/{app_id}',
      summary: 'One app (never includes the client secret)',
      responses: { 200: { description: 'App', schema: appResponse } },
      handler: async (c) => {
        const { app } = await access.app(param(c, 'app_id'), me(c), 'Member');
        return c.json(presentApp(app));
      },
    }),
    portalRoute(deps, {
      method: 'post',
      path: '/portal/v1/apps/{app_id}/secret/rotate',
      summary: 'Replace the client secret (Admin); the new one is shown once, the old one stops working',
      responses: { 200: { description: 'New secret', schema: secretResponse } },
      handler: async (c) => {
        const { app } = await access.app(param(c, 'app_id'), me(c), 'Admin');
        return c.json({ app_id: app.id, client_secret: await apps.rotateClientSecret(app.id) });
      },
    }),
    portalRoute(deps, {
      method: 'put',
      path: '/portal/v1/apps/{app_id}/trusted_domains',
      summary: 'Replace the trusted domains (≤ 20 https:// or wss:// origins, no wildcards or paths)',
      request: { json: trustedDomainsBody },
      responses: { 200: { description: 'App', schema: appResponse } },
      handler: async (c) => {
        const { app } = await access.app(param(c, 'app_id'), me(c), 'Member');
        const body = await readJson(c, trustedDomainsBody, 'invalid_params');
        return c.json(presentApp(await apps.update(app.id, { trustedDomains: body.trusted_domains })));
      },
    }),
    portalRoute(deps, {
      method: 'put',
      path: '/portal/v1/apps/{app_id}/webhook',
      summary: 'Set or clear the webhook callback URL (https://; http:// also in dev mode)',
      request: { json: webhookBody },
      responses: { 200: { description: 'App', schema: appResponse } },
      handler: async (c) => {
        const { app } = await access.app(param(c, 'app_id'), me(c), 'Member');
        const body = await readJson(c, webhookBody, 'invalid_params');
        return c.json(presentApp(await apps.update(app.id, { webhookUrl: body.url })));
      },
    }),
    portalRoute(deps, {
      method: 'get',
      path: '/portal/v1/apps/{app_id}/test_users',
      summary: 'Test users of an app',
      responses: { 200: { description: 'Test users', schema: testUsersResponse } },
      handler: async (c) => {
        const { app } = await access.app(param(c, 'app_id'), me(c), 'Member');
        return c.json(await testUsersOf(app.id));
      },
    }),
    portalRoute(deps, {
      method: 'post',
      path: '/portal/v1/apps/{app_id}/test_users',
      summary: 'Add a test user (a simulated TikTok user id; at most 30 per app)',
      request: { json: testUserBody },
      responses: {
        200: { description: 'Test users after the change', schema: testUsersResponse },
        409: { description: 'test_user_limit: the app already has 30 test users' },
      },
      handler: async (c) => {
        const { app } = await access.app(param(c, 'app_id'), me(c), 'Member');
        const body = await readJson(c, testUserBody, 'invalid_params');
        await apps.addTestUser(app.id, body.user_id);
        return c.json(await testUsersOf(app.id));
      },
    }),
    portalRoute(deps, {
      method: 'delete',
      path: '/portal/v1/apps/{app_id}/test_users/{user_id}',
      summary: 'Remove a test user',
      responses: { 200: { description: 'Removed', schema: okResponse } },
      handler: async (c) => {
        const { app } = await access.app(param(c, 'app_id'), me(c), 'Member');
        const userId = param(c, 'user_id');
        if (!(await apps.testUsers(app.id)).includes(userId)) throw notFound(`test user ${userId}`);
        await apps.removeTestUser(app.id, userId);
        return c.json({ ok: true as const });
      },
    }),
  ];
}
