/**
 * Wire types of the Open API (spec §6), declared once in `@openminis/protocol` and re-exported
 * here under the names this package has always exported.
 */
import type { CreateTradeOrderRequest } from '@openminis/protocol';

export type {
  CheckRedeemAmountsResult,
  OrderInfo,
  Subscription,
  SubscriptionOrderInfo,
  SubscriptionTierInfo,
  SubscriptionTradeOrderInfo,
  TierInfo,
  TierInfosResult,
  TokenResponse,
  TradeOrderCreated,
  TradeOrderQueryResult,
  TradeOrderStatus,
  UserInfo,
  UserInfoField,
} from '@openminis/protocol';

/** `createTradeOrder`'s argument: the request without `token_type`, which the client sets to `BEANS`. */
export type CreateTradeOrderInput = Omit<CreateTradeOrderRequest, 'token_type'>;
