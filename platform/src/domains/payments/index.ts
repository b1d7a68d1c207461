import type { PlatformDeps } from '../../deps';
import type { RouteDef } from '../../http/route-table';
import { cashierRoutes } from './routes-cashier';
import { paymentControlRoutes } from './routes-control';
import { paymentOpenApiRoutes } from './routes-open-api';

export { accounts } from './accounts';
export { Cashier, type PayOptions, type PayResult } from './cashier';
export { paymentsContext } from './context';
export { CASHIER_CODES, MINIS_CODES } from './errors';
export { Ledger, type LedgerCheck } from './ledger';
export { Refunds } from './refunds';
export { DEFAULT_TIERS, loadTiers, topUpFor } from './tiers';
export { Wallets } from './wallets';

/** Payment Open API (§6.5), the host-facing cashier and the payments control API. */
export function paymentRoutes(deps: PlatformDeps): RouteDef[] {
  return [...paymentOpenApiRoutes(deps), ...cashierRoutes(deps), ...paymentControlRoutes(deps)];
}
