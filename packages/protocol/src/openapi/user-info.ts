import type { Scope } from './oauth';

/** The six fields `GET /v2/user/info/` offers Minis apps (spec §6.4), in the spec's order. */
export const USER_INFO_FIELDS = [
  'open_id',
  'union_id',
  'avatar_url',
  'avatar_url_100',
  'avatar_large_url',
  'display_name',
] as const;
export type UserInfoField = (typeof USER_INFO_FIELDS)[number];

/**
 * Scopes that unlock each field: any one of them is enough. Identity fields come with the
 * plain login scope (spec §6.3: default login permissions include open_id and union_id);
 * profile fields need `user.info.basic`, "explicit authorization" (spec §6.4).
 */
export const USER_INFO_FIELD_SCOPES: { readonly [F in UserInfoField]: readonly Scope[] } = {
  open_id: ['user.info.open_id', 'user.info.basic'],
  union_id: ['user.info.open_id', 'user.info.basic'],
  avatar_url: ['user.info.basic'],
  avatar_url_100: ['user.info.basic'],
  avatar_large_url: ['user.info.basic'],
  display_name: ['user.info.basic'],
};

/** `data.user` of `GET /v2/user/info/` (spec §6.4): only the requested fields are present. */
export interface UserInfo {
  /** Unique per app (client key). */
  open_id?: string;
  /** The same user across all apps of one developer. */
  union_id?: string;
  avatar_url?: string;
  /** 100×100. */
  avatar_url_100?: string;
  avatar_large_url?: string;
  display_name?: string;
  [field: string]: unknown;
}

/** `data` of `GET /v2/user/info/`: the key is `user` in practice (spec §6.4). */
export interface UserInfoResult {
  user: UserInfo;
}
