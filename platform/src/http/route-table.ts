import type { Handler, Hono, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from './env';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type RouteAuth = 'none' | 'clientCredentials' | 'userToken' | 'control' | 'portalSession';

export interface ResponseDoc {
  description: string;
  schema?: z.ZodType;
  contentType?: string;
}

/** One endpoint: its documentation (for /openapi.json) and its handler, declared together. */
export interface RouteDef {
  method: HttpMethod;
  /** As documented: `/v2/oauth/token/`, `/emulator/v1/apps/{app_id}`. */
  path: string;
  summary: string;
  tags: string[];
  auth: RouteAuth;
  request?: { form?: z.ZodType; json?: z.ZodType; query?: z.ZodType };
  responses: Record<number, ResponseDoc>;
  middleware?: MiddlewareHandler<AppEnv>[];
  handler: Handler<AppEnv>;
}

/** `/emulator/v1/apps/{app_id}/` → `/emulator/v1/apps/:app_id` (the app is not strict about slashes). */
export function honoPath(documented: string): string {
  const path = documented.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

export function mountRoutes(app: Hono<AppEnv>, routes: readonly RouteDef[]): void {
  for (const route of routes) {
    const handlers: Handler<AppEnv>[] = [...(route.middleware ?? []), route.handler];
    app.on(route.method.toUpperCase(), [honoPath(route.path)], ...(handlers as [Handler<AppEnv>]));
  }
}
