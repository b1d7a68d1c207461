import type { Context } from 'hono';
import { ApiError } from './api-error';
import type { AppEnv } from './env';

export const MAX_FORM_FIELD_LENGTH = 4096;

/**
 * Reads an `application/x-www-form-urlencoded` body strictly: wrong content type, a
 * repeated parameter or an oversized value is `invalid_request` (RFC 6749 §3.2, §4.1.3).
 */
export async function readForm(c: Context<AppEnv>): Promise<Map<string, string>> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    throw new ApiError(
      400,
      'invalid_request',
      `Content-Type must be application/x-www-form-urlencoded, found ${type ? JSON.stringify(type) : 'none'}.`,
    );
  }
  const form = new Map<string, string>();
  for (const [key, value] of parseStrict(await c.req.text())) {
    if (form.has(key))
      throw new ApiError(400, 'invalid_request', `Parameter ${key} is included more than once.`);
    if (value.length > MAX_FORM_FIELD_LENGTH) {
      throw new ApiError(
        400,
        'invalid_request',
        `Parameter ${key} is too long: at most ${MAX_FORM_FIELD_LENGTH} characters, found ${value.length}.`,
      );
    }
    form.set(key, value);
  }
  return form;
}

/** Like URLSearchParams, but a bad percent-escape or invalid UTF-8 is an error, not U+FFFD. */
function parseStrict(body: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const segment of body.split('&')) {
    if (segment === '') continue;
    const eq = segment.indexOf('=');
    const rawKey = eq === -1 ? segment : segment.slice(0, eq);
    const rawValue = eq === -1 ? '' : segment.slice(eq + 1);
    pairs.push([decode(rawKey), decode(rawValue)]);
  }
  return pairs;
}

function decode(raw: string): string {
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '));
  } catch {
    throw new ApiError(
      400,
      'invalid_request',
      'The request body is not a valid form (bad percent-encoding).',
    );
  }
}
