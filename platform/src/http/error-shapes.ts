import type { MinisErrorCode, OAuthErrorName, V2ErrorCode, V2Failure } from '@openminis/protocol';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './env';

/**
 * Three wire families, chosen by path:
 * - OAuth (`/v2/oauth/*`): flat `{error, error_description, log_id}` (spec §6.1).
 * - Open API v2 (`/v2/*`): envelope `{data: {}, error: {code, message, log_id}}`.
 * - Minis APIs (`/v2/minis/*`): the same envelope with the Minis numeric codes (`40001000`
 *   invalid parameters, `50001000` internal error; spec §6.2), so a bad body is `40001000`
 *   whether a route or the body limit rejects it.
 * - Our own APIs (`/emulator/*`, `/portal/*`, everything else): `{error: {code, message, log_id}}`.
 * `/emulator/v1/login` stands in for TikTok's authorize step (it can fail with
 * `invalid_scope`), so it answers in the OAuth family too.
 */
export type ErrorFamily = 'oauth' | 'v2' | 'minis' | 'own';

export function errorFamily(path: string): ErrorFamily {
  if (path.startsWith('/v2/oauth/') || path === '/v2/oauth') return 'oauth';
  if (path === '/emulator/v1/login' || path === '/emulator/v1/login/') return 'oauth';
  if (path.startsWith('/v2/minis/') || path === '/v2/minis') return 'minis';
  if (path.startsWith('/v2/') || path === '/v2') return 'v2';
  return 'own';
}

export function errorBody(family: ErrorFamily, code: string, message: string, logId: string): unknown {
  switch (family) {
    case 'oauth':
      return { error: code, error_description: message, log_id: logId };
    case 'v2':
    case 'minis':
      return { data: {}, error: { code, message, log_id: logId } } satisfies V2Failure;
    case 'own':
      return { error: { code, message, log_id: logId } };
  }
}

/** Generic codes per family for situations every surface shares. */
export const genericCodes: Record<
  'badRequest' | 'notFound' | 'internal' | 'method',
  { oauth: OAuthErrorName; v2: V2ErrorCode; minis: MinisErrorCode; own: string }
> = {
  badRequest: { oauth: 'invalid_request', v2: 'invalid_params', minis: '40001000', own: 'invalid_request' },
  notFound: { oauth: 'invalid_request', v2: 'invalid_params', minis: '40001000', own: 'not_found' },
  method: { oauth: 'invalid_request', v2: 'invalid_params', minis: '40001000', own: 'method_not_allowed' },
  internal: { oauth: 'server_error', v2: 'internal_error', minis: '50001000', own: 'internal_error' },
};

export function respondError(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  code: string,
  message: string,
): Response {
  c.set('errorCode', code);
  return c.json(errorBody(errorFamily(c.req.path), code, message, c.get('logId')), status);
}
