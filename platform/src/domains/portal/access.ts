import type { PlatformDeps } from '../../deps';
import { ApiError, notFound } from '../../http/api-error';
import type { OrgRole } from '../../storage';
import { type App, AppsService } from '../apps';
import { type Org, OrgsService } from '../orgs';

export type Need = 'Member' | 'Admin';

/**
 * Authorization for portal routes. Organizations and apps the caller is not a member of
 * answer 404 exactly like ones that do not exist, so ids cannot be probed; a Member asking
 * for an Admin action gets 403.
 */
export class PortalAccess {
  private readonly orgs: OrgsService;
  private readonly apps: AppsService;

  constructor(deps: PlatformDeps) {
    this.orgs = new OrgsService(deps);
    this.apps = new AppsService(deps);
  }

  async org(orgId: string, developerId: string, need: Need): Promise<{ org: Org; role: OrgRole }> {
    const role = await this.orgs.roleOf(orgId, developerId);
    const org = role && (await this.orgs.get(orgId));
    if (!role || !org) throw notFound(`organization ${orgId}`);
    assertRole(role, need, `organization ${orgId}`);
    return { org, role };
  }

  async app(appId: string, developerId: string, need: Need): Promise<{ app: App; role: OrgRole }> {
    const app = await this.apps.get(appId);
    const role = app && (await this.orgs.roleOf(app.orgId, developerId));
    if (!app || !role) throw notFound(`app ${appId}`);
    assertRole(role, need, `app ${appId}`);
    return { app, role };
  }
}

function assertRole(role: OrgRole, need: Need, what: string): void {
  if (need === 'Admin' && role !== 'Admin') {
    throw new ApiError(403, 'forbidden', `${what}: this action needs the Admin role, you are a Member`);
  }
}
