import { type CreatePlatformOptions, createPlatform } from '../platform';
import { type DispatcherOptions, WebhookDispatcher } from './webhook-dispatcher';

export interface RunWorkerOptions extends CreatePlatformOptions {
  dispatcher?: DispatcherOptions;
  /** Called once the dispatcher runs (the CLI prints a line). */
  onReady?: (workerId: string) => void;
  /** Resolves when the worker should stop (SIGINT/SIGTERM in the CLI). */
  stopSignal: () => Promise<unknown>;
}

/**
 * A standalone webhook worker (`openminis worker`): the same database as the server, no
 * HTTP. It follows the emulated clock through the database, so advancing the server's
 * clock makes retries due here too. Several workers may run at once (leases).
 */
export async function runWorker(options: RunWorkerOptions): Promise<void> {
  const platform = await createPlatform(options);
  const dispatcher = new WebhookDispatcher(platform.deps, { syncClock: true, ...options.dispatcher });
  dispatcher.start();
  options.onReady?.(dispatcher.workerId);
  try {
    await options.stopSignal();
  } finally {
    await dispatcher.stop();
    await platform.close();
  }
}
