import {
  OpenApiClient,
  type OpenApiClientOptions,
  OpenApiError,
  type WebhookDedupeStore,
} from '@openminis/node';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { Catalogue, type Drama } from './catalogue';
import type { ShopContext } from './context';
import { fail } from './http';
import { authRoutes } from './routes/auth';
import { catalogueRoutes } from './routes/catalogue';
import { orderRoutes } from './routes/orders';
import { stateRoutes } from './routes/state';
import { webhookRoutes } from './routes/webhooks';
import { createMemoryStore } from './store/memoryStore';
import type { ShopStore } from './store/types';

export interface ShopOptions {
  /** The Open API to call: a ready client, or options for one (baseUrl, clientKey, clientSecret, fetch). */
  openApi: OpenApiClient | OpenApiClientOptions;
  /** Secret that signs webhooks; default: the client secret from `openApi` options. */
  webhookSecret?: string;
  /** Webhook timestamp tolerance in seconds (default 300). Raise it when the platform's clock is advanced in tests. */
  webhookToleranceSeconds?: number;
  webhookDedupe?: WebhookDedupeStore;
  store?: ShopStore;
  catalogue?: readonly Drama[];
  /** Epoch ms; inject to test expiry. */
  now?: () => number;
  sessionTtlSeconds?: number;
  /** Serve `GET /api/state` (default true: this is a demo backend). */
  exposeState?: boolean;
  /** CORS origins for /api/*; default any (sessions travel as Bearer tokens, not cookies, across origins). */
  allowedOrigins?: string[];
}

const API_BODY_LIMIT = 16 * 1024;
const WEBHOOK_BODY_LIMIT = 1024 * 1024;

/** The drama shop's HTTP app, in-process testable with `app.request()`. */
export function createShopApp(options: ShopOptions) {
  const client =
    options.openApi instanceof OpenApiClient ? options.openApi : new OpenApiClient(options.openApi);
  const webhookSecret =
    options.webhookSecret ??
    (options.openApi instanceof OpenApiClient ? undefined : options.openApi.clientSecret);
  if (!webhookSecret)
    throw new Error('createShopApp: webhookSecret is required when openApi is a ready client');

  const ctx: ShopContext = {
    store: options.store ?? createMemoryStore(),
    catalogue: new Catalogue(options.catalogue),
    client,
    now: options.now ?? Date.now,
    sessionTtlSeconds: options.sessionTtlSeconds ?? 7 * 24 * 3600,
  };

  const app = new Hono();
  app.get('/healthz', (c) => c.json({ ok: true }));

  const tooLarge = (limit: number) =>
    bodyLimit({
      maxSize: limit,
      onError: (c) => fail(c, 413, 'body_too_large', `request body over ${limit} bytes`),
    });

  app.use(
    '/api/*',
    cors({ origin: options.allowedOrigins ?? '*', allowHeaders: ['Authorization', 'Content-Type'] }),
  );
  app.use('/api/*', tooLarge(API_BODY_LIMIT));
  app.use('/webhooks/*', tooLarge(WEBHOOK_BODY_LIMIT));

  app.route('/api', authRoutes(ctx));
  app.route('/api', catalogueRoutes(ctx));
  app.route('/api', orderRoutes(ctx));
  if (options.exposeState ?? true) app.route('/api', stateRoutes(ctx));
  app.route(
    '/webhooks',
    webhookRoutes(ctx, {
      clientSecret: webhookSecret,
      clientKey: client.clientKey,
      toleranceSeconds: options.webhookToleranceSeconds,
      dedupe: options.webhookDedupe,
    }),
  );

  app.notFound((c) => fail(c, 404, 'not_found', `no route ${c.req.method} ${new URL(c.req.url).pathname}`));
  app.onError((error, c) => {
    if (error instanceof OpenApiError) {
      // The Open API is down or answered something unexpected: a gateway problem, not ours.
      return fail(c, 502, 'open_api_error', `the Open API failed: ${error.message}`, { code: error.code });
    }
    console.error('drama-shop: unexpected error', error);
    return fail(c, 500, 'internal_error', 'unexpected server error; see the server log');
  });

  return { app, store: ctx.store, catalogue: ctx.catalogue, client };
}

export type ShopApp = ReturnType<typeof createShopApp>;
