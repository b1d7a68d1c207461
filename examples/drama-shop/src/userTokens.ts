import { type OpenApiClient, OpenApiError, type TokenResponse } from '@openminis/node';
import type { ShopStore, ShopUser } from './store/types';

/** The user's tokens are gone or rejected: the front-end must run `TTMinis.login` again (spec §6.2). */
export class ReloginRequired extends Error {
  override readonly name = 'ReloginRequired';
}

/** Refresh this long before the recorded expiry, so a call never races the deadline. */
const EXPIRY_MARGIN_MS = 60_000;

export function userFromTokens(tokens: TokenResponse, now: number, previous?: ShopUser): ShopUser {
  return {
    open_id: tokens.open_id,
    access_token: tokens.access_token,
    refresh_token: tokens.refresh_token,
    access_expires_at: now + tokens.expires_in * 1000,
    refresh_expires_at: now + (tokens.refresh_expires_in ?? 0) * 1000,
    scope: tokens.scope ?? '',
    created_at: previous?.created_at ?? now,
    updated_at: now,
  };
}

/**
 * Runs `call` with a valid access token for `openId`: refreshes first when the token is due, and
 * once more if the Open API rejects it (revoked, or the platform's clock moved). A failed refresh
 * means re-login. Refreshed tokens are stored, including a rotated refresh token (spec §6.3).
 */
export async function withUserToken<T>(
  client: OpenApiClient,
  store: ShopStore,
  openId: string,
  now: () => number,
  call: (accessToken: string) => Promise<T>,
): Promise<T> {
  let user = store.getUser(openId);
  if (!user) throw new ReloginRequired(`no tokens stored for ${openId}`);
  if (user.access_expires_at - EXPIRY_MARGIN_MS <= now()) user = await refresh(client, store, user, now);
  try {
    return await call(user.access_token);
  } catch (error) {
    if (!(error instanceof OpenApiError) || !error.isAuthError()) throw error;
    user = await refresh(client, store, user, now);
    try {
      return await call(user.access_token);
    } catch (retryError) {
      if (retryError instanceof OpenApiError && retryError.isAuthError()) {
        throw new ReloginRequired(`Open API still rejects the refreshed token: ${retryError.code}`);
      }
      throw retryError;
    }
  }
}

async function refresh(
  client: OpenApiClient,
  store: ShopStore,
  user: ShopUser,
  now: () => number,
): Promise<ShopUser> {
  try {
    const tokens = await client.refreshToken(user.refresh_token);
    const updated = userFromTokens(tokens, now(), user);
    store.saveUser(updated);
    return updated;
  } catch (error) {
    if (error instanceof OpenApiError && (error.isAuthError() || error.kind === 'oauth')) {
      store.forgetUser(user.open_id);
      throw new ReloginRequired(`refresh failed: ${error.code}`);
    }
    throw error;
  }
}
