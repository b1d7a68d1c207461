import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { ShopStore } from './store/types';

export const SESSION_COOKIE = 'drama_shop_session';

/** Session tokens are random and stored only as SHA-256 hashes, so a leaked store cannot be replayed. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function issueSession(store: ShopStore, openId: string, now: number, ttlSeconds: number) {
  const token = randomBytes(32).toString('base64url');
  const expires_at = now + ttlSeconds * 1000;
  store.saveSession({ token_hash: hashSessionToken(token), open_id: openId, expires_at });
  return { token, expires_at };
}

/** The caller's open_id from `Authorization: Bearer <session>` (what a Mini in a webview sends) or the cookie. */
export function sessionOpenId(c: Context, store: ShopStore, now: number): string | undefined {
  const header = c.req.header('authorization');
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : getCookie(c, SESSION_COOKIE);
  if (!token || token.length > 200) return undefined;
  const session = store.getSession(hashSessionToken(token));
  if (!session || session.expires_at <= now) return undefined;
  return store.getUser(session.open_id) ? session.open_id : undefined;
}
