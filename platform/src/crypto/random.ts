import { randomBytes, randomUUID } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const LOWER_ALNUM = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Uniformly random string over `alphabet` (rejection sampling, so no modulo bias). */
export function randomString(length: number, alphabet: string = BASE62): string {
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < limit) out += alphabet[byte % alphabet.length];
      if (out.length === length) break;
    }
  }
  return out;
}

export function randomDigits(length: number): string {
  // First digit non-zero so the id keeps its length when treated as a number.
  return randomString(1, '123456789') + randomString(length - 1, '0123456789');
}

/** Access tokens look like the spec's examples: `act.` + base62. */
export const newAccessToken = (): string => `act.${randomString(48)}`;
export const newRefreshToken = (): string => `rft.${randomString(48)}`;
export const newAuthorizationCode = (): string => randomString(64);
export const newClientKey = (): string => `aw${randomString(14, LOWER_ALNUM)}`;
export const newClientSecret = (): string => randomString(32);
/** App and organization ids are numeric strings on TikTok. */
export const newNumericId = (): string => randomDigits(19);
/** open_id / union_id: UUID-shaped like the spec's example. */
export const newOpaqueUserId = (): string => randomUUID();
export const newPrefixedId = (prefix: string): string => `${prefix}_${randomString(20, LOWER_ALNUM)}`;
