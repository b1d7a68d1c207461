import type { UserInfo, UserInfoResult, V2Success } from '@openminis/protocol';
import { z } from 'zod';
import type { PlatformDeps } from '../../deps';
import { v2Error } from '../../http/api-error';
import { v2Ok } from '../../http/envelope';
import type { RouteDef } from '../../http/route-table';
import { v2ErrorResponse } from '../../http/schemas';
import { requireUserToken } from '../oauth/access';
import { UsersService } from '../users';
import { selectFields, USER_FIELDS, type UserField } from './fields';

const userObject = z
  .object({
    open_id: z.string(),
    union_id: z.string(),
    avatar_url: z.string(),
    avatar_url_100: z.string(),
    avatar_large_url: z.string(),
    display_name: z.string(),
  })
  .partial()
  .meta({ id: 'User', description: 'Only the requested fields are present' }) satisfies z.ZodType<UserInfo>;

const userInfoResponse = z
  .object({
    data: z.object({ user: userObject }),
    error: z.object({ code: z.literal('ok'), message: z.literal(''), log_id: z.string() }),
  })
  .meta({ id: 'UserInfoResponse' }) satisfies z.ZodType<V2Success<UserInfoResult>>;

export function userInfoRoutes(deps: PlatformDeps): RouteDef[] {
  const users = new UsersService(deps);
  return [
    {
      method: 'get',
      path: '/v2/user/info/',
      summary: 'Basic information of the user behind the access token (spec §6.4)',
      tags: ['User'],
      auth: 'userToken',
      request: {
        query: z.object({
          fields: z.string().describe(`Comma-separated subset of ${Object.keys(USER_FIELDS).join(', ')}`),
        }),
      },
      responses: {
        200: { description: 'The requested fields', schema: userInfoResponse },
        400: { description: 'invalid_params or scope_permission_missed', schema: v2ErrorResponse },
        401: { description: 'access_token_invalid or scope_not_authorized', schema: v2ErrorResponse },
      },
      middleware: [requireUserToken(deps)],
      handler: async (c) => {
        const token = c.get('userToken');
        const fields = selectFields(c.req.query('fields'), token.scopes);
        const user = token.profile ?? (await users.get(token.userId));
        if (!user)
          throw v2Error('access_token_invalid', 'The access token is invalid or not found in the request.');
        const values: Record<UserField, string> = {
          open_id: token.openId,
          union_id: token.unionId,
          avatar_url: user.avatarUrl,
          avatar_url_100: user.avatarUrl100,
          avatar_large_url: user.avatarLargeUrl,
          display_name: user.displayName,
        };
        const answer: UserInfo = Object.fromEntries(fields.map((f) => [f, values[f]]));
        return v2Ok<UserInfoResult>(c, { user: answer });
      },
    },
  ];
}
