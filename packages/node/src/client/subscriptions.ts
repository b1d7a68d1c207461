import type {
  ActiveSubscriptionsResult,
  CreateSubscriptionRequest,
  GetSubscriptionTierInfoRequest,
  ReactivateSubscriptionRequest,
  SubscriptionInfoResult,
  SubscriptionTierInfosResult,
  SubscriptionTradeOrderInfo,
  TradeOrderCreated,
} from '@openminis/protocol';
import type { FieldType } from './responses';
import { checkOrderInfo, checkString, checkStringList } from './validate';

/** Sends one Bearer + JSON call and unwraps the v2 envelope (provided by OpenApiClient). */
export type PostJson = <T>(
  accessToken: string,
  path: string,
  body: object,
  required: Record<string, FieldType>,
) => Promise<T>;

/**
 * Subscription APIs of mini dramas (spec §6.6), as `client.subscriptions.*`. All take the paying
 * user's access token. Sandbox tier ids such as `sandbox_499_1M` switch TikTok to sandbox mode.
 */
export class SubscriptionsApi {
  readonly #post: PostJson;

  constructor(post: PostJson) {
    this.#post = post;
  }

  /** `POST /v2/minis/subscription/create/` → `trade_order_id` for `TTMinis.createSubscription`. */
  create(accessToken: string, input: CreateSubscriptionRequest) {
    const tier_id = checkString(input?.tier_id, 'subscriptions.create: tier_id');
    const order_info = checkOrderInfo(input?.order_info, 'subscriptions.create: order_info');
    return this.#post<TradeOrderCreated>(
      accessToken,
      '/v2/minis/subscription/create/',
      { tier_id, order_info },
      {
        trade_order_id: 'string',
      },
    );
  }

  /** `POST /v2/minis/subscription/reactivate/`: only when `is_renewal_normal` is false. */
  reactivate(accessToken: string, input: ReactivateSubscriptionRequest) {
    const subscription_id = checkString(input?.subscription_id, 'subscriptions.reactivate: subscription_id');
    const order_info = checkOrderInfo(input?.order_info, 'subscriptions.reactivate: order_info');
    return this.#post<TradeOrderCreated>(
      accessToken,
      '/v2/minis/subscription/reactivate/',
      { subscription_id, order_info },
      { trade_order_id: 'string' },
    );
  }

  /** `POST /v2/minis/subscription/get_active_list/`: empty ⇒ the user has no valid subscription. */
  getActiveList(accessToken: string) {
    return this.#post<ActiveSubscriptionsResult>(
      accessToken,
      '/v2/minis/subscription/get_active_list/',
      {},
      {
        subscriptions: 'array',
      },
    );
  }

  /** `POST /v2/minis/subscription/get_subscription_info/`. */
  getSubscriptionInfo(accessToken: string, tradeOrderId: string) {
    const trade_order_id = checkString(tradeOrderId, 'subscriptions.getSubscriptionInfo: tradeOrderId');
    return this.#post<SubscriptionInfoResult>(
      accessToken,
      '/v2/minis/subscription/get_subscription_info/',
      { trade_order_id },
      { subscription: 'object' },
    );
  }

  /** `POST /v2/minis/subscription/get_trade_order_info/` (fields flat in `data`, as TikTok's example shows). */
  getTradeOrderInfo(accessToken: string, tradeOrderId: string) {
    const trade_order_id = checkString(tradeOrderId, 'subscriptions.getTradeOrderInfo: tradeOrderId');
    return this.#post<SubscriptionTradeOrderInfo>(
      accessToken,
      '/v2/minis/subscription/get_trade_order_info/',
      { trade_order_id },
      { trade_order_id: 'string' },
    );
  }

  /** `POST /v2/minis/subscription/get_subscription_tier_info/`; `devicePlatform` defaults to iphone on TikTok's side. */
  getTierInfo(
    accessToken: string,
    tierIds: readonly string[],
    devicePlatform?: GetSubscriptionTierInfoRequest['device_platform'],
  ) {
    const tier_ids = checkStringList(tierIds, 'subscriptions.getTierInfo: tierIds');
    const body: GetSubscriptionTierInfoRequest = devicePlatform
      ? { tier_ids, device_platform: devicePlatform }
      : { tier_ids };
    return this.#post<SubscriptionTierInfosResult>(
      accessToken,
      '/v2/minis/subscription/get_subscription_tier_info/',
      body,
      { subscription_tiers_info: 'object' },
    );
  }
}
