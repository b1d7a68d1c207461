import { z } from 'zod';
import type { RouteDef } from '../http/route-table';

type JsonSchema = Record<string, unknown>;

/**
 * OpenAPI 3.1 document built from the same zod schemas the routes validate with. Named
 * schemas (`.meta({id})`) become `components.schemas`; the rest are inlined.
 */
export function buildOpenApiDocument(
  routes: readonly RouteDef[],
  info: { version: string; serverUrl: string },
) {
  const components: Record<string, JsonSchema> = {};
  const convert = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
    const raw = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
    const text = JSON.stringify(raw).replaceAll('"#/$defs/', '"#/components/schemas/');
    const {
      $defs,
      $schema: _ignored,
      ...rest
    } = JSON.parse(text) as JsonSchema & { $defs?: Record<string, JsonSchema> };
    for (const [name, def] of Object.entries($defs ?? {})) components[name] ??= def;
    return rest;
  };

  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const parameters: unknown[] = [...route.path.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    if (route.request?.query) {
      const query = convert(route.request.query, 'input') as {
        properties?: Record<string, JsonSchema>;
        required?: string[];
      };
      for (const [name, schema] of Object.entries(query.properties ?? {})) {
        parameters.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema });
      }
    }
    const requestBody = route.request?.form
      ? {
          required: true,
          content: { 'application/x-www-form-urlencoded': { schema: convert(route.request.form, 'input') } },
        }
      : route.request?.json
        ? {
            required: true,
            content: { 'application/json': { schema: convert(route.request.json, 'input') } },
          }
        : undefined;
    const responses = Object.fromEntries(
      Object.entries(route.responses).map(([status, doc]) => [
        status,
        {
          description: doc.description,
          ...(doc.schema
            ? {
                content: {
                  [doc.contentType ?? 'application/json']: { schema: convert(doc.schema, 'output') },
                },
              }
            : {}),
        },
      ]),
    );
    const security = SECURITY[route.auth];
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, unknown>)[route.method] = {
      summary: route.summary,
      tags: route.tags,
      operationId: operationId(route),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses,
      security,
    };
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'OpenMinis platform',
      version: info.version,
      description:
        'Wire-compatible TikTok Minis Open API (/v2/*) plus the emulator control API (/emulator/v1/*). ' +
        'Paths under /v2/ are accepted with or without the trailing slash.',
    },
    servers: [{ url: info.serverUrl }],
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        userAccessToken: { type: 'http', scheme: 'bearer', description: 'A user access token (act.…)' },
        adminToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'OPENMINIS_ADMIN_TOKEN; not needed in dev mode',
        },
        portalSession: {
          type: 'http',
          scheme: 'bearer',
          description: 'A developer portal session (pst.…) from POST /portal/v1/sessions',
        },
      },
    },
  };
}

/** The OpenAPI security requirement of each kind of route authentication. */
const SECURITY: Record<RouteDef['auth'], Record<string, string[]>[]> = {
  none: [],
  clientCredentials: [],
  userToken: [{ userAccessToken: [] }],
  control: [{}, { adminToken: [] }],
  portalSession: [{ portalSession: [] }],
};

function operationId(route: RouteDef): string {
  const words = route.path
    .replace(/\{([A-Za-z0-9_]+)\}/g, 'by_$1')
    .split(/[/_.-]+/)
    .filter(Boolean);
  return [route.method, ...words]
    .map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('');
}
