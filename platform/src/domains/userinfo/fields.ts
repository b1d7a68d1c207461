import { ApiError } from '../../http/api-error';
import { SCOPE_BASIC, SCOPE_OPEN_ID } from '../oauth/scopes';

/**
 * The six Minis user fields (spec §6.4) and the scopes that unlock each. Identity fields
 * come with the plain login scope; profile fields need `user.info.basic`, which also
 * implies identity.
 */
export const USER_FIELDS = {
  open_id: [SCOPE_OPEN_ID, SCOPE_BASIC],
  union_id: [SCOPE_OPEN_ID, SCOPE_BASIC],
  avatar_url: [SCOPE_BASIC],
  avatar_url_100: [SCOPE_BASIC],
  avatar_large_url: [SCOPE_BASIC],
  display_name: [SCOPE_BASIC],
} as const satisfies Record<string, readonly string[]>;

export type UserField = keyof typeof USER_FIELDS;

const MAX_FIELDS_LENGTH = 1024;

/**
 * Validation order: `fields` missing/empty → invalid_params (400); a field outside the six
 * → scope_permission_missed (400, spec §6.4 note); a known field the token's scopes do not
 * cover → scope_not_authorized (401).
 */
export function selectFields(fieldsParam: string | undefined, grantedScopes: readonly string[]): UserField[] {
  if (fieldsParam === undefined || fieldsParam.trim() === '') {
    throw new ApiError(
      400,
      'invalid_params',
      'The fields parameter is required, e.g. fields=open_id,union_id,avatar_url.',
    );
  }
  if (fieldsParam.length > MAX_FIELDS_LENGTH) {
    throw new ApiError(
      400,
      'invalid_params',
      `The fields parameter is too long (at most ${MAX_FIELDS_LENGTH} characters).`,
    );
  }
  const requested = [
    ...new Set(
      fieldsParam
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean),
    ),
  ];
  if (requested.length === 0) {
    throw new ApiError(400, 'invalid_params', 'The fields parameter lists no field.');
  }
  const unknown = requested.filter((f) => !Object.hasOwn(USER_FIELDS, f));
  if (unknown.length > 0) {
    throw new ApiError(
      400,
      'scope_permission_missed',
      `Field(s) ${unknown.map((f) => JSON.stringify(f.slice(0, 64))).join(', ')} are not available to Minis apps; available: ${Object.keys(USER_FIELDS).join(', ')}.`,
    );
  }
  const fields = requested as UserField[];
  const unauthorised = fields.filter((f) => !USER_FIELDS[f].some((scope) => grantedScopes.includes(scope)));
  if (unauthorised.length > 0) {
    throw new ApiError(
      401,
      'scope_not_authorized',
      `The user did not authorize the scope required for field(s) ${unauthorised.join(', ')} (${SCOPE_BASIC}).`,
    );
  }
  return fields;
}
