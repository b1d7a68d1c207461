import { createHmac, timingSafeEqual } from 'node:crypto';
import { type ParsedSignatureHeader, tryParseSignatureHeader } from '@openminis/protocol';
import { WebhookVerificationError } from './errors';

export { formatSignatureHeader, type ParsedSignatureHeader, SIGNATURE_HEADER } from '@openminis/protocol';

/** Bytes exactly as given: strings are UTF-8 encoded, byte arrays are used untouched. */
export function toBytes(body: string | Uint8Array): Buffer {
  return typeof body === 'string'
    ? Buffer.from(body, 'utf8')
    : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
}

/** hex(HMAC-SHA256(key = client secret, message = `t + "." + body`)) over the exact body bytes. */
export function computeSignature(
  clientSecret: string,
  timestamp: number | string,
  body: string | Uint8Array,
): string {
  return createHmac('sha256', clientSecret)
    .update(`${timestamp}.`, 'utf8')
    .update(toBytes(body))
    .digest('hex');
}

/**
 * Parses the `Tiktok-Signature` value (spec §7.5, rules in `@openminis/protocol`); a malformed
 * value throws `malformed_header` saying what was expected and found.
 */
export function parseSignatureHeader(header: string): ParsedSignatureHeader {
  const result = tryParseSignatureHeader(header);
  if (!result.ok) throw new WebhookVerificationError('malformed_header', result.problem);
  return result.header;
}

/** Constant-time comparison of two hex signatures (equal length is checked first, as the lengths are public). */
export function signaturesEqual(expectedHex: string, actualHex: string): boolean {
  const a = Buffer.from(expectedHex, 'utf8');
  const b = Buffer.from(actualHex, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
