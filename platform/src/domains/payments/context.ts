import type { TierInfo } from '@openminis/protocol';
import type { PlatformDeps } from '../../deps';
import { PaymentFaults } from './faults';
import { Ledger } from './ledger';
import { type MoneyDb, moneyDb } from './tables';
import { loadTiers } from './tiers';

/** What the payment services share: typed DB, ledger, tier catalogue, fault store. */
export interface PaymentsContext {
  deps: PlatformDeps;
  db: MoneyDb;
  ledger: Ledger;
  tiers: readonly TierInfo[];
  faults: PaymentFaults;
}

const contexts = new WeakMap<PlatformDeps, PaymentsContext>();

/** One context per platform (the tier file is read and validated once). */
export function paymentsContext(deps: PlatformDeps): PaymentsContext {
  let ctx = contexts.get(deps);
  if (!ctx) {
    const db = moneyDb(deps.db);
    const now = () => deps.clock.now();
    ctx = {
      deps,
      db,
      ledger: new Ledger(now, deps.engine),
      tiers: loadTiers(deps.config.tiersFile),
      faults: new PaymentFaults(db, now),
    };
    contexts.set(deps, ctx);
  }
  return ctx;
}
