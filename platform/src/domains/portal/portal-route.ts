import type { PlatformDeps } from '../../deps';
import { ApiError } from '../../http/api-error';
import type { RouteDef } from '../../http/route-table';
import { ownErrorResponse } from '../../http/schemas';
import { requirePortalSession } from './session-guard';

type PortalRouteInput = Omit<RouteDef, 'tags' | 'auth' | 'middleware'> & {
  /** Sign-up and log-in only: every other portal route needs a session. */
  public?: boolean;
};

/**
 * A portal route: tagged, guarded by a portal session (unless public), with the shared error
 * docs. The reused services report bad input as `invalid_request`; the portal answers
 * `invalid_params` for every 400 so clients handle one code.
 */
export function portalRoute(deps: PlatformDeps, input: PortalRouteInput): RouteDef {
  const { public: isPublic, handler, ...route } = input;
  const errors: RouteDef['responses'] = {
    400: { description: 'invalid_params (names the field, expected and found)', schema: ownErrorResponse },
  };
  if (!isPublic) {
    errors[401] = {
      description: 'unauthenticated: no, expired or logged-out session',
      schema: ownErrorResponse,
    };
    errors[403] = {
      description: 'forbidden: the caller is a Member where Admin is needed',
      schema: ownErrorResponse,
    };
    errors[404] = {
      description: 'not_found: no such org/app, or the caller is not a member',
      schema: ownErrorResponse,
    };
  }
  return {
    ...route,
    tags: ['Developer portal'],
    auth: isPublic ? 'none' : 'portalSession',
    ...(isPublic ? {} : { middleware: [requirePortalSession(deps)] }),
    responses: { ...route.responses, ...errors },
    handler: async (c, next) => {
      try {
        return await handler(c, next);
      } catch (error) {
        if (error instanceof ApiError && error.status === 400 && error.code === 'invalid_request') {
          throw new ApiError(400, 'invalid_params', error.message);
        }
        throw error;
      }
    },
  };
}
