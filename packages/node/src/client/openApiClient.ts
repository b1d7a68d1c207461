import { type FieldType, readEnvelope, readOAuth, requireFields } from './responses';
import { type FetchLike, send, type TransportOptions } from './transport';
import type {
  CheckRedeemAmountsResult,
  CreateTradeOrderInput,
  Subscription,
  SubscriptionOrderInfo,
  SubscriptionTierInfo,
  SubscriptionTradeOrderInfo,
  TierInfosResult,
  TokenResponse,
  TradeOrderCreated,
  TradeOrderQueryResult,
  UserInfo,
  UserInfoField,
} from './types';
import { checkOrderInfo, checkString, checkStringList, checkTokenAmount } from './validate';

export interface OpenApiClientOptions {
  /** Default `https://open.tiktokapis.com`; point it at an OpenMinis platform to run offline. */
  baseUrl?: string;
  clientKey: string;
  clientSecret: string;
  /** Default: the global `fetch`. */
  fetch?: FetchLike;
  /** Per request, default 10 000 ms. */
  timeoutMs?: number;
  userAgent?: string;
}

export const DEFAULT_BASE_URL = 'https://open.tiktokapis.com';

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded', 'Cache-Control': 'no-cache' };

/**
 * Typed client for the Open API (spec §6): OAuth with client credentials in a form body and flat
 * JSON answers; everything else with the user's Bearer token, JSON bodies and the v2 envelope.
 * Failures throw {@link OpenApiError}; `error.isAuthError()` means "ask the front-end to log in again".
 */
export class OpenApiClient {
  readonly baseUrl: string;
  readonly clientKey: string;
  readonly #clientSecret: string;
  readonly #transport: TransportOptions;

  constructor(options: OpenApiClientOptions) {
    this.baseUrl = normaliseBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
    this.clientKey = checkString(options.clientKey, 'OpenApiClient: clientKey');
    this.#clientSecret = checkString(options.clientSecret, 'OpenApiClient: clientSecret');
    const timeoutMs = options.timeoutMs ?? 10_000;
    if (!(timeoutMs > 0))
      throw new TypeError(`OpenApiClient: timeoutMs must be a positive number, found ${timeoutMs}`);
    const fetchImpl = options.fetch ?? globalThis.fetch;
    if (typeof fetchImpl !== 'function')
      throw new TypeError('OpenApiClient: no fetch available; pass options.fetch');
    this.#transport = { baseUrl: this.baseUrl, fetch: fetchImpl, timeoutMs, userAgent: options.userAgent };
  }

  /** `POST /v2/oauth/token/` with `grant_type=authorization_code`: trade a `TTMinis.login`/`authorize` code for tokens. */
  async exchangeCode(code: string): Promise<TokenResponse> {
    return this.#token({
      code: urlDecoded(checkString(code, 'exchangeCode: code')),
      grant_type: 'authorization_code',
    });
  }

  /** `POST /v2/oauth/token/` with `grant_type=refresh_token`. Store the returned refresh_token: it may be new. */
  async refreshToken(refreshToken: string): Promise<TokenResponse> {
    return this.#token({
      grant_type: 'refresh_token',
      refresh_token: checkString(refreshToken, 'refreshToken: refreshToken'),
    });
  }

  /** `POST /v2/oauth/revoke/`: disconnects the app from the user; every token of theirs stops working. */
  async revokeToken(accessToken: string): Promise<void> {
    const token = checkString(accessToken, 'revokeToken: accessToken');
    readOAuth(await send(this.#transport, 'POST', '/v2/oauth/revoke/', FORM, this.#form({ token })));
  }

  /** `GET /v2/user/info/?fields=…` → `data.user` with only the requested fields. */
  async getUserInfo(
    accessToken: string,
    fields: readonly (UserInfoField | (string & {}))[],
  ): Promise<UserInfo> {
    const list = checkStringList(fields, 'getUserInfo: fields');
    // Commas stay literal, as in TikTok's examples; each name is still escaped.
    const query = list.map(encodeURIComponent).join(',');
    const response = await send(
      this.#transport,
      'GET',
      `/v2/user/info/?fields=${query}`,
      bearer(accessToken, 'getUserInfo'),
    );
    const data = readEnvelope(response);
    return requireFields<{ user: UserInfo }>(data, { user: 'object' }, response.endpoint).user;
  }

  /** `POST /v2/minis/utility/get_tier_infos/`: Beans recharge tiers, keyed by tier id. */
  async getTierInfos(accessToken: string, tierIds: readonly string[]): Promise<TierInfosResult> {
    const tier_ids = checkStringList(tierIds, 'getTierInfos: tierIds');
    return this.#post(
      accessToken,
      '/v2/minis/utility/get_tier_infos/',
      { token_type: 'BEANS', tier_ids },
      { tier_infos: 'object' },
    );
  }

  /** `POST /v2/minis/trade_order/create/`: an order for `TTMinis.pay`. Compute `token_amount` server-side. */
  async createTradeOrder(accessToken: string, input: CreateTradeOrderInput): Promise<TradeOrderCreated> {
    const token_amount = checkTokenAmount(input?.token_amount, 'createTradeOrder: token_amount');
    const order_info = checkOrderInfo(input?.order_info, 'createTradeOrder: order_info');
    return this.#post(
      accessToken,
      '/v2/minis/trade_order/create/',
      { token_type: 'BEANS', token_amount, order_info },
      { trade_order_id: 'string' },
    );
  }

  /** `POST /v2/minis/trade_order/query/` → `PENDING` or `SUCCESS`. */
  async queryTradeOrder(accessToken: string, tradeOrderId: string): Promise<TradeOrderQueryResult> {
    const trade_order_id = checkString(tradeOrderId, 'queryTradeOrder: tradeOrderId');
    return this.#post(
      accessToken,
      '/v2/minis/trade_order/query/',
      { trade_order_id },
      {
        trade_order_id: 'string',
        trade_order_status: 'string',
      },
    );
  }

  /** `POST /v2/minis/utility/check_redeem_amounts/`: are all these Beans prices allowed? */
  async checkRedeemAmounts(
    accessToken: string,
    amounts: readonly number[],
  ): Promise<CheckRedeemAmountsResult> {
    if (!Array.isArray(amounts) || amounts.length === 0) {
      throw new TypeError('checkRedeemAmounts: amounts must be a non-empty array of positive integers');
    }
    const token_amounts = amounts.map((a, i) => checkTokenAmount(a, `checkRedeemAmounts: amounts[${i}]`));
    return this.#post(
      accessToken,
      '/v2/minis/utility/check_redeem_amounts/',
      { token_type: 'BEANS', token_amounts },
      {
        valid: 'boolean',
      },
    );
  }

  /** `POST /v2/minis/subscription/create/` (spec §6.6). */
  async createSubscription(
    accessToken: string,
    input: { tier_id: string; order_info: SubscriptionOrderInfo },
  ) {
    const tier_id = checkString(input?.tier_id, 'createSubscription: tier_id');
    const order_info = checkOrderInfo(input?.order_info, 'createSubscription: order_info');
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
  async reactivateSubscription(
    accessToken: string,
    input: { subscription_id: string; order_info: SubscriptionOrderInfo },
  ) {
    const subscription_id = checkString(input?.subscription_id, 'reactivateSubscription: subscription_id');
    const order_info = checkOrderInfo(input?.order_info, 'reactivateSubscription: order_info');
    return this.#post<TradeOrderCreated>(
      accessToken,
      '/v2/minis/subscription/reactivate/',
      { subscription_id, order_info },
      {
        trade_order_id: 'string',
      },
    );
  }

  /** `POST /v2/minis/subscription/get_active_list/`: empty ⇒ the user has no valid subscription. */
  async getActiveSubscriptions(accessToken: string) {
    return this.#post<{ subscriptions: Subscription[] }>(
      accessToken,
      '/v2/minis/subscription/get_active_list/',
      {},
      {
        subscriptions: 'array',
      },
    );
  }

  /** `POST /v2/minis/subscription/get_subscription_info/`. */
  async getSubscriptionInfo(accessToken: string, tradeOrderId: string) {
    const trade_order_id = checkString(tradeOrderId, 'getSubscriptionInfo: tradeOrderId');
    return this.#post<{ subscription: Subscription }>(
      accessToken,
      '/v2/minis/subscription/get_subscription_info/',
      { trade_order_id },
      {
        subscription: 'object',
      },
    );
  }

  /** `POST /v2/minis/subscription/get_trade_order_info/` (fields flat in `data`, as TikTok's example shows). */
  async getSubscriptionTradeOrderInfo(accessToken: string, tradeOrderId: string) {
    const trade_order_id = checkString(tradeOrderId, 'getSubscriptionTradeOrderInfo: tradeOrderId');
    return this.#post<SubscriptionTradeOrderInfo>(
      accessToken,
      '/v2/minis/subscription/get_trade_order_info/',
      { trade_order_id },
      {
        trade_order_id: 'string',
      },
    );
  }

  /** `POST /v2/minis/subscription/get_subscription_tier_info/`. */
  async getSubscriptionTierInfo(
    accessToken: string,
    tierIds: readonly string[],
    devicePlatform?: 'android' | 'iphone',
  ) {
    const tier_ids = checkStringList(tierIds, 'getSubscriptionTierInfo: tierIds');
    const body = devicePlatform ? { tier_ids, device_platform: devicePlatform } : { tier_ids };
    return this.#post<{ subscription_tiers_info: Record<string, SubscriptionTierInfo> }>(
      accessToken,
      '/v2/minis/subscription/get_subscription_tier_info/',
      body,
      { subscription_tiers_info: 'object' },
    );
  }

  async #token(params: Record<string, string>): Promise<TokenResponse> {
    const response = await send(this.#transport, 'POST', '/v2/oauth/token/', FORM, this.#form(params));
    const body = readOAuth(response) ?? {};
    return requireFields<TokenResponse>(
      body,
      { access_token: 'string', open_id: 'string', expires_in: 'number' },
      response.endpoint,
    );
  }

  #form(params: Record<string, string>): string {
    return new URLSearchParams({
      client_key: this.clientKey,
      client_secret: this.#clientSecret,
      ...params,
    }).toString();
  }

  async #post<T>(
    accessToken: string,
    path: string,
    body: object,
    required: Record<string, FieldType>,
  ): Promise<T> {
    const headers = { ...bearer(accessToken, path), 'Content-Type': 'application/json' };
    const response = await send(this.#transport, 'POST', path, headers, JSON.stringify(body));
    return requireFields<T>(readEnvelope(response), required, response.endpoint);
  }
}

function bearer(accessToken: string, where: string): Record<string, string> {
  return { Authorization: `Bearer ${checkString(accessToken, `${where}: accessToken`)}` };
}

function normaliseBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(
      `OpenApiClient: baseUrl must be an absolute http(s) URL, found ${JSON.stringify(baseUrl)}`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`OpenApiClient: baseUrl must use http or https, found ${JSON.stringify(baseUrl)}`);
  }
  if (url.search || url.hash) {
    throw new TypeError(
      `OpenApiClient: baseUrl must not have a query or fragment, found ${JSON.stringify(baseUrl)}`,
    );
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/**
 * TikTok says the code "must be URL-decoded" (spec §6.3): a code copied from a URL arrives with
 * `%2A`-style escapes. Codes never contain a literal `%`, so decoding is safe when escapes are present.
 */
function urlDecoded(code: string): string {
  if (!/%[0-9a-f]{2}/i.test(code)) return code;
  try {
    return decodeURIComponent(code);
  } catch {
    return code;
  }
}
