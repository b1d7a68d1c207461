import type { LedgerAccountKind } from './tables';

/**
 * Ledger account ids. Beans belong to the TikTok user (one wallet across all apps); apps
 * earn into their merchant account; the system accounts are the other side of money that
 * enters or leaves the user economy.
 */
export const accounts = {
  wallet: (userId: string) => `wallet:${userId}`,
  merchant: (appId: string) => `merchant:${appId}`,
  /** Beans bought with real money (tier purchases): goes negative by what users bought. */
  rechargeSource: 'system:recharge_source',
  /** Beans TikTok recovered from developers after store refunds (spec §7.4 refund_traceback). */
  refundRecovery: 'system:refund_recovery',
  /** Beans granted or taken away through the emulator control API. */
  emulatorGrants: 'system:emulator_grants',
} as const;

export function accountKind(id: string): LedgerAccountKind {
  if (id.startsWith('wallet:')) return 'wallet';
  if (id.startsWith('merchant:')) return 'merchant';
  return 'system';
}
