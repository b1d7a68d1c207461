import type { MiddlewareHandler } from 'hono';
import { sha256Hex } from '../../crypto';
import type { PlatformDeps } from '../../deps';
import { v2Error } from '../../http/api-error';
import type { AppEnv } from '../../http/env';
import { findAccessToken } from './access-token-query';
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
  const row = await findAccessToken(deps.db, sha256Hex(token), now);
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
