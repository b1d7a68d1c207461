import { runWorker } from './worker';

/**
 * Process entry of a standalone webhook worker, for `tsx platform/src/workers/worker-main.ts`
 * (the crash-safety test spawns it). Settings come from the environment (DATABASE_URL,
 * OPENMINIS_SECRET_KEY, …) exactly as for `openminis serve`.
 */
await runWorker({
  env: process.env,
  onReady: (workerId) => process.stdout.write(`webhook worker ${workerId} ready\n`),
  stopSignal: () =>
    new Promise((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    }),
});
