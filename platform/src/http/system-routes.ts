import { sql } from 'kysely';
import { z } from 'zod';
import type { PlatformDeps } from '../deps';
import { avatarSvg } from '../domains/users/avatar';
import type { RouteDef } from './route-table';

/** Liveness, readiness, the OpenAPI document and generated avatars. */
export function systemRoutes(deps: PlatformDeps, openApi: () => unknown): RouteDef[] {
  return [
    {
      method: 'get',
      path: '/healthz',
      summary: 'Liveness: the process answers',
      tags: ['System'],
      auth: 'none',
      responses: { 200: { description: 'Alive', schema: z.object({ status: z.literal('ok') }) } },
      handler: (c) => c.json({ status: 'ok' }),
    },
    {
      method: 'get',
      path: '/readyz',
      summary: 'Readiness: the database answers',
      tags: ['System'],
      auth: 'none',
      responses: {
        200: { description: 'Ready', schema: z.object({ status: z.literal('ok'), database: z.string() }) },
        503: { description: 'Database unreachable' },
      },
      handler: async (c) => {
        try {
          await sql`select 1`.execute(deps.db);
          return c.json({ status: 'ok', database: deps.engine });
        } catch (error) {
          c.get('logger').error({ err: (error as Error).message }, 'readiness check failed');
          return c.json({ status: 'unavailable', database: deps.engine }, 503);
        }
      },
    },
    {
      method: 'get',
      path: '/openapi.json',
      summary: 'This document',
      tags: ['System'],
      auth: 'none',
      responses: { 200: { description: 'OpenAPI 3.1 document' } },
      handler: (c) => c.json(openApi() as object),
    },
    {
      method: 'get',
      path: '/avatars/{user_id}',
      summary: 'Generated avatar of a simulated account (SVG; ?size=100|168|720)',
      tags: ['System'],
      auth: 'none',
      responses: { 200: { description: 'SVG image', contentType: 'image/svg+xml', schema: z.string() } },
      handler: async (c) => {
        const userId = c.req.param('user_id') as string;
        const size = Math.min(Math.max(Number(c.req.query('size')) || 168, 16), 1024);
        const user = await deps.db
          .selectFrom('users')
          .select('display_name')
          .where('id', '=', userId)
          .executeTakeFirst();
        c.header('Cache-Control', 'public, max-age=3600');
        return c.body(avatarSvg(userId, user?.display_name ?? '?', size), 200, {
          'Content-Type': 'image/svg+xml',
        });
      },
    },
  ];
}
