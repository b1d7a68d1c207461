import { MINIS_ERRORS, type MinisErrorCode, V2_ERRORS, type V2ErrorCode } from '@openminis/protocol';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The one error type services throw. `code` is the wire code of the surface that answers
 * (an OAuth `error` value, a v2 `error.code`, or one of our own codes); the route family
 * decides the JSON shape (see http/error-shapes).
 */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string) => new ApiError(400, code, message);
export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`);

/** A generic v2 error with the HTTP status the protocol gives its code (spec §6.2). */
export const v2Error = (code: Exclude<V2ErrorCode, 'ok'>, message: string) =>
  new ApiError(V2_ERRORS[code].httpStatus, code, message);

/** A Minis numeric error with the HTTP status the protocol gives its code (spec §6.2, §10 #30). */
export const minisError = (code: MinisErrorCode, message: string) =>
  new ApiError(MINIS_ERRORS[code].httpStatus, code, message);
