import { expect } from 'vitest';
import { LOG_ID_PATTERN } from '../../http/log-id';

/** Checks the flat OAuth error object `{error, error_description, log_id}` field by field. */
export async function expectOAuthError(
  res: Response,
  status: number,
  error: string,
): Promise<Record<string, unknown>> {
  expect(res.status).toBe(status);
  const body = (await res.json()) as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(['error', 'error_description', 'log_id']);
  expect(body.error).toBe(error);
  expect(typeof body.error_description).toBe('string');
  expect(body.log_id).toMatch(LOG_ID_PATTERN);
  return body;
}
