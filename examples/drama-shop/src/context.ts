import type { OpenApiClient } from '@openminis/node';
import type { Catalogue } from './catalogue';
import type { ShopStore } from './store/types';

/** What every route needs, built once by createShopApp. */
export interface ShopContext {
  store: ShopStore;
  catalogue: Catalogue;
  client: OpenApiClient;
  /** Epoch ms. */
  now: () => number;
  sessionTtlSeconds: number;
}
