import type { Logger } from 'pino';

/** What the request-context middleware and the auth guards put on every request. */
export interface AppVariables {
  requestId: string;
  logId: string;
  logger: Logger;
  /** Wire error code of the response, when it is an error (logged; never the message). */
  errorCode: string;
  /** Set by requireUserToken on routes that take `Authorization: Bearer act.…`. */
  userToken: import('../domains/oauth/access').UserTokenInfo;
}

export interface AppEnv {
  Variables: AppVariables;
}
