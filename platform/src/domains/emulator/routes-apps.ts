import { z } from 'zod';
import type { PlatformDeps } from '../../deps';
import { readJson } from '../../http/json-body';
import type { RouteDef } from '../../http/route-table';
import { AppsService } from '../apps';
import { OrgsService } from '../orgs';
import { controlRoute } from './control-route';
import { presentAppWithSecret, presentOrg } from './present';
import {
  appResponse,
  createAppBody,
  createOrgBody,
  okResponse,
  orgResponse,
  setMemberBody,
  updateAppBody,
} from './schemas';

export function emulatorAppRoutes(deps: PlatformDeps): RouteDef[] {
  const apps = new AppsService(deps);
  const orgs = new OrgsService(deps);
  const withSecret = async (appId: string) => {
    const app = await apps.require(appId);
    return presentAppWithSecret(app, await apps.clientSecret(app.id));
  };
  return [
    controlRoute(deps, {
      method: 'post',
      path: '/emulator/v1/orgs',
      summary: 'Create an organization',
      request: { json: createOrgBody },
      responses: { 201: { description: 'Created', schema: orgResponse } },
      handler: async (c) => {
        const body = await readJson(c, createOrgBody);
        return c.json(presentOrg(await orgs.create({ name: body.name })), 201);
      },
    }),
    controlRoute(deps, {
      method: 'get',
      path: '/emulator/v1/orgs',
      summary: 'List organizations',
      responses: { 200: { description: 'Organizations', schema: z.object({ orgs: z.array(orgResponse) }) } },
      handler: async (c) => c.json({ orgs: (await orgs.list()).map(presentOrg) }),
    }),
    controlRoute(deps, {
      method: 'put',
      path: '/emulator/v1/orgs/{org_id}/members',
      summary: 'Add a member (developer account by e-mail) or change their role',
      request: { json: setMemberBody },
      responses: { 200: { description: 'Members after the change' } },
      handler: async (c) => {
        const orgId = c.req.param('org_id') as string;
        const body = await readJson(c, setMemberBody);
        const developerId = await orgs.ensureDeveloper({ email: body.email, displayName: body.display_name });
        await orgs.setMember(orgId, developerId, body.role);
        const members = await orgs.members(orgId);
        return c.json({
          members: members.map((m) => ({
            developer_id: m.developerId,
            email: m.email,
            display_name: m.displayName,
            role: m.role,
          })),
        });
      },
    }),
    controlRoute(deps, {
      method: 'post',
      path: '/emulator/v1/apps',
      summary: 'Create an app without the portal flow (a new organization when org_id is omitted)',
      request: { json: createAppBody },
      responses: { 201: { description: 'Created, with the client secret', schema: appResponse } },
      handler: async (c) => {
        const body = await readJson(c, createAppBody);
        const orgId = body.org_id ?? (await orgs.create({ name: `${body.name} Organization` })).id;
        const { app, clientSecret } = await apps.create({
          orgId,
          name: body.name,
          webhookUrl: body.webhook_url ?? null,
          trustedDomains: body.trusted_domains ?? [],
        });
        return c.json(presentAppWithSecret(app, clientSecret), 201);
      },
    }),
    controlRoute(deps, {
      method: 'get',
      path: '/emulator/v1/apps',
      summary: 'List apps',
      responses: { 200: { description: 'Apps', schema: z.object({ apps: z.array(appResponse) }) } },
      handler: async (c) => {
        const list = await apps.list(c.req.query('org_id'));
        return c.json({ apps: await Promise.all(list.map((app) => withSecret(app.id))) });
      },
    }),
    controlRoute(deps, {
      method: 'get',
      path: '/emulator/v1/apps/{app_id}',
      summary: 'Get an app, with its client secret',
      responses: { 200: { description: 'The app', schema: appResponse } },
      handler: async (c) => c.json(await withSecret(c.req.param('app_id') as string)),
    }),
    controlRoute(deps, {
      method: 'patch',
      path: '/emulator/v1/apps/{app_id}',
      summary: 'Change name, webhook URL or trusted domains',
      request: { json: updateAppBody },
      responses: { 200: { description: 'The app', schema: appResponse } },
      handler: async (c) => {
        const body = await readJson(c, updateAppBody);
        const app = await apps.update(c.req.param('app_id') as string, {
          name: body.name,
          webhookUrl: body.webhook_url,
          trustedDomains: body.trusted_domains,
        });
        return c.json(await withSecret(app.id));
      },
    }),
    controlRoute(deps, {
      method: 'post',
      path: '/emulator/v1/apps/{app_id}/rotate_secret',
      summary: 'Replace the client secret (the old one stops working)',
      responses: { 200: { description: 'The app with its new secret', schema: appResponse } },
      handler: async (c) => {
        const appId = c.req.param('app_id') as string;
        const secret = await apps.rotateClientSecret(appId);
        return c.json(presentAppWithSecret(await apps.require(appId), secret));
      },
    }),
    controlRoute(deps, {
      method: 'get',
      path: '/emulator/v1/apps/{app_id}/test_users',
      summary: "List the app's test users (≤ 30)",
      responses: { 200: { description: 'User ids', schema: z.object({ user_ids: z.array(z.string()) }) } },
      handler: async (c) => c.json({ user_ids: await apps.testUsers(c.req.param('app_id') as string) }),
    }),
    controlRoute(deps, {
      method: 'put',
      path: '/emulator/v1/apps/{app_id}/test_users/{user_id}',
      summary: 'Make a user a test user of the app (at most 30)',
      responses: { 200: { description: 'Added', schema: okResponse } },
      handler: async (c) => {
        await apps.addTestUser(c.req.param('app_id') as string, c.req.param('user_id') as string);
        return c.json({ ok: true });
      },
    }),
    controlRoute(deps, {
      method: 'delete',
      path: '/emulator/v1/apps/{app_id}/test_users/{user_id}',
      summary: 'Remove a test user',
      responses: { 200: { description: 'Removed', schema: okResponse } },
      handler: async (c) => {
        await apps.removeTestUser(c.req.param('app_id') as string, c.req.param('user_id') as string);
        return c.json({ ok: true });
      },
    }),
  ];
}
