import { V2_OK, type V2Success } from '@openminis/protocol';
import type { Context } from 'hono';
import type { AppEnv } from './env';

/** Success in the Open API v2 envelope (spec §6.1). */
export function v2Ok<Data>(c: Context<AppEnv>, data: Data): Response {
  const body: V2Success<Data> = { data, error: { code: V2_OK, message: '', log_id: c.get('logId') } };
  return c.json(body, 200);
}
