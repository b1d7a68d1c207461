export * from './webhooks/index';
