import { parseEnvelope } from './envelope';
import { WebhookVerificationError } from './errors';
import type { AnyWebhookEvent } from './events';
import { readHeader, type SignatureHeaderInput } from './headers';
import { explainMismatch } from './mismatch';
import {
  computeSignature,
  parseSignatureHeader,
  SIGNATURE_HEADER,
  signaturesEqual,
  toBytes,
} from './signature';

export interface VerifyWebhookOptions {
  /** Maximum |now − t| in seconds. Default 300 (spec §10 #26). `Infinity` disables the check. */
  toleranceSeconds?: number;
  /** Clock in epoch milliseconds, like `Date.now`. Inject it to test tolerance boundaries. */
  now?: () => number;
  /** When set, the envelope's `client_key` must equal it (useful when one endpoint serves several apps). */
  clientKey?: string;
  /** Bodies larger than this are rejected before hashing. Default 1 MiB. */
  maxBodyBytes?: number;
}

export const DEFAULT_TOLERANCE_SECONDS = 300;
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * Verifies a TikTok webhook (spec §7.5) and returns its envelope with `content` parsed.
 *
 * Order, as the spec recommends: signature over the exact bytes, then the timestamp window, then
 * the envelope's shape. Throws {@link WebhookVerificationError} with a `reason` on any failure.
 *
 * @param rawBody the request body exactly as received: a string, Buffer or Uint8Array. Not a parsed object.
 * @param signatureHeader the `Tiktok-Signature` value, or the whole headers object (matched case-insensitively).
 * @param clientSecret the app's client secret (not the client key).
 */
export function verifyWebhook(
  rawBody: string | Uint8Array,
  signatureHeader: SignatureHeaderInput,
  clientSecret: string,
  options: VerifyWebhookOptions = {},
): AnyWebhookEvent {
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  checkArguments(clientSecret, tolerance);
  const body = checkRawBody(rawBody, maxBodyBytes);

  const header = readHeader(signatureHeader, SIGNATURE_HEADER)?.trim();
  if (header === undefined || header === '') {
    throw new WebhookVerificationError(
      'missing_header',
      `the request has no ${SIGNATURE_HEADER} header; pass its value or the request's headers object`,
    );
  }
  const { timestamp, timestampText, signatures } = parseSignatureHeader(header);

  const expected = computeSignature(clientSecret, timestampText, body);
  // Compare against every s= value without stopping early, so timing does not reveal which matched.
  let matched = false;
  for (const candidate of signatures) matched = signaturesEqual(expected, candidate) || matched;
  if (!matched) {
    throw new WebhookVerificationError(
      'signature_mismatch',
      explainMismatch(rawBody, body, clientSecret, timestampText, signatures),
    );
  }

  checkTimestamp(timestamp, tolerance, options.now ?? Date.now);
  const event = parseEnvelope(body);
  if (options.clientKey !== undefined && event.client_key !== options.clientKey) {
    throw new WebhookVerificationError(
      'client_key_mismatch',
      `webhook is for client_key ${JSON.stringify(event.client_key)}, expected ${JSON.stringify(options.clientKey)}`,
    );
  }
  return event;
}

function checkArguments(clientSecret: unknown, tolerance: number): void {
  if (typeof clientSecret !== 'string' || clientSecret === '') {
    // A configuration bug, not a bad request: a TypeError so handlers answer 500 and TikTok retries.
    throw new TypeError(
      `verifyWebhook: clientSecret must be the app's client secret (a non-empty string), found ${
        clientSecret === '' ? 'an empty string' : typeof clientSecret
      } — is the CLIENT_SECRET environment variable set?`,
    );
  }
  if (!(tolerance >= 0)) {
    throw new TypeError(`verifyWebhook: toleranceSeconds must be a number >= 0, found ${String(tolerance)}`);
  }
}

function checkRawBody(rawBody: unknown, maxBodyBytes: number): Buffer {
  if (typeof rawBody !== 'string' && !(rawBody instanceof Uint8Array)) {
    const found = rawBody === null ? 'null' : Array.isArray(rawBody) ? 'an array' : typeof rawBody;
    throw new WebhookVerificationError(
      'parsed_body',
      `rawBody must be the raw request bytes (string, Buffer or Uint8Array), found ${found}. ` +
        'A JSON body parser probably ran first: read the body as text/bytes instead ' +
        "(e.g. express.raw({ type: 'application/json' }), await request.text(), c.req.text()).",
    );
  }
  if (rawBody === '[object Object]') {
    throw new WebhookVerificationError(
      'parsed_body',
      'rawBody is the string "[object Object]": a parsed object was converted to a string. Pass the raw request bytes.',
    );
  }
  const bytes = toBytes(rawBody);
  if (bytes.length > maxBodyBytes) {
    throw new WebhookVerificationError(
      'body_too_large',
      `webhook body is ${bytes.length} bytes, over the ${maxBodyBytes}-byte limit (maxBodyBytes)`,
    );
  }
  return bytes;
}

function checkTimestamp(timestamp: number, tolerance: number, now: () => number): void {
  const nowSeconds = Math.floor(now() / 1000);
  const age = nowSeconds - timestamp;
  if (age > tolerance) {
    throw new WebhookVerificationError(
      'stale_timestamp',
      `webhook timestamp t=${timestamp} is ${age} s old, beyond the ${tolerance} s tolerance (toleranceSeconds): ` +
        'a replayed or long-delayed request, or this server clock is wrong',
    );
  }
  if (-age > tolerance) {
    const unitHint = timestamp > 1e11 ? ' t looks like milliseconds; it must be Unix seconds.' : '';
    throw new WebhookVerificationError(
      'future_timestamp',
      `webhook timestamp t=${timestamp} is ${-age} s in the future, beyond the ${tolerance} s tolerance (toleranceSeconds): ` +
        `check this server's clock.${unitHint}`,
    );
  }
}
