import type { PlatformDeps } from '../../deps';
import { ApiError } from '../../http/api-error';
import type { RouteDef } from '../../http/route-table';
import type { App } from '../apps';
import { oauthErrorResponse, revokeRequestForm, tokenRequestForm, tokenResponse } from './schemas';
import { clientAuthenticated, clientCredentialsPresent, formBody, runTokenRequest } from './token-checks';
import { revokeToken } from './token-service';

const errors = {
  400: {
    description: 'invalid_request, invalid_grant, invalid_scope or unsupported_grant_type',
    schema: oauthErrorResponse,
  },
  401: {
    description: 'invalid_client: unknown client key or wrong client secret',
    schema: oauthErrorResponse,
  },
};

export function oauthRoutes(deps: PlatformDeps): RouteDef[] {
  return [
    {
      method: 'post',
      path: '/v2/oauth/token/',
      summary: 'Exchange an authorization code, or refresh tokens (spec §6.3)',
      tags: ['OAuth'],
      auth: 'clientCredentials',
      request: { form: tokenRequestForm },
      responses: { 200: { description: 'Tokens (flat JSON)', schema: tokenResponse }, ...errors },
      handler: async (c) => {
        const body = await runTokenRequest(c, deps);
        c.header('Cache-Control', 'no-store');
        c.header('Pragma', 'no-cache');
        return c.json(body, 200);
      },
    },
    {
      method: 'post',
      path: '/v2/oauth/revoke/',
      summary: "Revoke a user's access token: disconnects the app from the user (spec §6.3)",
      tags: ['OAuth'],
      auth: 'clientCredentials',
      request: { form: revokeRequestForm },
      responses: { 200: { description: 'Revoked (empty body)' }, ...errors },
      handler: async (c) => {
        const request: Parameters<typeof formBody.run>[0] = { c, deps };
        for (const check of [formBody, clientCredentialsPresent, clientAuthenticated])
          await check.run(request);
        const token = request.form?.get('token');
        if (!token) throw new ApiError(400, 'invalid_request', 'Token is missed in request.');
        await revokeToken(deps, request.client as App, token);
        return c.body(null, 200);
      },
    },
  ];
}
