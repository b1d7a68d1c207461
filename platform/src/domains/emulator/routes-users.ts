import { z } from 'zod';
import type { PlatformDeps } from '../../deps';
import { notFound } from '../../http/api-error';
import { readJson } from '../../http/json-body';
import type { RouteDef } from '../../http/route-table';
import { AppsService } from '../apps';
import { UsersService } from '../users';
import { controlRoute } from './control-route';
import { presentUser } from './present';
import { createUserBody, identityResponse, userResponse } from './schemas';

export function emulatorUserRoutes(deps: PlatformDeps): RouteDef[] {
  const users = new UsersService(deps);
  const apps = new AppsService(deps);
  return [
    controlRoute(deps, {
      method: 'post',
      path: '/emulator/v1/users',
      summary: 'Create a simulated TikTok account',
      request: { json: createUserBody },
      responses: { 201: { description: 'Created', schema: userResponse } },
      handler: async (c) => {
        const body = await readJson(c, createUserBody);
        const user = await users.create({ displayName: body.display_name, avatarUrl: body.avatar_url });
        return c.json(presentUser(user), 201);
      },
    }),
    controlRoute(deps, {
      method: 'get',
      path: '/emulator/v1/users',
      summary: 'List simulated accounts',
      responses: { 200: { description: 'Users', schema: z.object({ users: z.array(userResponse) }) } },
      handler: async (c) => c.json({ users: (await users.list()).map(presentUser) }),
    }),
    controlRoute(deps, {
      method: 'get',
      path: '/emulator/v1/users/{user_id}',
      summary: 'Get a simulated account',
      responses: { 200: { description: 'The user', schema: userResponse } },
      handler: async (c) => c.json(presentUser(await users.require(c.req.param('user_id') as string))),
    }),
    controlRoute(deps, {
      method: 'get',
      path: '/emulator/v1/users/{user_id}/identity',
      summary: "The user's open_id for an app and union_id for its organization (?app_id= or ?client_key=)",
      request: { query: z.object({ app_id: z.string().optional(), client_key: z.string().optional() }) },
      responses: {
        200: { description: 'Identity (created on first use, like a login)', schema: identityResponse },
      },
      handler: async (c) => {
        const userId = c.req.param('user_id') as string;
        await users.require(userId);
        const appId = c.req.query('app_id');
        const clientKey = c.req.query('client_key');
        const app = appId
          ? await apps.get(appId)
          : clientKey
            ? await apps.getByClientKey(clientKey)
            : undefined;
        if (!app) throw notFound('app (give ?app_id= or ?client_key=)');
        const identity = await users.ensureIdentity(userId, app);
        return c.json({
          user_id: userId,
          app_id: app.id,
          open_id: identity.openId,
          union_id: identity.unionId,
        });
      },
    }),
  ];
}
