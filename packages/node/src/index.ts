export * from './client/index';
export * from './webhooks/index';
