export * from './envelope';
export * from './oauth';
export * from './payments';
export * from './subscriptions';
export * from './user-info';
export * from './webhooks';
