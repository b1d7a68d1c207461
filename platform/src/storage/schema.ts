import type { Kysely } from 'kysely';

/**
 * Table types. Timestamps are epoch milliseconds (bigint columns, returned as numbers on
 * both engines). Nullable `*_at` columns stand in for booleans (used, revoked, rotated).
 */
export interface OrgsTable {
  id: string;
  name: string;
  created_at: number;
}

export interface DevelopersTable {
  id: string;
  email: string;
  display_name: string;
  created_at: number;
}

export type OrgRole = 'Admin' | 'Member';

export interface OrgMembersTable {
  org_id: string;
  developer_id: string;
  role: OrgRole;
  created_at: number;
}

export interface AppsTable {
  id: string;
  org_id: string;
  name: string;
  client_key: string;
  /** AES-256-GCM sealed, see crypto/secret-box. */
  client_secret_enc: string;
  webhook_url: string | null;
  /** JSON array of strings. */
  trusted_domains: string;
  created_at: number;
}

export interface AppTestUsersTable {
  app_id: string;
  user_id: string;
  created_at: number;
}

export interface UsersTable {
  id: string;
  display_name: string;
  avatar_url: string;
  avatar_url_100: string;
  avatar_large_url: string;
  created_at: number;
}

export interface UserAppIdentitiesTable {
  app_id: string;
  user_id: string;
  open_id: string;
  created_at: number;
}

export interface UserOrgIdentitiesTable {
  org_id: string;
  user_id: string;
  union_id: string;
  created_at: number;
}

export interface OauthCodesTable {
  code_hash: string;
  app_id: string;
  user_id: string;
  /** Comma-separated granted scopes. */
  scopes: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  revoked_at: number | null;
}

export interface OauthGrantsTable {
  id: string;
  app_id: string;
  user_id: string;
  scopes: string;
  code_hash: string | null;
  created_at: number;
  revoked_at: number | null;
}

export interface OauthAccessTokensTable {
  token_hash: string;
  grant_id: string;
  created_at: number;
  expires_at: number;
}

export interface OauthRefreshTokensTable {
  token_hash: string;
  grant_id: string;
  created_at: number;
  expires_at: number;
  rotated_at: number | null;
}

export interface PlatformStateTable {
  key: string;
  value: string;
}

export interface Database {
  orgs: OrgsTable;
  developers: DevelopersTable;
  org_members: OrgMembersTable;
  apps: AppsTable;
  app_test_users: AppTestUsersTable;
  users: UsersTable;
  user_app_identities: UserAppIdentitiesTable;
  user_org_identities: UserOrgIdentitiesTable;
  oauth_codes: OauthCodesTable;
  oauth_grants: OauthGrantsTable;
  oauth_access_tokens: OauthAccessTokensTable;
  oauth_refresh_tokens: OauthRefreshTokensTable;
  platform_state: PlatformStateTable;
}

export type Db = Kysely<Database>;
