export { constantTimeEqual, sha256Hex } from './hash';
export {
  newAccessToken,
  newAuthorizationCode,
  newClientKey,
  newClientSecret,
  newNumericId,
  newOpaqueUserId,
  newPrefixedId,
  newRefreshToken,
  randomString,
} from './random';
export { SecretBox } from './secret-box';
