import type { PlatformDeps } from '../../deps';
import type { RouteDef } from '../../http/route-table';
import { emulatorAppRoutes } from './routes-apps';
import { emulatorSessionRoutes } from './routes-session';
import { emulatorUserRoutes } from './routes-users';

export function emulatorRoutes(deps: PlatformDeps): RouteDef[] {
  return [...emulatorAppRoutes(deps), ...emulatorUserRoutes(deps), ...emulatorSessionRoutes(deps)];
}
