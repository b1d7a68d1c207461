import type { Context } from 'hono';
import type { AppEnv } from './env';

/** Success in the Open API v2 envelope (spec §6.1). */
export function v2Ok(c: Context<AppEnv>, data: unknown): Response {
  return c.json({ data, error: { code: 'ok', message: '', log_id: c.get('logId') } }, 200);
}
