import { WebhookVerificationError } from './errors';
import type { AnyWebhookEvent } from './events';

/**
 * Checks a verified body against the envelope of spec §7.3 and parses its double-encoded
 * `content`. Unknown events pass through; documented trade-order events must carry
 * `trade_order_id`, since receivers grant goods by it.
 */
export function parseEnvelope(body: Buffer): AnyWebhookEvent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw invalid(`body is not valid JSON (${(error as Error).message})`);
  }
  if (!isRecord(parsed)) throw invalid(`body must be a JSON object, found ${describe(parsed)}`);

  const { client_key, event, create_time, user_openid, content } = parsed;
  if (typeof event !== 'string' || event === '')
    throw invalid(`"event" must be a non-empty string, found ${describe(event)}`);
  if (typeof client_key !== 'string')
    throw invalid(`"client_key" must be a string, found ${describe(client_key)}`);
  if (typeof create_time !== 'number' || !Number.isInteger(create_time)) {
    throw invalid(`"create_time" must be integer epoch seconds, found ${describe(create_time)}`);
  }
  if (user_openid !== undefined && typeof user_openid !== 'string') {
    throw invalid(`"user_openid" must be a string, found ${describe(user_openid)}`);
  }

  const parsedContent = parseContent(content);
  if (event.startsWith('minis.trade_order.') && typeof parsedContent.trade_order_id !== 'string') {
    throw invalid(
      `${event} content must have a string "trade_order_id", found ${describe(parsedContent.trade_order_id)}`,
    );
  }
  return {
    client_key,
    event,
    create_time,
    user_openid: user_openid ?? '',
    content: parsedContent,
  } as AnyWebhookEvent;
}

function parseContent(content: unknown): Record<string, unknown> {
  if (content === undefined || content === '') return {};
  // The wire format is a JSON string; an already-decoded object is accepted rather than rejected.
  if (isRecord(content)) return content;
  if (typeof content !== 'string')
    throw invalid(`"content" must be a JSON-encoded string, found ${describe(content)}`);
  let decoded: unknown;
  try {
    decoded = JSON.parse(content);
  } catch (error) {
    throw invalid(`"content" is not a valid JSON string (${(error as Error).message})`);
  }
  if (!isRecord(decoded)) throw invalid(`"content" must encode a JSON object, found ${describe(decoded)}`);
  return decoded;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return `${typeof value} ${text.length > 60 ? `${text.slice(0, 60)}…` : text}`;
}

function invalid(detail: string): WebhookVerificationError {
  return new WebhookVerificationError(
    'invalid_payload',
    `webhook signature is valid but the envelope is not: ${detail}`,
  );
}
