import type { MiddlewareHandler } from 'hono';
import { sha256Hex } from '../../crypto';
import type { PlatformDeps } from '../../deps';
import { v2Error } from '../../http/api-error';
import type { AppEnv } from '../../http/env';
import { splitStoredScopes } from './scopes';

/** Who a valid `Authorization: Bearer act.…` belongs to. */
export interface UserTokenInfo {
  appId: string;
  orgId: string;
  clientKey: string;
  userId: string;
  openId: string;
  unionId: string;
  scopes: string[];
  grantId: string;
  expiresAt: number;
  /**
   * The user's profile, read in the same query (user info needs it, and a second query per
   * request cost more than the join); absent when the user row is missing.
   */
  profile?: UserProfile;
}

export interface UserProfile {
  displayName: string;
  avatarUrl: string;
  avatarUrl100: string;
  avatarLargeUrl: string;
}

const MAX_TOKEN_LENGTH = 512;

/** Resolves an access token; undefined when unknown, expired or revoked. */
export async function resolveAccessToken(
  deps: PlatformDeps,
  token: string,
): Promise<UserTokenInfo | undefined> {
  if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) return undefined;
  const now = deps.clock.now();
  const row = await deps.db
    .selectFrom('oauth_access_tokens as t')
    .innerJoin('oauth_grants as g', 'g.id', 't.grant_id')
    .innerJoin('apps as a', 'a.id', 'g.app_id')
    .innerJoin('user_app_identities as ai', (j) =>
      j.onRef('ai.app_id', '=', 'g.app_id').onRef('ai.user_id', '=', 'g.user_id'),
    )
    .innerJoin('user_org_identities as oi', (j) =>
      j.onRef('oi.org_id', '=', 'a.org_id').onRef('oi.user_id', '=', 'g.user_id'),
    )
    .leftJoin('users as u', 'u.id', 'g.user_id')
    .select([
      'g.id as grant_id',
      'g.app_id',
      'g.user_id',
      'g.scopes',
      'a.org_id',
      'a.client_key',
      'ai.open_id',
      'oi.union_id',
      't.expires_at',
      'u.id as profile_user_id',
      'u.display_name',
      'u.avatar_url',
      'u.avatar_url_100',
      'u.avatar_large_url',
    ])
    .where('t.token_hash', '=', sha256Hex(token))
    .where('g.revoked_at', 'is', null)
    .where('t.expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    appId: row.app_id,
    orgId: row.org_id,
    clientKey: row.client_key,
    userId: row.user_id,
    openId: row.open_id,
    unionId: row.union_id,
    scopes: splitStoredScopes(row.scopes),
    grantId: row.grant_id,
    expiresAt: row.expires_at,
    ...(row.profile_user_id === null
      ? {}
      : {
          profile: {
            displayName: row.display_name ?? '',
            avatarUrl: row.avatar_url ?? '',
            avatarUrl100: row.avatar_url_100 ?? '',
            avatarLargeUrl: row.avatar_large_url ?? '',
          },
        }),
  };
}

/** Extracts the token of `Authorization: Bearer <token>` (scheme case-insensitive). */
export function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^\s*Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}

/**
 * Guard for every Open API route that acts for a user (user info here; payments and
 * subscriptions later): sets `c.var.userToken` or answers `access_token_invalid` (401).
 */
export function requireUserToken(deps: PlatformDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    const info = token ? await resolveAccessToken(deps, token) : undefined;
    if (!info) {
      throw v2Error('access_token_invalid', 'The access token is invalid or not found in the request.');
    }
    c.set('userToken', info);
    await next();
  };
}
