import { z } from 'zod';
import type { PlatformDeps } from '../../deps';
import { notFound } from '../../http/api-error';
import { readJson } from '../../http/json-body';
import type { RouteDef } from '../../http/route-table';
import { DevelopersService } from '../developers';
import { OrgsService } from '../orgs';
import { PortalAccess } from './access';
import { portalRoute } from './portal-route';
import { presentMember, presentOrg } from './present';
import {
  addMemberBody,
  createOrgBody,
  membersResponse,
  okResponse,
  orgResponse,
  setRoleBody,
} from './schemas';
import { currentSession } from './session-guard';

/** Organizations and their members (spec §1.2 stage 2). The name cannot change: no rename route. */
export function portalOrgRoutes(deps: PlatformDeps): RouteDef[] {
  const orgs = new OrgsService(deps);
  const developers = new DevelopersService(deps);
  const access = new PortalAccess(deps);
  const param = (c: { req: { param: (name: string) => string | undefined } }, name: string) =>
    c.req.param(name) ?? '';
  const membersOf = async (orgId: string) => ({ members: (await orgs.members(orgId)).map(presentMember) });

  return [
    portalRoute(deps, {
      method: 'post',
      path: '/portal/v1/orgs',
      summary: 'Create an organization; the caller becomes its Admin',
      request: { json: createOrgBody },
      responses: { 201: { description: 'Created', schema: orgResponse } },
      handler: async (c) => {
        const body = await readJson(c, createOrgBody, 'invalid_params');
        const me = currentSession(c).developer;
        const org = await orgs.create({ name: body.name, creatorDeveloperId: me.id });
        return c.json(presentOrg(org, 'Admin'), 201);
      },
    }),
    portalRoute(deps, {
      method: 'get',
      path: '/portal/v1/orgs',
      summary: "The caller's organizations, with the caller's role",
      responses: { 200: { description: 'Organizations', schema: z.object({ orgs: z.array(orgResponse) }) } },
      handler: async (c) => {
        const me = currentSession(c).developer;
        const rows = await deps.db
          .selectFrom('org_members as m')
          .innerJoin('orgs as o', 'o.id', 'm.org_id')
          .select(['o.id', 'o.name', 'o.created_at', 'm.role'])
          .where('m.developer_id', '=', me.id)
          .orderBy('o.created_at')
          .orderBy('o.id')
          .execute();
        return c.json({
          orgs: rows.map((r) => presentOrg({ id: r.id, name: r.name, createdAt: r.created_at }, r.role)),
        });
      },
    }),
    portalRoute(deps, {
      method: 'get',
      path: '/portal/v1/orgs/{org_id}',
      summary: 'One organization the caller belongs to',
      responses: { 200: { description: 'Organization', schema: orgResponse } },
      handler: async (c) => {
        const { org, role } = await access.org(param(c, 'org_id'), currentSession(c).developer.id, 'Member');
        return c.json(presentOrg(org, role));
      },
    }),
    portalRoute(deps, {
      method: 'get',
      path: '/portal/v1/orgs/{org_id}/members',
      summary: 'Members of an organization',
      responses: { 200: { description: 'Members', schema: membersResponse } },
      handler: async (c) => {
        const { org } = await access.org(param(c, 'org_id'), currentSession(c).developer.id, 'Member');
        return c.json(await membersOf(org.id));
      },
    }),
    portalRoute(deps, {
      method: 'post',
      path: '/portal/v1/orgs/{org_id}/members',
      summary: 'Add an existing developer account by e-mail (Admin), or change their role',
      request: { json: addMemberBody },
      responses: { 200: { description: 'Members after the change', schema: membersResponse } },
      handler: async (c) => {
        const { org } = await access.org(param(c, 'org_id'), currentSession(c).developer.id, 'Admin');
        const body = await readJson(c, addMemberBody, 'invalid_params');
        const developer = await developers.findByEmail(body.email);
        if (!developer) throw notFound(`developer account ${JSON.stringify(body.email.slice(0, 80))}`);
        await orgs.setMember(org.id, developer.id, body.role);
        return c.json(await membersOf(org.id));
      },
    }),
    portalRoute(deps, {
      method: 'patch',
      path: '/portal/v1/orgs/{org_id}/members/{developer_id}',
      summary: "Change a member's role (Admin); the last Admin cannot be demoted",
      request: { json: setRoleBody },
      responses: {
        200: { description: 'Members after the change', schema: membersResponse },
        409: { description: 'last_admin: an organization keeps at least one Admin' },
      },
      handler: async (c) => {
        const { org } = await access.org(param(c, 'org_id'), currentSession(c).developer.id, 'Admin');
        const body = await readJson(c, setRoleBody, 'invalid_params');
        const developerId = param(c, 'developer_id');
        if (!(await orgs.roleOf(org.id, developerId))) throw notFound(`member ${developerId}`);
        await orgs.setMember(org.id, developerId, body.role);
        return c.json(await membersOf(org.id));
      },
    }),
    portalRoute(deps, {
      method: 'delete',
      path: '/portal/v1/orgs/{org_id}/members/{developer_id}',
      summary: 'Remove a member (Admin); the last Admin cannot be removed',
      responses: {
        200: { description: 'Removed', schema: okResponse },
        409: { description: 'last_admin: an organization keeps at least one Admin' },
      },
      handler: async (c) => {
        const { org } = await access.org(param(c, 'org_id'), currentSession(c).developer.id, 'Admin');
        const developerId = param(c, 'developer_id');
        if (!(await orgs.roleOf(org.id, developerId))) throw notFound(`member ${developerId}`);
        await orgs.removeMember(org.id, developerId);
        return c.json({ ok: true as const });
      },
    }),
  ];
}
