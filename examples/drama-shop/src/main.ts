import { serve } from '@hono/node-server';
import { createShopApp } from './app';
import { ConfigError, loadShopConfig } from './config';
import { createSqliteStore } from './store/sqliteStore';

/** `npm start -w @openminis/example-drama-shop`: the drama shop backend on PORT (default 3100). */
function main(): void {
  let config: ReturnType<typeof loadShopConfig>;
  try {
    config = loadShopConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`drama-shop: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const { app } = createShopApp({
    openApi: {
      baseUrl: config.openApiBaseUrl,
      clientKey: config.clientKey,
      clientSecret: config.clientSecret,
    },
    webhookToleranceSeconds: config.webhookToleranceSeconds,
    exposeState: config.exposeState,
    allowedOrigins: config.allowedOrigins,
    store: config.databasePath ? createSqliteStore(config.databasePath) : undefined,
  });
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    const base = `http://${config.host}:${info.port}`;
    console.log(`drama-shop listening on ${base} (Open API: ${config.openApiBaseUrl})`);
    console.log(`  data: ${config.databasePath ?? 'in memory'}`);
    console.log(`  webhook URL to register: ${base}/webhooks/tiktok`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main();
