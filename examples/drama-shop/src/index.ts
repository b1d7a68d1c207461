export { createShopApp, type ShopApp, type ShopOptions } from './app';
export { Catalogue, DEFAULT_CATALOGUE, type Drama, type Episode } from './catalogue';
export { ConfigError, DEFAULT_OPENAPI_BASE_URL, loadShopConfig, type ShopConfig } from './config';
export { createMemoryStore } from './store/memoryStore';
export { createSqliteStore } from './store/sqliteStore';
export type * from './store/types';
