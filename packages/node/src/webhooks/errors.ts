/**
 * Why a webhook was rejected. Stable strings: log them, branch on them, never parse `message`.
 *
 * - `missing_header`: no `Tiktok-Signature` header (or an empty one).
 * - `malformed_header`: the header is not `t=<unix seconds>,s=<64 hex chars>`.
 * - `parsed_body`: the body was an object (already parsed JSON) instead of the raw request bytes.
 * - `body_too_large`: the body is over `maxBodyBytes`.
 * - `signature_mismatch`: no `s=` value matches HMAC-SHA256(client secret, `t + "." + body`).
 * - `stale_timestamp`: correctly signed, but `t` is older than the tolerance (replay protection).
 * - `future_timestamp`: correctly signed, but `t` is further in the future than the tolerance (clock skew).
 * - `invalid_payload`: correctly signed, but the body is not the documented envelope (spec §7.3).
 * - `client_key_mismatch`: the envelope's `client_key` is not the one this verifier expects.
 */
export type WebhookVerificationReason =
  | 'missing_header'
  | 'malformed_header'
  | 'parsed_body'
  | 'body_too_large'
  | 'signature_mismatch'
  | 'stale_timestamp'
  | 'future_timestamp'
  | 'invalid_payload'
  | 'client_key_mismatch';

export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';
  readonly reason: WebhookVerificationReason;

  constructor(reason: WebhookVerificationReason, message: string) {
    super(message);
    this.reason = reason;
  }

  /**
   * The HTTP status a receiver should answer with: 401 when the request is not (or no longer)
   * authentic, 400 when it cannot even be checked or is not a webhook body.
   */
  get httpStatus(): 400 | 401 {
    switch (this.reason) {
      case 'signature_mismatch':
      case 'stale_timestamp':
      case 'future_timestamp':
      case 'client_key_mismatch':
        return 401;
      default:
        return 400;
    }
  }
}
