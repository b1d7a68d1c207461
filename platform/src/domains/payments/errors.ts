import { MINIS_ERROR_CODES } from '@openminis/protocol';
import { minisError } from '../../http/api-error';

/**
 * Minis numeric codes (spec §6.2) as the v2 envelope's `error.code` string, with the HTTP
 * status the protocol gives them (spec §10 #30: 200 business, 400 invalid parameters, 500 internal).
 */
export const MINIS_CODES = MINIS_ERROR_CODES;

export const invalidParams = (message: string) => minisError(MINIS_CODES.invalidParams, message);
export const orderNotFound = (tradeOrderId: string) =>
  minisError(
    MINIS_CODES.orderNotFound,
    `trade order ${JSON.stringify(tradeOrderId.slice(0, 80))} does not exist for this app and user`,
  );
export const duplicateOrderId = (orderId: string) =>
  minisError(MINIS_CODES.duplicateOrderId, `order_info.order_id ${JSON.stringify(orderId)} already exists`);
export const tierInvalid = (tierId: string) =>
  minisError(MINIS_CODES.tierInvalid, `tier_id ${JSON.stringify(tierId.slice(0, 80))} is not a valid tier`);

/**
 * Cashier (SDK-facing) error codes. TikTok documents none for pay/recharge; these follow
 * the pattern of the documented createSubscription codes (1166xx: 101 params, 302 timeout,
 * 502 client internal, 600 user error, 601 user cancel) with prefix 1155. `error_extra.reason`
 * says precisely what happened.
 */
export const CASHIER_CODES = {
  paramsInvalid: 115101,
  timeout: 115302,
  internal: 115502,
  userError: 115600,
  userCancel: 115601,
} as const;

export type CashierReason =
  | 'invalid_params'
  | 'order_not_found'
  | 'order_already_paid'
  | 'insufficient_balance'
  | 'tier_not_found'
  | 'user_cancel'
  | 'injected_failure'
  | 'timeout';

export interface CashierError {
  error_code: number;
  error_msg: string;
  error_extra: { reason: CashierReason } & Record<string, unknown>;
}

const CODE_BY_REASON: Record<CashierReason, number> = {
  invalid_params: CASHIER_CODES.paramsInvalid,
  order_not_found: CASHIER_CODES.userError,
  order_already_paid: CASHIER_CODES.userError,
  insufficient_balance: CASHIER_CODES.userError,
  tier_not_found: CASHIER_CODES.userError,
  user_cancel: CASHIER_CODES.userCancel,
  injected_failure: CASHIER_CODES.internal,
  timeout: CASHIER_CODES.timeout,
};

export function cashierError(
  reason: CashierReason,
  message: string,
  extra: Record<string, unknown> = {},
): CashierError {
  return { error_code: CODE_BY_REASON[reason], error_msg: message, error_extra: { reason, ...extra } };
}

/** Thrown inside a payment transaction to roll it back and answer with a cashier error. */
export class CashierFailure extends Error {
  override name = 'CashierFailure';
  constructor(readonly error: CashierError) {
    super(error.error_msg);
  }
}
