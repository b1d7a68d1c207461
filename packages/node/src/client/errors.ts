import {
  MINIS_ERROR_CODES,
  type MinisErrorCode,
  type OAuthErrorName,
  type V2ErrorCode,
} from '@openminis/protocol';

/**
 * Where an error came from:
 * - `oauth`: an OAuth endpoint answered `{ error, error_description, log_id }` (spec §6.3);
 * - `api`: a v2 endpoint answered an envelope whose `error.code` is not `"ok"` (spec §6.1);
 * - `http`: a non-2xx answer that is neither of those shapes (a proxy page, a gateway error);
 * - `network` / `timeout`: no answer;
 * - `invalid_response`: a 2xx answer that is not the documented shape.
 */
export type OpenApiErrorKind = 'oauth' | 'api' | 'http' | 'network' | 'timeout' | 'invalid_response';

type WireErrorCode = V2ErrorCode | OAuthErrorName | MinisErrorCode;

/** Codes meaning the user's tokens are no longer usable: the front-end must run `login`/`authorize` again (§6.2). */
const RELOGIN_CODES = new Set<string>([
  'access_token_invalid',
  'scope_not_authorized',
  'invalid_grant',
] satisfies WireErrorCode[]);

/** Server-side or load failures, worth retrying later (§6.2). */
const RETRYABLE_CODES = new Set<string>([
  'rate_limit_exceeded',
  'internal_error',
  MINIS_ERROR_CODES.internal,
  'server_error',
  'temporarily_unavailable',
] satisfies WireErrorCode[]);

export interface OpenApiErrorInit {
  kind: OpenApiErrorKind;
  /** OAuth `error`, or v2 `error.code` (e.g. `access_token_invalid`, `20021002`); ours for other kinds. */
  code: string;
  description: string;
  httpStatus: number;
  logId?: string;
  /** Method and path called, e.g. `POST /v2/oauth/token/`. */
  endpoint: string;
  cause?: unknown;
}

export class OpenApiError extends Error {
  override readonly name = 'OpenApiError';
  readonly kind: OpenApiErrorKind;
  readonly code: string;
  /** The server's own text (`error_description` or `error.message`). */
  readonly description: string;
  /** HTTP status; 0 when no response arrived. */
  readonly httpStatus: number;
  readonly logId: string | undefined;
  readonly endpoint: string;

  constructor(init: OpenApiErrorInit) {
    const details = [
      init.httpStatus ? `HTTP ${init.httpStatus}` : '',
      init.logId ? `log_id ${init.logId}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    super(
      `${init.endpoint} failed: ${init.code}${init.description ? ` — ${init.description}` : ''}${details ? ` (${details})` : ''}`,
      init.cause === undefined ? undefined : { cause: init.cause },
    );
    this.kind = init.kind;
    this.code = init.code;
    this.description = init.description;
    this.httpStatus = init.httpStatus;
    this.logId = init.logId;
    this.endpoint = init.endpoint;
  }

  /** True when the user must log in again: HTTP 401, `access_token_invalid`, `scope_not_authorized`, `invalid_grant`. */
  isAuthError(): boolean {
    return this.httpStatus === 401 || RELOGIN_CODES.has(this.code);
  }

  /** True for failures worth retrying later: no answer, rate limit, or a server-side error. */
  isRetryable(): boolean {
    return (
      this.kind === 'network' ||
      this.kind === 'timeout' ||
      this.httpStatus === 429 ||
      this.httpStatus >= 500 ||
      RETRYABLE_CODES.has(this.code)
    );
  }
}
