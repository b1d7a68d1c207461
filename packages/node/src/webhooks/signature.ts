import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookVerificationError } from './errors';

/** Header name as TikTok sends it (spec §7.5). Receivers must match it case-insensitively. */
export const SIGNATURE_HEADER = 'Tiktok-Signature';

export interface ParsedSignatureHeader {
  /** Unix seconds, as sent in `t=`. */
  timestamp: number;
  /** `t=` exactly as sent: the signed payload uses these characters, not a re-formatted number. */
  timestampText: string;
  /** Every `s=` value, lowercased (one in practice; several allow a secret rotation). */
  signatures: string[];
}

const HEX_SHA256 = /^[0-9a-f]{64}$/i;
const UNIX_SECONDS = /^\d{1,15}$/;
const MAX_HEADER_LENGTH = 1024;

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

/** `t=<unix seconds>,s=<hex>`, the value of the `Tiktok-Signature` header. */
export function formatSignatureHeader(timestamp: number, signature: string): string {
  return `t=${timestamp},s=${signature}`;
}

/**
 * Parses `t=1633174587,s=1849…fe66` as spec §7.5 describes it: split on `,`, then each element on
 * its first `=`. Unknown prefixes are ignored so a future scheme version does not break receivers.
 */
export function parseSignatureHeader(header: string): ParsedSignatureHeader {
  const shown = JSON.stringify(header.length > 120 ? `${header.slice(0, 120)}…` : header);
  const expected = 'expected "t=<unix seconds>,s=<64 hex chars>"';
  if (header.length > MAX_HEADER_LENGTH) {
    throw new WebhookVerificationError(
      'malformed_header',
      `Tiktok-Signature header is ${header.length} characters long (limit ${MAX_HEADER_LENGTH}); ${expected}`,
    );
  }
  let timestampText: string | undefined;
  const signatures: string[] = [];
  for (const element of header.split(',')) {
    const eq = element.indexOf('=');
    if (eq < 0) continue;
    const prefix = element.slice(0, eq).trim();
    const value = element.slice(eq + 1).trim();
    if (prefix === 't') timestampText = value;
    else if (prefix === 's') signatures.push(value.toLowerCase());
  }
  if (timestampText === undefined) {
    throw new WebhookVerificationError(
      'malformed_header',
      `Tiktok-Signature has no "t=" element: ${expected}, found ${shown}`,
    );
  }
  if (!UNIX_SECONDS.test(timestampText)) {
    throw new WebhookVerificationError(
      'malformed_header',
      `Tiktok-Signature "t=" must be whole Unix seconds, found ${JSON.stringify(timestampText)}: ${expected}`,
    );
  }
  if (signatures.length === 0) {
    throw new WebhookVerificationError(
      'malformed_header',
      `Tiktok-Signature has no "s=" element: ${expected}, found ${shown}`,
    );
  }
  const bad = signatures.find((s) => !HEX_SHA256.test(s));
  if (bad !== undefined) {
    throw new WebhookVerificationError(
      'malformed_header',
      `Tiktok-Signature "s=" must be 64 hex characters (a SHA-256 HMAC), found ${JSON.stringify(bad.slice(0, 80))} (${bad.length} characters)`,
    );
  }
  return { timestamp: Number(timestampText), timestampText, signatures };
}

/** Constant-time comparison of two hex signatures (equal length is checked first, as the lengths are public). */
export function signaturesEqual(expectedHex: string, actualHex: string): boolean {
  const a = Buffer.from(expectedHex, 'utf8');
  const b = Buffer.from(actualHex, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
