import { z } from 'zod';
import type { PlatformDeps } from '../../deps';
import { ApiError } from '../../http/api-error';
import { describeZodError, readJson } from '../../http/json-body';
import type { RouteDef } from '../../http/route-table';
import { controlRoute } from '../emulator/control-route';
import { moneyDb } from '../payments/tables';
import { Deliveries, presentDelivery } from './deliveries';
import { nudgeDispatchers } from './outbox';
import { sendTestEvent } from './test-event';

const listQuery = z.object({
  app_id: z.string().max(128).optional(),
  status: z.enum(['pending', 'delivering', 'delivered', 'dropped']).optional(),
  event: z.string().max(128).optional(),
  reference: z.string().max(128).optional(),
  limit: z.coerce.number().int().positive().max(1000).optional(),
});
const duplicateBody = z.object({ count: z.number().int().positive().max(20).optional() }).strict();
const testBody = z
  .object({ url: z.string().max(2048).optional() })
  .strict()
  .meta({ id: 'EmulatorWebhookTest' });

/** Control API of the webhook outbox (spec §7): deliveries with their attempts, redelivery, duplicates, test URL. */
export function webhookRoutes(deps: PlatformDeps): RouteDef[] {
  const deliveries = new Deliveries(moneyDb(deps.db), () => deps.clock.now());
  const deliveryId = (c: { req: { param(name: string): string | undefined } }) =>
    c.req.param('delivery_id') as string;
  return [
    controlRoute(deps, {
      method: 'get',
      path: '/emulator/v1/webhooks/deliveries',
      summary:
        'Webhook deliveries, newest first, each with its attempts (?app_id=&status=&event=&reference=&limit=)',
      request: { query: listQuery },
      responses: { 200: { description: '{deliveries: [...]}' } },
      handler: async (c) => {
        const parsed = listQuery.safeParse(c.req.query());
        if (!parsed.success) {
          throw new ApiError(400, 'invalid_request', describeZodError(parsed.error));
        }
        const q = parsed.data;
        const rows = await deliveries.list({
          appId: q.app_id,
          status: q.status,
          event: q.event,
          reference: q.reference,
          limit: q.limit,
        });
        return c.json({ deliveries: rows.map(presentDelivery) });
      },
    }),
    controlRoute(deps, {
      method: 'get',
      path: '/emulator/v1/webhooks/deliveries/{delivery_id}',
      summary: 'One delivery with its body (the exact bytes sent) and every attempt',
      responses: { 200: { description: 'The delivery' } },
      handler: async (c) => c.json(presentDelivery(await deliveries.get(deliveryId(c)))),
    }),
    controlRoute(deps, {
      method: 'post',
      path: '/emulator/v1/webhooks/deliveries/{delivery_id}/redeliver',
      summary: 'Send again now (any state), with a fresh 72 h retry window',
      responses: { 200: { description: 'The delivery, pending' } },
      handler: async (c) => {
        await deliveries.redeliver(deliveryId(c));
        nudgeDispatchers(deps);
        return c.json(presentDelivery(await deliveries.get(deliveryId(c))));
      },
    }),
    controlRoute(deps, {
      method: 'post',
      path: '/emulator/v1/webhooks/deliveries/{delivery_id}/duplicate',
      summary: 'Inject duplicates: new deliveries with the same bytes ({count}, default 1)',
      request: { json: duplicateBody },
      responses: { 201: { description: '{delivery_ids: [...]}' } },
      handler: async (c) => {
        const body = await readJson(c, duplicateBody);
        const ids = await deliveries.duplicate(deliveryId(c), body.count ?? 1);
        nudgeDispatchers(deps);
        return c.json({ delivery_ids: ids }, 201);
      },
    }),
    controlRoute(deps, {
      method: 'post',
      path: '/emulator/v1/apps/{app_id}/webhooks/test',
      summary: "Portal 'Test URL': send a signed minis.webhook.test event now ({url} or the app's URL)",
      request: { json: testBody },
      responses: {
        200: { description: '{ok, http_status, error, response_excerpt, duration_ms, url, body}' },
      },
      handler: async (c) => {
        const body = await readJson(c, testBody);
        const r = await sendTestEvent(deps, c.req.param('app_id') as string, body.url);
        return c.json({
          ok: r.ok,
          url: r.url,
          http_status: r.httpStatus,
          error: r.error,
          response_excerpt: r.responseExcerpt,
          duration_ms: r.durationMs,
          body: r.body,
        });
      },
    }),
  ];
}
