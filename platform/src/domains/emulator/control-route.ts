import type { PlatformDeps } from '../../deps';
import { requireControlAccess } from '../../http/guards';
import type { RouteDef } from '../../http/route-table';
import { ownErrorResponse } from '../../http/schemas';

/** A control-API route: tagged, guarded (dev mode or admin token) and with the shared error docs. */
export function controlRoute(
  deps: PlatformDeps,
  route: Omit<RouteDef, 'tags' | 'auth' | 'middleware'>,
): RouteDef {
  return {
    ...route,
    tags: ['Emulator control'],
    auth: 'control',
    middleware: [requireControlAccess(deps.config)],
    responses: {
      ...route.responses,
      400: { description: 'invalid_request (names the field)', schema: ownErrorResponse },
      404: { description: 'not_found', schema: ownErrorResponse },
    },
  };
}
