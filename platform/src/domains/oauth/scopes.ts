import { SCOPES, type Scope } from '@openminis/protocol';
import { ApiError } from '../../http/api-error';

/** Spec §6.3 / §10 #33: Minis support exactly these two scopes. */
export const SCOPE_BASIC = 'user.info.basic' satisfies Scope;
export const SCOPE_OPEN_ID = 'user.info.open_id' satisfies Scope;
export const KNOWN_SCOPES: readonly string[] = SCOPES;

/**
 * Silent `TTMinis.login` (no scope) grants `user.info.open_id`: the user's identity
 * (open_id, union_id) but not the profile, which needs explicit `authorize` with
 * `user.info.basic` (spec §5.5, §6.4 "Requires user.info.basic (explicit authorization)").
 */
export const LOGIN_SCOPES: readonly string[] = [SCOPE_OPEN_ID];

export const MAX_SCOPE_LENGTH = 512;

/**
 * Parses a scope parameter (comma-separated, spaces tolerated). Absent or blank means a
 * plain login. Unknown scopes are `invalid_scope`. Order is kept, duplicates dropped.
 */
export function parseScopes(scope: string | undefined | null): string[] {
  if (scope === undefined || scope === null || scope.trim() === '') return [...LOGIN_SCOPES];
  if (scope.length > MAX_SCOPE_LENGTH) {
    throw new ApiError(
      400,
      'invalid_scope',
      `The scope parameter is too long (at most ${MAX_SCOPE_LENGTH} characters).`,
    );
  }
  const requested = [...new Set(scope.split(/[\s,]+/).filter(Boolean))];
  const unknown = requested.filter((s) => !KNOWN_SCOPES.includes(s));
  if (unknown.length > 0) {
    throw new ApiError(
      400,
      'invalid_scope',
      `Unknown scope ${unknown.map((s) => JSON.stringify(s.slice(0, 64))).join(', ')}; expected ${KNOWN_SCOPES.join(' or ')}.`,
    );
  }
  return requested;
}

export const formatScopes = (scopes: readonly string[]): string => scopes.join(',');
export const splitStoredScopes = (stored: string): string[] => stored.split(',').filter(Boolean);
