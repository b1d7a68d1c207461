import { OpenApiError } from './errors';
import { excerpt, failure, parseJson, type RawResponse } from './transport';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Reads an OAuth answer (spec §6.3): flat JSON on success, `{ error, error_description, log_id }` on
 * failure — whatever the HTTP status says, since an `error` string is authoritative.
 * Returns undefined for an empty 2xx body (revoke's success).
 */
export function readOAuth(response: RawResponse): Json | undefined {
  const json = parseJson(response.text);
  if (isObject(json)) {
    const error = json.error;
    if (typeof error === 'string' && error !== '') {
      throw new OpenApiError({
        kind: 'oauth',
        code: error,
        description: str(json.error_description) ?? '',
        logId: str(json.log_id),
        httpStatus: response.status,
        endpoint: response.endpoint,
      });
    }
    // Some gateways answer OAuth paths with a v2 envelope; honour its error too.
    if (isObject(error) && error.code !== undefined && String(error.code) !== 'ok')
      throw envelopeError(error, response);
  }
  if (!response.ok) throw httpError(response);
  if (json === undefined && response.text.trim() === '') return undefined;
  if (!isObject(json)) {
    throw failure(
      'invalid_response',
      'invalid_response',
      `expected a JSON object, got: ${excerpt(response.text)}`,
      response.endpoint,
      undefined,
      response.status,
    );
  }
  return json;
}

/** Reads a v2 envelope `{ data, error: { code, message, log_id } }` (spec §6.1) and returns `data`. */
export function readEnvelope(response: RawResponse): Json {
  const json = parseJson(response.text);
  const error = isObject(json) ? json.error : undefined;
  if (!isObject(json) || !isObject(error) || error.code === undefined) {
    if (!response.ok) throw httpError(response);
    throw failure(
      'invalid_response',
      'invalid_response',
      `expected the v2 envelope {data, error:{code, message, log_id}}, got: ${excerpt(response.text) || '(empty body)'}`,
      response.endpoint,
      undefined,
      response.status,
    );
  }
  if (String(error.code) !== 'ok') throw envelopeError(error, response);
  if (!response.ok) throw httpError(response);
  return isObject(json.data) ? json.data : {};
}

function envelopeError(error: Json, response: RawResponse): OpenApiError {
  return new OpenApiError({
    kind: 'api',
    code: String(error.code),
    description: str(error.message) ?? '',
    // TikTok's own samples sometimes spell it log_od (spec §6.1).
    logId: str(error.log_id) ?? str(error.log_od),
    httpStatus: response.status,
    endpoint: response.endpoint,
  });
}

function httpError(response: RawResponse): OpenApiError {
  return failure(
    'http',
    `http_${response.status}`,
    excerpt(response.text) || '(empty body)',
    response.endpoint,
    undefined,
    response.status,
  );
}

export type FieldType = 'string' | 'number' | 'boolean' | 'object' | 'array';

/** Checks that `data` has the fields a caller relies on, so a wrong answer fails here and not deep in app code. */
export function requireFields<T>(data: Json, fields: Record<string, FieldType>, endpoint: string): T {
  for (const [field, type] of Object.entries(fields)) {
    const value = data[field];
    const ok =
      type === 'object' ? isObject(value) : type === 'array' ? Array.isArray(value) : typeof value === type;
    if (!ok) {
      throw failure(
        'invalid_response',
        'invalid_response',
        `answer lacks ${type} "${field}" (found ${value === undefined ? 'nothing' : Array.isArray(value) ? 'an array' : typeof value})`,
        endpoint,
      );
    }
  }
  return data as T;
}
