import type { Context, MiddlewareHandler } from 'hono';
import type { PlatformDeps } from '../../deps';
import { ApiError } from '../../http/api-error';
import type { AppEnv } from '../../http/env';
import { type Developer, DevelopersService } from '../developers';
import { bearerToken } from '../oauth/access';

interface SessionInfo {
  developer: Developer;
  token: string;
}

// Keyed by the request's context object, which hono passes unchanged from the guard to
// the handler; a WeakMap keeps it out of the shared AppVariables type.
const sessions = new WeakMap<Context, SessionInfo>();

/** Guard of every portal route except sign-up and log-in: `Authorization: Bearer pst.…`. */
export function requirePortalSession(deps: PlatformDeps): MiddlewareHandler<AppEnv> {
  const developers = new DevelopersService(deps);
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    const developer = token ? await developers.authenticate(token) : undefined;
    if (!token || !developer) {
      c.header('WWW-Authenticate', 'Bearer realm="openminis-portal"');
      throw new ApiError(
        401,
        'unauthenticated',
        token
          ? 'the portal session is invalid, expired or logged out; log in again (POST /portal/v1/sessions)'
          : 'this portal route needs Authorization: Bearer <session token from POST /portal/v1/sessions>',
      );
    }
    sessions.set(c, { developer, token });
    await next();
  };
}

export function currentSession(c: Context): SessionInfo {
  const info = sessions.get(c);
  if (!info) throw new Error('currentSession() on a route without requirePortalSession');
  return info;
}
