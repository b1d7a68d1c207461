import type {
  CheckRedeemAmountsRequest,
  CreateTradeOrderRequest,
  GetTierInfosRequest,
  QueryTradeOrderRequest,
} from '@openminis/protocol';
import { bearer, normaliseBaseUrl, urlDecoded } from './requestHelpers';
import { type FieldType, readEnvelope, readOAuth, requireFields } from './responses';
import { SubscriptionsApi } from './subscriptions';
import { type FetchLike, send, type TransportOptions } from './transport';
import type {
  CheckRedeemAmountsResult,
  CreateTradeOrderInput,
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
  /** Subscription APIs of mini dramas (spec §6.6). */
  readonly subscriptions: SubscriptionsApi;

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
    this.subscriptions = new SubscriptionsApi((token, path, body, required) =>
      this.#post(token, path, body, required),
    );
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
      { token_type: 'BEANS', tier_ids } satisfies GetTierInfosRequest,
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
      { token_type: 'BEANS', token_amount, order_info } satisfies CreateTradeOrderRequest,
      { trade_order_id: 'string' },
    );
  }

  /** `POST /v2/minis/trade_order/query/` → `PENDING` or `SUCCESS`. */
  async queryTradeOrder(accessToken: string, tradeOrderId: string): Promise<TradeOrderQueryResult> {
    const trade_order_id = checkString(tradeOrderId, 'queryTradeOrder: tradeOrderId');
    return this.#post(
      accessToken,
      '/v2/minis/trade_order/query/',
      { trade_order_id } satisfies QueryTradeOrderRequest,
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
      { token_type: 'BEANS', token_amounts } satisfies CheckRedeemAmountsRequest,
      {
        valid: 'boolean',
      },
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
