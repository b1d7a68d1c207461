import { Hono } from 'hono';
import type { ShopContext } from '../context';

/** `GET /api/state`: everything the shop knows, for demos and e2e tests. Never tokens or session hashes. */
export function stateRoutes(ctx: ShopContext) {
  const routes = new Hono();
  routes.get('/state', (c) => {
    const users = ctx.store
      .listUsers()
      .map(({ open_id, scope, access_expires_at, refresh_expires_at, created_at, updated_at }) => ({
        open_id,
        scope,
        access_expires_at,
        refresh_expires_at,
        created_at,
        updated_at,
      }));
    return c.json({
      client_key: ctx.client.clientKey,
      open_api_base_url: ctx.client.baseUrl,
      users,
      orders: ctx.store.listOrders(),
      entitlements: ctx.store.listEntitlements(),
      webhooks: ctx.store.listWebhooks(),
      prices: ctx.catalogue.paidPrices(),
    });
  });
  return routes;
}
