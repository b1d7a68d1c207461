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
  const params = new URLSearchParams(await c.req.text());
  const form = new Map<string, string>();
  for (const [key, value] of params) {
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
