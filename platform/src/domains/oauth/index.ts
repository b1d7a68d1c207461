/** The flat success body of `POST /v2/oauth/token/` (spec §6.3). */
export type { TokenResponse } from '@openminis/protocol';
export { bearerToken, requireUserToken, resolveAccessToken, type UserTokenInfo } from './access';
export { type IssuedCode, issueAuthorizationCode } from './codes';
export { disconnectUserFromApp } from './grants';
export { ACCESS_TOKEN_TTL_SECONDS, CODE_TTL_SECONDS, REFRESH_TOKEN_TTL_SECONDS } from './lifetimes';
export { oauthRoutes } from './routes';
export { KNOWN_SCOPES, LOGIN_SCOPES, parseScopes, SCOPE_BASIC, SCOPE_OPEN_ID } from './scopes';
export { commonChecks, grantChecks, type TokenCheck } from './token-checks';
