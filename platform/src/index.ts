/**
 * @openminis/platform — the OpenMinis server as a library. `createPlatform` builds it
 * in-process (tests call `platform.app.request()`); `startServer` also listens on a port.
 * Test helpers live in `@openminis/platform/testing`.
 */
export { type Clock, OffsetClock, systemClock } from './clock';
export { ConfigError, loadConfig, type PlatformConfig, type PlatformConfigInput, settings } from './config';
export { constantTimeEqual, SecretBox, sha256Hex } from './crypto';
export type { PlatformDeps } from './deps';
export { type App, AppsService, MAX_TEST_USERS, MAX_TRUSTED_DOMAINS } from './domains/apps';
export {
  ACCESS_TOKEN_TTL_SECONDS,
  CODE_TTL_SECONDS,
  issueAuthorizationCode,
  KNOWN_SCOPES,
  REFRESH_TOKEN_TTL_SECONDS,
  requireUserToken,
  resolveAccessToken,
  type TokenResponse,
  type UserTokenInfo,
} from './domains/oauth';
export { type Org, type OrgMember, OrgsService } from './domains/orgs';
export { type User, type UserIdentity, UsersService } from './domains/users';
export { ApiError, type AppEnv, newLogId, type RouteDef, readForm, readJson, v2Ok } from './http';
export { type CreatePlatformOptions, createPlatform, type Platform } from './platform';
export { type RunningServer, startServer } from './server';
export { type Db, type Engine, migrateToLatest, openDatabase } from './storage';
