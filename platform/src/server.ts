import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type CreatePlatformOptions, createPlatform, displayHost, type Platform } from './platform';
import { WebhookDispatcher } from './workers';

const SHUTDOWN_GRACE_MS = 5000;

export interface RunningServer {
  platform: Platform;
  /** Base URL actually listened on, e.g. http://127.0.0.1:8787 */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Creates the platform and listens on the configured host/port (port 0 = any free port). */
export async function startServer(options: CreatePlatformOptions = {}): Promise<RunningServer> {
  const platform = await createPlatform(options);
  const { config, deps } = platform;
  let server: ReturnType<typeof serve>;
  let address: AddressInfo;
  try {
    ({ server, address } = await new Promise<{ server: ReturnType<typeof serve>; address: AddressInfo }>(
      (resolve, reject) => {
        const s = serve({ fetch: platform.app.fetch, hostname: config.host, port: config.port }, (info) =>
          resolve({ server: s, address: info }),
        );
        s.once('error', reject);
      },
    ));
  } catch (error) {
    await platform.close();
    throw error;
  }
  const url = `http://${displayHost(config.host)}:${address.port}`;
  // With port 0 the configured base URL cannot be known before listening.
  if (!config.publicBaseUrl) deps.baseUrl = url;
  // The server delivers webhooks itself; more workers may run as `openminis worker`. On a
  // shared PostgreSQL database another instance may move the emulated clock: follow it.
  const dispatcher = new WebhookDispatcher(deps, { syncClock: deps.engine === 'postgres' });
  dispatcher.start();
  let closing: Promise<void> | undefined;
  return {
    platform,
    url,
    port: address.port,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        // Stop accepting, let in-flight requests finish, drop idle keep-alive sockets now
        // and anything still open after the grace period.
        const http = server as unknown as {
          closeIdleConnections?: () => void;
          closeAllConnections?: () => void;
        };
        server.close(() => resolve());
        http.closeIdleConnections?.();
        setTimeout(() => http.closeAllConnections?.(), SHUTDOWN_GRACE_MS).unref();
      })
        .then(() => dispatcher.stop())
        .then(() => platform.close());
      return closing;
    },
  };
}
