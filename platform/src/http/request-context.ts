import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { AppEnv } from './env';
import { newLogId } from './log-id';

const INCOMING_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Gives each request an id (a caller's `X-Request-Id` when well-formed) and a TikTok-style
 * log id, echoes both as headers, and writes one log line when the response is ready.
 * Only method, path (never the query string), status and duration are logged: bodies,
 * headers, tokens, codes and secrets never reach the log.
 */
export function requestContext(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header('x-request-id');
    // Real time, not the emulated clock: log ids are for correlating with server logs.
    const logId = newLogId();
    const requestId = incoming && INCOMING_ID.test(incoming) ? incoming : logId;
    const child = logger.child({ reqId: requestId });
    c.set('requestId', requestId);
    c.set('logId', logId);
    c.set('logger', child);
    await next();
    c.header('x-request-id', requestId);
    c.header('x-tt-logid', logId);
    child.info(
      {
        method: c.req.method,
        path: new URL(c.req.url).pathname,
        status: c.res.status,
        error: c.get('errorCode'),
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  };
}
