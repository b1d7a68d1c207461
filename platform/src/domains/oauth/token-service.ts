import type { TokenResponse } from '@openminis/protocol';
import { sha256Hex } from '../../crypto';
import type { PlatformDeps } from '../../deps';
import { ApiError } from '../../http/api-error';
import type { App } from '../apps';
import { UsersService } from '../users';
import { nudgeDispatchers } from '../webhooks';
import { enqueueAuthorizationRemoved } from './deauthorization';
import { createGrant, disconnectUserFromApp, issueTokenPair, type TokenPair } from './grants';
import { ACCESS_TOKEN_TTL_SECONDS, REFRESH_TOKEN_TTL_SECONDS } from './lifetimes';

const invalidGrant = (message: string) => new ApiError(400, 'invalid_grant', message);

/**
 * `authorization_code` grant. The code is consumed by one conditional UPDATE (`used_at IS
 * NULL`), so of two concurrent exchanges exactly one wins on both engines. Presenting a
 * used code again revokes every token issued from it (RFC 6749 §4.1.2).
 */
export async function exchangeCode(deps: PlatformDeps, app: App, code: string): Promise<TokenResponse> {
  const codeHash = sha256Hex(code);
  const now = deps.clock.now();
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const consumed = await trx
      .updateTable('oauth_codes')
      .set({ used_at: now })
      .where('code_hash', '=', codeHash)
      .where('app_id', '=', app.id)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (consumed.numUpdatedRows === 1n) {
      const row = await trx
        .selectFrom('oauth_codes')
        .selectAll()
        .where('code_hash', '=', codeHash)
        .executeTakeFirstOrThrow();
      const grantId = await createGrant(trx, {
        appId: app.id,
        userId: row.user_id,
        scopes: row.scopes,
        codeHash,
        now,
      });
      const pair = await issueTokenPair(trx, grantId, now);
      return { ok: true as const, userId: row.user_id, scopes: row.scopes, pair };
    }
    const row = await trx
      .selectFrom('oauth_codes')
      .selectAll()
      .where('code_hash', '=', codeHash)
      .executeTakeFirst();
    if (!row || row.app_id !== app.id) return { ok: false as const, error: 'Authorization code is invalid.' };
    if (row.revoked_at !== null) return { ok: false as const, error: 'Authorization code has been revoked.' };
    if (row.used_at !== null) {
      await trx
        .updateTable('oauth_grants')
        .set({ revoked_at: now })
        .where('code_hash', '=', codeHash)
        .where('revoked_at', 'is', null)
        .execute();
      return { ok: false as const, error: 'Authorization code has already been used.' };
    }
    return { ok: false as const, error: 'Authorization code is expired.' };
  });
  if (!outcome.ok) throw invalidGrant(outcome.error);
  return tokenResponse(deps, app, outcome.userId, outcome.scopes, outcome.pair);
}

/**
 * `refresh_token` grant. The refresh token rotates: the old one is marked by a conditional
 * UPDATE and stops working; the new one is valid 365 days from now (sliding), so the
 * response always carries `refresh_expires_in: 31536000`. Earlier access tokens stay valid
 * until their own expiry. Scopes are those of the original grant.
 */
export async function refreshTokens(
  deps: PlatformDeps,
  app: App,
  refreshToken: string,
): Promise<TokenResponse> {
  const tokenHash = sha256Hex(refreshToken);
  const now = deps.clock.now();
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const rotated = await trx
      .updateTable('oauth_refresh_tokens')
      .set({ rotated_at: now })
      .where('token_hash', '=', tokenHash)
      .where('rotated_at', 'is', null)
      .where('expires_at', '>', now)
      .where('grant_id', 'in', (eb) =>
        eb
          .selectFrom('oauth_grants')
          .select('id')
          .where('app_id', '=', app.id)
          .where('revoked_at', 'is', null),
      )
      .executeTakeFirst();
    if (rotated.numUpdatedRows === 1n) {
      const grant = await trx
        .selectFrom('oauth_refresh_tokens as r')
        .innerJoin('oauth_grants as g', 'g.id', 'r.grant_id')
        .select(['g.id', 'g.user_id', 'g.scopes'])
        .where('r.token_hash', '=', tokenHash)
        .executeTakeFirstOrThrow();
      const pair = await issueTokenPair(trx, grant.id, now);
      return { ok: true as const, userId: grant.user_id, scopes: grant.scopes, pair };
    }
    const row = await trx
      .selectFrom('oauth_refresh_tokens as r')
      .innerJoin('oauth_grants as g', 'g.id', 'r.grant_id')
      .select(['g.app_id', 'g.revoked_at', 'r.rotated_at', 'r.expires_at'])
      .where('r.token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (!row || row.app_id !== app.id) return { ok: false as const, error: 'Refresh token is invalid.' };
    if (row.revoked_at !== null) return { ok: false as const, error: 'Refresh token has been revoked.' };
    if (row.rotated_at !== null) return { ok: false as const, error: 'Refresh token has already been used.' };
    return { ok: false as const, error: 'Refresh token is expired.' };
  });
  if (!outcome.ok) throw invalidGrant(outcome.error);
  return tokenResponse(deps, app, outcome.userId, outcome.scopes, outcome.pair);
}

/**
 * `POST /v2/oauth/revoke/`: an access (or refresh) token of this app disconnects the app
 * from its user. Tokens that are unknown, already revoked or issued to another app change
 * nothing and still answer success (RFC 7009 §2.2), so the endpoint reveals nothing.
 */
export async function revokeToken(deps: PlatformDeps, app: App, token: string): Promise<void> {
  const tokenHash = sha256Hex(token);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const viaAccess = await trx
      .selectFrom('oauth_access_tokens as t')
      .innerJoin('oauth_grants as g', 'g.id', 't.grant_id')
      .select(['g.app_id', 'g.user_id'])
      .where('t.token_hash', '=', tokenHash)
      .executeTakeFirst();
    const owner =
      viaAccess ??
      (await trx
        .selectFrom('oauth_refresh_tokens as t')
        .innerJoin('oauth_grants as g', 'g.id', 't.grant_id')
        .select(['g.app_id', 'g.user_id'])
        .where('t.token_hash', '=', tokenHash)
        .executeTakeFirst());
    if (!owner || owner.app_id !== app.id) return;
    const ended = await disconnectUserFromApp(trx, app.id, owner.user_id, now);
    if (ended > 0) await enqueueAuthorizationRemoved(trx, deps, app, owner.user_id, now);
  });
  nudgeDispatchers(deps);
}

async function tokenResponse(
  deps: PlatformDeps,
  app: App,
  userId: string,
  scopes: string,
  pair: TokenPair,
): Promise<TokenResponse> {
  // The identity was created when the code was issued (codes.ts): one SELECT instead of
  // ensureIdentity's two INSERT … ON CONFLICT DO NOTHING and the SELECT, creating it only
  // if it is somehow missing.
  const users = new UsersService(deps);
  const identity = (await users.identity(userId, app)) ?? (await users.ensureIdentity(userId, app));
  return {
    access_token: pair.accessToken,
    expires_in: ACCESS_TOKEN_TTL_SECONDS,
    open_id: identity.openId,
    refresh_expires_in: REFRESH_TOKEN_TTL_SECONDS,
    refresh_token: pair.refreshToken,
    scope: scopes,
    token_type: 'Bearer',
  };
}
