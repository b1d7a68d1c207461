import type { PlatformDeps } from '../../deps';
import type { RouteDef } from '../../http/route-table';
import { portalAccountRoutes } from './routes-account';
import { portalAppRoutes } from './routes-apps';
import { portalOrgRoutes } from './routes-orgs';

/** The developer portal API, `/portal/v1/*` (see docs/portal-api.md). */
export function portalRoutes(deps: PlatformDeps): RouteDef[] {
  return [...portalAccountRoutes(deps), ...portalOrgRoutes(deps), ...portalAppRoutes(deps)];
}

export { PortalAccess } from './access';
export { currentSession, requirePortalSession } from './session-guard';
