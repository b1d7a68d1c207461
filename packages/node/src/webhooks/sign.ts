import type { KnownWebhookEventName, WebhookEventMap } from './events';
import { computeSignature, formatSignatureHeader, SIGNATURE_HEADER } from './signature';

/** Envelope fields for {@link signTestWebhook}; `content` may be an object (it is JSON-encoded for you). */
export type TestWebhookEnvelope =
  | {
      [E in KnownWebhookEventName]: TestEnvelopeFields<E, WebhookEventMap[E]>;
    }[KnownWebhookEventName]
  | TestEnvelopeFields<string, Record<string, unknown>>;

interface TestEnvelopeFields<E extends string, C> {
  event: E;
  content?: C | string;
  /** Default `"test_client_key"`. */
  client_key?: string;
  /** Default: the signature timestamp. */
  create_time?: number;
  /** Default `""`, as in TikTok's examples. */
  user_openid?: string;
}

export interface SignTestWebhookOptions {
  clientSecret: string;
  /** Exact bytes to sign and send. Give this or `envelope`. */
  body?: string | Uint8Array;
  /** Envelope to serialise once (spec §7.3); its `content` is double-encoded as TikTok does. */
  envelope?: TestWebhookEnvelope;
  /** Unix seconds for `t=`. Default: now. */
  timestamp?: number;
}

export interface SignedTestWebhook {
  /** The body to POST, byte for byte what was signed. */
  body: string | Uint8Array;
  /** The `Tiktok-Signature` value: `t=<seconds>,s=<hex>`. */
  header: string;
  /** Ready-to-send request headers. */
  headers: { 'Content-Type': 'application/json'; 'Tiktok-Signature': string };
  timestamp: number;
  signature: string;
}

/**
 * Signs a webhook exactly as TikTok does (spec §7.5), for a developer's own tests of their
 * receiving endpoint. Serialises once and signs those exact bytes.
 */
export function signTestWebhook(options: SignTestWebhookOptions): SignedTestWebhook {
  const { clientSecret } = options;
  if (typeof clientSecret !== 'string' || clientSecret === '') {
    throw new TypeError('signTestWebhook: clientSecret must be a non-empty string');
  }
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new TypeError(`signTestWebhook: timestamp must be whole Unix seconds, found ${String(timestamp)}`);
  }
  const body = chooseBody(options, timestamp);
  const signature = computeSignature(clientSecret, timestamp, body);
  const header = formatSignatureHeader(timestamp, signature);
  return {
    body,
    header,
    headers: {
      'Content-Type': 'application/json',
      [SIGNATURE_HEADER]: header,
    } as SignedTestWebhook['headers'],
    timestamp,
    signature,
  };
}

function chooseBody(options: SignTestWebhookOptions, timestamp: number): string | Uint8Array {
  if (options.body !== undefined && options.envelope !== undefined) {
    throw new TypeError('signTestWebhook: give either body (exact bytes) or envelope, not both');
  }
  if (options.body !== undefined) return options.body;
  if (options.envelope === undefined) {
    throw new TypeError('signTestWebhook: give body (exact bytes) or envelope ({ event, content, … })');
  }
  const { event, content, client_key, create_time, user_openid } = options.envelope;
  return JSON.stringify({
    client_key: client_key ?? 'test_client_key',
    event,
    create_time: create_time ?? timestamp,
    user_openid: user_openid ?? '',
    content: typeof content === 'string' ? content : JSON.stringify(content ?? {}),
  });
}
