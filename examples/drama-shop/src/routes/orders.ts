import { randomUUID } from 'node:crypto';
import { OpenApiError } from '@openminis/node';
import { type Context, Hono } from 'hono';
import type { Episode } from '../catalogue';
import type { ShopContext } from '../context';
import { fulfil, ownsEpisode } from '../fulfilment';
import { fail, readJsonObject } from '../http';
import { sessionOpenId } from '../sessions';
import type { Order } from '../store/types';
import { ReloginRequired, withUserToken } from '../userTokens';

/**
 * Orders (spec §5.7 "Pay"): the amount comes from the catalogue, the trade order is created with the
 * buyer's own access token, and the episode is granted only by the webhook or a confirmed query.
 */
export function orderRoutes(ctx: ShopContext) {
  const routes = new Hono();
  const inFlight = new Map<string, Promise<Order>>();

  routes.post('/orders', async (c) => {
    const openId = sessionOpenId(c, ctx.store, ctx.now());
    if (!openId) return fail(c, 401, 'not_logged_in', 'log in first: POST /api/login {code}');
    const body = await readJsonObject(c);
    const episodeId = body?.episode_id;
    if (typeof episodeId !== 'string' || episodeId === '') {
      return fail(
        c,
        400,
        'invalid_request',
        'body must be JSON {"episode_id": "<id from GET /api/catalogue>"}',
      );
    }
    const episode = ctx.catalogue.episode(episodeId);
    if (!episode)
      return fail(
        c,
        404,
        'unknown_episode',
        `no episode ${JSON.stringify(episodeId.slice(0, 100))} in the catalogue`,
      );
    if (episode.price_beans === 0) return fail(c, 409, 'free_episode', `${episodeId} is free to watch`);
    if (ownsEpisode(ctx.store, openId, episodeId))
      return fail(c, 409, 'already_owned', `you already own ${episodeId}`);

    // A double tap sends two requests at once: they share one trade order instead of making two.
    const key = `${openId}|${episode.episode_id}`;
    let creating = inFlight.get(key);
    if (!creating) {
      creating = createOrder(ctx, openId, episode).finally(() => inFlight.delete(key));
      inFlight.set(key, creating);
    }
    try {
      return c.json(present(ctx, await creating), 201);
    } catch (error) {
      return openApiFailure(c, error);
    }
  });

  routes.get('/orders', (c) => {
    const openId = sessionOpenId(c, ctx.store, ctx.now());
    if (!openId) return fail(c, 401, 'not_logged_in', 'log in first: POST /api/login {code}');
    return c.json({ orders: ctx.store.listOrders(openId).map((o) => present(ctx, o)) });
  });

  /** The front-end polls this every 1–2 s after `TTMinis.pay`; `?confirm=1` also asks trade_order/query. */
  routes.get('/orders/:id', async (c) => {
    const openId = sessionOpenId(c, ctx.store, ctx.now());
    if (!openId) return fail(c, 401, 'not_logged_in', 'log in first: POST /api/login {code}');
    const id = c.req.param('id');
    let order = ctx.store.getOrder(id) ?? ctx.store.getOrderByTradeOrderId(id);
    if (!order || order.open_id !== openId)
      return fail(c, 404, 'unknown_order', `no order ${JSON.stringify(id.slice(0, 100))} of yours`);
    const confirm = c.req.query('confirm');
    if (order.status === 'PENDING' && (confirm === '1' || confirm === 'true')) {
      try {
        const tradeOrderId = order.trade_order_id;
        const result = await withUserToken(ctx.client, ctx.store, openId, ctx.now, (token) =>
          ctx.client.queryTradeOrder(token, tradeOrderId),
        );
        if (result.trade_order_status === 'SUCCESS') fulfil(ctx.store, order, ctx.now());
        order = ctx.store.getOrder(order.order_id) ?? order;
      } catch (error) {
        return openApiFailure(c, error);
      }
    }
    return c.json(present(ctx, order));
  });

  routes.get('/entitlements', (c) => {
    const openId = sessionOpenId(c, ctx.store, ctx.now());
    if (!openId) return fail(c, 401, 'not_logged_in', 'log in first: POST /api/login {code}');
    const active = ctx.store.listEntitlements(openId).filter((e) => e.revoked_at === undefined);
    return c.json({
      entitlements: active.map(({ episode_id, trade_order_id, granted_at }) => ({
        episode_id,
        trade_order_id,
        granted_at,
      })),
      episode_ids: [...new Set(active.map((e) => e.episode_id))],
    });
  });

  return routes;
}

async function createOrder(
  ctx: ShopContext,
  openId: string,
  episode: Episode & { drama_title: string },
): Promise<Order> {
  const orderId = `ds_${randomUUID()}`;
  const { trade_order_id } = await withUserToken(ctx.client, ctx.store, openId, ctx.now, (token) =>
    ctx.client.createTradeOrder(token, {
      token_amount: episode.price_beans,
      order_info: {
        order_id: orderId,
        product_name: `${episode.drama_title} — Episode ${episode.number}: ${episode.title}`,
        product_id: episode.episode_id,
        quantity: 1,
        quantity_unit: 'episode',
        image_url: episode.poster_url,
      },
    }),
  );
  const order: Order = {
    order_id: orderId,
    trade_order_id,
    open_id: openId,
    episode_id: episode.episode_id,
    token_amount: episode.price_beans,
    status: 'PENDING',
    created_at: ctx.now(),
  };
  ctx.store.saveOrder(order);
  return order;
}

function present(ctx: ShopContext, order: Order) {
  const granted = ctx.store
    .listEntitlements(order.open_id)
    .some((e) => e.trade_order_id === order.trade_order_id && e.revoked_at === undefined);
  const { open_id: _omit, ...rest } = order;
  return { ...rest, granted };
}

function openApiFailure(c: Context, error: unknown) {
  if (error instanceof ReloginRequired)
    return fail(c, 401, 'relogin_required', 'tokens expired or revoked: run TTMinis.login again');
  if (error instanceof OpenApiError) {
    return fail(
      c,
      502,
      'open_api_error',
      `the Open API refused: ${error.code}${error.description ? ` (${error.description})` : ''}`,
      {
        code: error.code,
        log_id: error.logId,
      },
    );
  }
  throw error;
}
