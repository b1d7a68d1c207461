import { OpenApiError } from '@openminis/node';
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import type { ShopContext } from '../context';
import { fail, readJsonObject } from '../http';
import { issueSession, SESSION_COOKIE, sessionOpenId } from '../sessions';
import { ReloginRequired, userFromTokens, withUserToken } from '../userTokens';

/** `POST /api/login {code}` → exchange on the Open API → session; `GET /api/me`. (Spec §5.7 "Login".) */
export function authRoutes(ctx: ShopContext) {
  const routes = new Hono();

  routes.post('/login', async (c) => {
    const body = await readJsonObject(c);
    const code = body?.code;
    if (typeof code !== 'string' || code === '' || code.length > 1024) {
      return fail(c, 400, 'invalid_request', 'body must be JSON {"code": "<code from TTMinis.login>"}');
    }
    let tokens: Awaited<ReturnType<typeof ctx.client.exchangeCode>>;
    try {
      tokens = await ctx.client.exchangeCode(code);
    } catch (error) {
      if (error instanceof OpenApiError && error.kind === 'oauth') {
        // invalid_grant = expired or reused code: the Mini should call TTMinis.login again.
        return fail(c, 401, 'login_failed', `code exchange failed: ${error.code}`, {
          code: error.code,
          log_id: error.logId,
        });
      }
      throw error;
    }
    const now = ctx.now();
    ctx.store.saveUser(userFromTokens(tokens, now, ctx.store.getUser(tokens.open_id)));
    const session = issueSession(ctx.store, tokens.open_id, now, ctx.sessionTtlSeconds);
    setCookie(c, SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      maxAge: ctx.sessionTtlSeconds,
    });
    return c.json({
      session_token: session.token,
      expires_at: session.expires_at,
      open_id: tokens.open_id,
      scope: tokens.scope,
    });
  });

  routes.get('/me', async (c) => {
    const openId = sessionOpenId(c, ctx.store, ctx.now());
    if (!openId) return fail(c, 401, 'not_logged_in', 'log in first: POST /api/login {code}');
    const user = ctx.store.getUser(openId);
    const scopes = (user?.scope ?? '').split(',').map((s) => s.trim());
    // Profile fields need user.info.basic (explicit authorize); a plain login only has open_id.
    const fields = scopes.includes('user.info.basic')
      ? ['open_id', 'union_id', 'avatar_url', 'display_name']
      : ['open_id'];
    try {
      const profile = await withUserToken(ctx.client, ctx.store, openId, ctx.now, (token) =>
        ctx.client.getUserInfo(token, fields),
      );
      return c.json({ open_id: openId, scope: user?.scope ?? '', profile });
    } catch (error) {
      if (error instanceof ReloginRequired)
        return fail(c, 401, 'relogin_required', 'tokens expired or revoked: run TTMinis.login again');
      if (error instanceof OpenApiError) {
        return c.json({
          open_id: openId,
          scope: user?.scope ?? '',
          profile: null,
          profile_error: error.code,
        });
      }
      throw error;
    }
  });

  return routes;
}
