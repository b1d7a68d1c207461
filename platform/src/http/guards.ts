import type { MiddlewareHandler } from 'hono';
import type { PlatformConfig } from '../config';
import { constantTimeEqual } from '../crypto';
import { bearerToken } from '../domains/oauth/access';
import { ApiError } from './api-error';
import type { AppEnv } from './env';

/**
 * The emulator control API is open in dev mode. In production it answers only to
 * `Authorization: Bearer <OPENMINIS_ADMIN_TOKEN>` (constant-time compare), and does not
 * exist at all (404) when no admin token is configured.
 */
export const controlApiEnabled = (config: PlatformConfig): boolean =>
  config.mode === 'dev' || config.adminToken !== undefined;

export function requireControlAccess(config: PlatformConfig): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (config.mode !== 'dev') {
      if (!config.adminToken)
        throw new ApiError(404, 'not_found', 'the emulator control API is disabled in production');
      const presented = bearerToken(c.req.header('authorization'));
      if (!presented || !constantTimeEqual(presented, config.adminToken)) {
        c.header('WWW-Authenticate', 'Bearer realm="openminis-emulator"');
        throw new ApiError(
          401,
          'unauthorized',
          'the emulator control API needs Authorization: Bearer <admin token>',
        );
      }
    }
    await next();
  };
}
