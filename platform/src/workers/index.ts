export { claimDueDeliveries } from './claim';
export { type DispatcherOptions, WebhookDispatcher } from './webhook-dispatcher';
export { runWorker } from './worker';
