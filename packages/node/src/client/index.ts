export { OpenApiError, type OpenApiErrorInit, type OpenApiErrorKind } from './errors';
export { DEFAULT_BASE_URL, OpenApiClient, type OpenApiClientOptions } from './openApiClient';
export { SubscriptionsApi } from './subscriptions';
export {
  type CapturedRequest,
  createCapturingFetch,
  envelope as v2Envelope,
  json as jsonResponse,
} from './testing';
export type { FetchLike } from './transport';
export type * from './types';
