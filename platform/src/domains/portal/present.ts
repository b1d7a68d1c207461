import type { OrgRole } from '../../storage';
import type { Developer } from '../developers';
import type { Org, OrgMember } from '../orgs';

export const presentDeveloper = (d: Developer) => ({
  developer_id: d.id,
  email: d.email,
  display_name: d.displayName,
  created_at: d.createdAt,
});

export const presentOrg = (org: Org, role: OrgRole) => ({
  org_id: org.id,
  name: org.name,
  role,
  created_at: Number(org.createdAt),
});

export const presentMember = (m: OrgMember) => ({
  developer_id: m.developerId,
  email: m.email,
  display_name: m.displayName,
  role: m.role,
});
