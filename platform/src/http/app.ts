import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { loadClockOffset } from '../clock';
import type { PlatformDeps } from '../deps';
import { ApiError } from './api-error';
import { limitBody } from './body-limit';
import type { AppEnv } from './env';
import { errorFamily, genericCodes, respondError } from './error-shapes';
import { controlApiEnabled } from './guards';
import { requestContext } from './request-context';
import { honoPath, mountRoutes, type RouteDef } from './route-table';

/**
 * Assembles the HTTP application: request context + logging, body limit, every route,
 * 405 for known paths with another method, and one error → response mapping. `strict:
 * false` makes every path match with or without its trailing slash (spec §6.1).
 */
export interface StaticRoot {
  /** URL prefix, e.g. `/host` (files at `/host/*`); `/` for the site root. */
  prefix: string;
  /** Folder on disk (a web build output). */
  dir: string;
}

export function createHttpApp(
  deps: PlatformDeps,
  routes: readonly RouteDef[],
  staticRoots: readonly StaticRoot[] = [],
): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ strict: false });
  app.use(requestContext(deps.logger));
  if (deps.engine === 'postgres' && controlApiEnabled(deps.config)) {
    // Several instances may share one PostgreSQL database; the control API moves the clock
    // through one of them. Re-reading the persisted offset (one primary-key lookup) makes
    // every instance see the same emulated time on the next request.
    app.use(async (_c, next) => {
      await loadClockOffset(deps.db, deps.clock);
      await next();
    });
  }
  app.use(
    limitBody(deps.config.bodyLimit, (c) => {
      const family = errorFamily(c.req.path);
      const status = family === 'own' ? 413 : 400;
      const code = family === 'own' ? 'payload_too_large' : genericCodes.badRequest[family];
      return respondError(c, status, code, `The request body is larger than ${deps.config.bodyLimit} bytes.`);
    }),
  );
  mountRoutes(app, routes);
  for (const root of staticRoots) {
    const prefix = root.prefix.replace(/\/+$/, '');
    app.use(
      `${prefix}/*`,
      serveStatic({ root: root.dir, rewriteRequestPath: (path) => path.slice(prefix.length) || '/' }),
    );
  }

  const methodsByPath = new Map<string, Set<string>>();
  for (const route of routes) {
    const path = honoPath(route.path);
    methodsByPath.set(path, (methodsByPath.get(path) ?? new Set()).add(route.method.toUpperCase()));
  }
  for (const [path, methods] of methodsByPath) {
    const allow = [...methods, ...(methods.has('GET') ? ['HEAD'] : [])].join(', ');
    app.all(path, (c) => {
      c.header('Allow', allow);
      const family = errorFamily(c.req.path);
      return respondError(
        c,
        405,
        genericCodes.method[family],
        `${c.req.method} is not allowed here; use ${allow}.`,
      );
    });
  }

  app.notFound((c) => {
    const family = errorFamily(c.req.path);
    return respondError(
      c,
      404,
      genericCodes.notFound[family],
      `No endpoint at ${c.req.method} ${c.req.path}.`,
    );
  });

  app.onError((error, c) => {
    if (error instanceof ApiError) return respondError(c, error.status, error.code, error.message);
    const logger = c.get('logger') ?? deps.logger;
    logger.error(
      { err: { type: error.name, message: error.message, stack: error.stack } },
      'unhandled error',
    );
    const family = errorFamily(c.req.path);
    return respondError(
      c,
      500,
      genericCodes.internal[family],
      'Internal error; the log_id identifies it in the server log.',
    );
  });
  return app;
}
