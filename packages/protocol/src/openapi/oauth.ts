/**
 * OAuth of the Open API (spec §6.3): form-encoded requests with the client credentials, flat
 * (not enveloped) JSON answers.
 */

/** The only scopes Minis support (spec §6.3 "Scopes", §10 #33). */
export const SCOPES = ['user.info.basic', 'user.info.open_id'] as const;
export type Scope = (typeof SCOPES)[number];

/** `expires_in` of every access token: 24 h (spec §6.3, §10 #41). */
export const ACCESS_TOKEN_TTL_SECONDS = 86_400;
/** `refresh_expires_in` of every refresh token: 365 days (spec §6.3, §10 #41). */
export const REFRESH_TOKEN_TTL_SECONDS = 31_536_000;

export const GRANT_TYPES = ['authorization_code', 'refresh_token'] as const;
export type GrantType = (typeof GRANT_TYPES)[number];

/** Form body of `POST /v2/oauth/token/` (spec §6.3): no `redirect_uri`, no `code_verifier`. */
export type TokenRequest =
  | {
      client_key: string;
      client_secret: string;
      grant_type: 'authorization_code';
      /** From `TTMinis.login`/`authorize`; must be URL-decoded. */
      code: string;
    }
  | { client_key: string; client_secret: string; grant_type: 'refresh_token'; refresh_token: string };

/** Form body of `POST /v2/oauth/revoke/` (spec §6.3); success is an empty body. */
export interface RevokeRequest {
  client_key: string;
  client_secret: string;
  /** The user's access token. */
  token: string;
}

/** Flat success body of `POST /v2/oauth/token/`, both grants (spec §6.3), keys in the spec's order. */
export interface TokenResponse {
  access_token: string;
  /** Seconds (24 h). */
  expires_in: number;
  open_id: string;
  /** Seconds (365 days). */
  refresh_expires_in: number;
  /** May differ from the one sent on refresh: store the new one. */
  refresh_token: string;
  /** Comma-separated granted scopes. */
  scope: string;
  token_type: 'Bearer' | (string & {});
}

/** Every OAuth `error` value TikTok documents (spec §6.2). */
export const OAUTH_ERRORS = [
  'access_denied',
  'invalid_client',
  'invalid_grant',
  'invalid_request',
  'invalid_scope',
  'unauthorized_client',
  'unsupported_grant_type',
  'unsupported_response_type',
  'server_error',
  'temporarily_unavailable',
] as const;
export type OAuthErrorName = (typeof OAUTH_ERRORS)[number];

/** Failure body of the OAuth endpoints (spec §6.1, §6.3). */
export interface OAuthErrorBody {
  error: OAuthErrorName;
  error_description: string;
  log_id: string;
}
