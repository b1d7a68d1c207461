import { USER_INFO_FIELD_SCOPES, type UserInfoField } from '@openminis/protocol';
import { v2Error } from '../../http/api-error';
import { SCOPE_BASIC } from '../oauth/scopes';

/** The six Minis user fields (spec §6.4) and the scopes that unlock each, as the protocol declares them. */
export const USER_FIELDS = USER_INFO_FIELD_SCOPES;

export type UserField = UserInfoField;

const MAX_FIELDS_LENGTH = 1024;

/**
 * Validation order: `fields` missing/empty → invalid_params (400); a field outside the six
 * → scope_permission_missed (400, spec §6.4 note); a known field the token's scopes do not
 * cover → scope_not_authorized (401).
 */
export function selectFields(fieldsParam: string | undefined, grantedScopes: readonly string[]): UserField[] {
  if (fieldsParam === undefined || fieldsParam.trim() === '') {
    throw v2Error(
      'invalid_params',
      'The fields parameter is required, e.g. fields=open_id,union_id,avatar_url.',
    );
  }
  if (fieldsParam.length > MAX_FIELDS_LENGTH) {
    throw v2Error(
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
    throw v2Error('invalid_params', 'The fields parameter lists no field.');
  }
  const unknown = requested.filter((f) => !Object.hasOwn(USER_FIELDS, f));
  if (unknown.length > 0) {
    throw v2Error(
      'scope_permission_missed',
      `Field(s) ${unknown.map((f) => JSON.stringify(f.slice(0, 64))).join(', ')} are not available to Minis apps; available: ${Object.keys(USER_FIELDS).join(', ')}.`,
    );
  }
  const fields = requested as UserField[];
  const unauthorised = fields.filter((f) => !USER_FIELDS[f].some((scope) => grantedScopes.includes(scope)));
  if (unauthorised.length > 0) {
    throw v2Error(
      'scope_not_authorized',
      `The user did not authorize the scope required for field(s) ${unauthorised.join(', ')} (${SCOPE_BASIC}).`,
    );
  }
  return fields;
}
