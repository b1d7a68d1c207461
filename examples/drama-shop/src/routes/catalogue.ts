import { Hono } from 'hono';
import type { ShopContext } from '../context';
import { ownsEpisode } from '../fulfilment';
import { sessionOpenId } from '../sessions';

/** `GET /api/catalogue`: prices come from here only; `owned` is filled when a session is present. */
export function catalogueRoutes(ctx: ShopContext) {
  const routes = new Hono();
  routes.get('/catalogue', (c) => {
    const openId = sessionOpenId(c, ctx.store, ctx.now());
    return c.json({
      dramas: ctx.catalogue.dramas.map((drama) => ({
        drama_id: drama.drama_id,
        title: drama.title,
        episodes: drama.episodes.map((ep) => ({
          ...ep,
          free: ep.price_beans === 0,
          owned:
            ep.price_beans === 0 || (openId !== undefined && ownsEpisode(ctx.store, openId, ep.episode_id)),
        })),
      })),
    });
  });
  return routes;
}
