import type { PlatformDeps } from './deps';
import { emulatorRoutes } from './domains/emulator';
import { oauthRoutes } from './domains/oauth';
import { paymentRoutes } from './domains/payments';
import { portalRoutes } from './domains/portal';
import { userInfoRoutes } from './domains/userinfo';
import { webhookRoutes } from './domains/webhooks';
import type { RouteDef } from './http/route-table';

/**
 * Every domain's routes, in one list: the HTTP app mounts them and /openapi.json documents
 * them, so a route cannot be served without being documented. New domains add a line here.
 */
export function domainRoutes(deps: PlatformDeps): RouteDef[] {
  return [
    ...oauthRoutes(deps),
    ...userInfoRoutes(deps),
    ...paymentRoutes(deps),
    ...emulatorRoutes(deps),
    ...webhookRoutes(deps),
    ...portalRoutes(deps),
  ];
}
