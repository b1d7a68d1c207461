import { newAuthorizationCode, sha256Hex } from '../../crypto';
import type { PlatformDeps } from '../../deps';
import { ApiError } from '../../http/api-error';
import { AppsService } from '../apps';
import { UsersService } from '../users';
import { CODE_TTL_SECONDS } from './lifetimes';
import { formatScopes, parseScopes } from './scopes';

export interface IssuedCode {
  code: string;
  scopes: string[];
  expiresIn: number;
}

/**
 * What `TTMinis.login` (no scope) or `TTMinis.authorize` (with scope) hands the Mini: a
 * single-use code bound to the app and the granted scopes, valid 5 minutes. Only its
 * SHA-256 hash is stored. Creates the user's open_id/union_id for the app on first login.
 */
export async function issueAuthorizationCode(
  deps: PlatformDeps,
  input: { clientKey: string; userId: string; scope?: string | null },
): Promise<IssuedCode> {
  const scopes = parseScopes(input.scope);
  const app = await new AppsService(deps).getByClientKey(input.clientKey);
  if (!app) {
    throw new ApiError(
      400,
      'invalid_client',
      `No app has client_key ${JSON.stringify(input.clientKey.slice(0, 64))}.`,
    );
  }
  const users = new UsersService(deps);
  if (!(await users.get(input.userId))) {
    throw new ApiError(
      400,
      'invalid_request',
      `No user has user_id ${JSON.stringify(input.userId.slice(0, 64))}.`,
    );
  }
  await users.ensureIdentity(input.userId, app);
  const code = newAuthorizationCode();
  const now = deps.clock.now();
  await deps.db
    .insertInto('oauth_codes')
    .values({
      code_hash: sha256Hex(code),
      app_id: app.id,
      user_id: input.userId,
      scopes: formatScopes(scopes),
      created_at: now,
      expires_at: now + CODE_TTL_SECONDS * 1000,
      used_at: null,
      revoked_at: null,
    })
    .execute();
  return { code, scopes, expiresIn: CODE_TTL_SECONDS };
}
