import { randomUUID } from 'node:crypto';
import type { FetchLike } from '@openminis/node';

/**
 * A minimal stand-in for the Open API (spec §6.3–6.5 shapes) for the shop's own tests, until they
 * run against the real platform. Not a reference implementation: only what the shop calls.
 */
export function createFakeOpenApi(options: { clientKey: string; clientSecret: string }) {
  const codes = new Map<string, string>(); // code -> open_id
  const accessTokens = new Map<string, string>(); // token -> open_id
  const refreshTokens = new Map<string, string>();
  const orders = new Map<
    string,
    { order_id: string; token_amount: number; open_id: string; status: 'PENDING' | 'SUCCESS' }
  >();
  const calls: Array<{ path: string; body: unknown; auth?: string }> = [];
  const logId = '20241125114034036EE8AEADBAF91D5E93';

  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const ok = (data: unknown) => json({ data, error: { code: 'ok', message: '', log_id: logId } });
  const apiError = (code: string, status: number) =>
    json({ data: {}, error: { code, message: code, log_id: logId } }, status);
  const oauthError = (error: string, status = 400) =>
    json({ error, error_description: error, log_id: logId }, status);

  function issue(openId: string) {
    const access_token = `act.${randomUUID()}`;
    const refresh_token = `rft.${randomUUID()}`;
    accessTokens.set(access_token, openId);
    refreshTokens.set(refresh_token, openId);
    return json({
      access_token,
      expires_in: 86400,
      open_id: openId,
      refresh_expires_in: 31536000,
      refresh_token,
      scope: 'user.info.basic',
      token_type: 'Bearer',
    });
  }

  const fetch: FetchLike = async (input, init) => {
    const request = new Request(input, init);
    const path = new URL(request.url).pathname;
    const text = await request.text();
    const auth = request.headers.get('authorization') ?? undefined;
    if (path.startsWith('/v2/oauth/')) {
      const form = Object.fromEntries(new URLSearchParams(text));
      calls.push({ path, body: form });
      if (form.client_key !== options.clientKey || form.client_secret !== options.clientSecret) {
        return oauthError('invalid_client', 401);
      }
      if (path === '/v2/oauth/token/' && form.grant_type === 'authorization_code') {
        const openId = codes.get(form.code ?? '');
        if (!openId) return oauthError('invalid_grant');
        codes.delete(form.code ?? '');
        return issue(openId);
      }
      if (path === '/v2/oauth/token/' && form.grant_type === 'refresh_token') {
        const openId = refreshTokens.get(form.refresh_token ?? '');
        if (!openId) return oauthError('invalid_grant');
        refreshTokens.delete(form.refresh_token ?? '');
        return issue(openId);
      }
      return oauthError('unsupported_grant_type');
    }
    const body: Record<string, unknown> = text ? JSON.parse(text) : {};
    calls.push({ path, body, auth });
    const openId = accessTokens.get(auth?.replace(/^Bearer /, '') ?? '');
    if (!openId) return apiError('access_token_invalid', 401);
    if (path === '/v2/user/info/') return ok({ user: { open_id: openId, display_name: 'Viewer' } });
    if (path === '/v2/minis/trade_order/create/') {
      const info = body.order_info as { order_id: string };
      if ([...orders.values()].some((o) => o.order_id === info.order_id)) return apiError('20021002', 200);
      const id = `TOID${orders.size + 1}${Date.now()}`;
      orders.set(id, {
        order_id: info.order_id,
        token_amount: body.token_amount as number,
        open_id: openId,
        status: 'PENDING',
      });
      return ok({ trade_order_id: id });
    }
    if (path === '/v2/minis/trade_order/query/') {
      const order = orders.get(body.trade_order_id as string);
      if (!order || order.open_id !== openId) return apiError('20011002', 200);
      return ok({ trade_order_id: body.trade_order_id, trade_order_status: order.status });
    }
    return apiError('invalid_params', 404);
  };

  return {
    fetch,
    calls,
    orders,
    /** What `TTMinis.login` would hand the Mini. */
    login(openId: string): string {
      const code = `code-${randomUUID()}`;
      codes.set(code, openId);
      return code;
    },
    /** The user pays in the cashier. */
    pay(tradeOrderId: string) {
      const order = orders.get(tradeOrderId);
      if (!order) throw new Error(`fake: no trade order ${tradeOrderId}`);
      order.status = 'SUCCESS';
      return order;
    },
    /** Every access token stops working (as after the platform clock passes 24 h). */
    expireAccessTokens() {
      accessTokens.clear();
    },
  };
}
