/**
 * The v2 envelope of every JSON Open API (spec §6.1) and its generic error codes (spec §6.2).
 * OAuth endpoints are not enveloped: see `oauth.ts`.
 */

/** `error` of the envelope. `code` is `"ok"` on success; TikTok's samples' `log_od` is a typo, emit `log_id`. */
export interface V2Error<Code extends string = string> {
  code: Code;
  message: string;
  /** `YYYYMMDDhhmmss` + 20 uppercase hex characters (34 in all). */
  log_id: string;
}

/** `{ data, error: { code, message, log_id } }`: success ⇔ `error.code === "ok"`. */
export interface V2Envelope<Data> {
  data: Data;
  error: V2Error;
}

/** A successful answer: `error` is `{ code: "ok", message: "", log_id }`. */
export interface V2Success<Data> {
  data: Data;
  error: V2Error<typeof V2_OK>;
}

/** A failed answer: `data` is an empty object. */
export type V2Failure = V2Envelope<Record<string, never>>;

export const V2_OK = 'ok';

/** Generic v2 codes in `error.code` with the HTTP status TikTok answers them with (spec §6.2). */
export const V2_ERRORS = {
  ok: { httpStatus: 200, meaning: 'success' },
  access_token_invalid: {
    httpStatus: 401,
    meaning: 'access token missing, invalid or expired: refresh and retry',
  },
  scope_not_authorized: { httpStatus: 401, meaning: 'the user did not grant a required scope' },
  scope_permission_missed: { httpStatus: 400, meaning: 'some requested fields need extra scopes' },
  invalid_params: { httpStatus: 400, meaning: 'a field is invalid' },
  invalid_file_upload: { httpStatus: 400, meaning: 'invalid file upload (file APIs)' },
  rate_limit_exceeded: { httpStatus: 429, meaning: 'rate limit exceeded' },
  internal_error: { httpStatus: 500, meaning: 'TikTok internal error' },
} as const;

export type V2ErrorCode = keyof typeof V2_ERRORS;
