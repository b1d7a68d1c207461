import { computeSignature, signaturesEqual } from './signature';

/**
 * Builds the message for a signature mismatch. The usual mistakes are detectable from what we were
 * given, so the message names the likely one instead of only saying "invalid signature".
 * Every probe below is another HMAC with a variant of the inputs; none weakens the check itself.
 */
export function explainMismatch(
  rawBody: string | Uint8Array,
  body: Buffer,
  clientSecret: string,
  timestamp: string,
  signatures: string[],
): string {
  const matches = (secret: string, bytes: string | Uint8Array) => {
    const expected = computeSignature(secret, timestamp, bytes);
    return signatures.some((s) => signaturesEqual(expected, s));
  };
  const base = 'Tiktok-Signature does not match the body';
  const text = body.toString('utf8');

  if (clientSecret.trim() !== clientSecret && matches(clientSecret.trim(), body)) {
    return `${base}: clientSecret has leading/trailing whitespace (a newline from an env file?); trim it.`;
  }
  if (text.trim() !== text && matches(clientSecret, text.trim())) {
    return `${base}: the body has extra whitespace at its ends; pass the raw request bytes exactly as received.`;
  }
  const envelopeKey = readClientKey(text);
  if (envelopeKey !== undefined && envelopeKey === clientSecret) {
    return `${base}: clientSecret equals the webhook's client_key; pass the app's client secret, not its client key.`;
  }
  if (looksReserialised(rawBody, text)) {
    return (
      `${base}. The body looks like JSON re-serialised by your code (JSON.stringify of a parsed body): ` +
      'pass the raw request bytes, not a parsed/re-serialised body — whitespace, key order and escapes must be ' +
      'exactly as sent. If the body is raw, check clientSecret is this app’s client secret.'
    );
  }
  return (
    `${base}: either clientSecret is not this app's client secret, or the body is not the raw bytes as sent ` +
    '(pass the raw request bytes, not a parsed/re-serialised body).'
  );
}

function readClientKey(text: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    const key = (parsed as { client_key?: unknown } | null)?.client_key;
    return typeof key === 'string' ? key : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A string body that is exactly `JSON.stringify(JSON.parse(body))` (compact or 2-space indented) is
 * what a parse-then-stringify round trip produces. Bytes (Buffer) come straight off the socket.
 */
function looksReserialised(rawBody: string | Uint8Array, text: string): boolean {
  if (typeof rawBody !== 'string') return false;
  try {
    const parsed: unknown = JSON.parse(text);
    return text === JSON.stringify(parsed) || text === JSON.stringify(parsed, null, 2);
  } catch {
    return false;
  }
}
