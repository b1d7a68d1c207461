import { newAccessToken, newPrefixedId, newRefreshToken, sha256Hex } from '../../crypto';
import type { Db } from '../../storage';
import { ACCESS_TOKEN_TTL_SECONDS, REFRESH_TOKEN_TTL_SECONDS } from './lifetimes';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

/** Issues an access token and a refresh token under a grant; only their hashes are stored. */
export async function issueTokenPair(trx: Db, grantId: string, now: number): Promise<TokenPair> {
  const accessToken = newAccessToken();
  const refreshToken = newRefreshToken();
  await trx
    .insertInto('oauth_access_tokens')
    .values({
      token_hash: sha256Hex(accessToken),
      grant_id: grantId,
      created_at: now,
      expires_at: now + ACCESS_TOKEN_TTL_SECONDS * 1000,
    })
    .execute();
  await trx
    .insertInto('oauth_refresh_tokens')
    .values({
      token_hash: sha256Hex(refreshToken),
      grant_id: grantId,
      created_at: now,
      expires_at: now + REFRESH_TOKEN_TTL_SECONDS * 1000,
      rotated_at: null,
    })
    .execute();
  return { accessToken, refreshToken };
}

export async function createGrant(
  trx: Db,
  input: { appId: string; userId: string; scopes: string; codeHash: string | null; now: number },
): Promise<string> {
  const id = newPrefixedId('grt');
  await trx
    .insertInto('oauth_grants')
    .values({
      id,
      app_id: input.appId,
      user_id: input.userId,
      scopes: input.scopes,
      code_hash: input.codeHash,
      created_at: input.now,
      revoked_at: null,
    })
    .execute();
  return id;
}

/**
 * Disconnects the app from the user (spec §6.3 revoke): every grant (so every access and
 * refresh token) and every unused code of that pair stops working. Returns how many live
 * grants it ended (0: the pair was already disconnected).
 */
export async function disconnectUserFromApp(
  trx: Db,
  appId: string,
  userId: string,
  now: number,
): Promise<number> {
  const ended = await trx
    .updateTable('oauth_grants')
    .set({ revoked_at: now })
    .where('app_id', '=', appId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  await trx
    .updateTable('oauth_codes')
    .set({ revoked_at: now })
    .where('app_id', '=', appId)
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
  return Number(ended.numUpdatedRows);
}
