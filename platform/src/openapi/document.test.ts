import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Platform } from '../platform';
import { createTestPlatform } from '../testing';

let platform: Platform;
beforeAll(async () => {
  platform = await createTestPlatform('sqlite');
});
afterAll(() => platform.close());

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, unknown> };
};

it('documents every served route at GET /openapi.json', async () => {
  const res = await platform.app.request('/openapi.json');
  expect(res.status).toBe(200);
  const doc = (await res.json()) as Doc;
  expect(doc.openapi).toBe('3.1.0');
  const documented = new Set<string>();
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const method of Object.keys(operations)) {
      const honoPath = path.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1').replace(/(.)\/$/, '$1');
      documented.add(`${method.toUpperCase()} ${honoPath}`);
    }
  }
  const served = platform.app.routes
    .filter((r) => r.method !== 'ALL')
    .map((r) => `${r.method} ${r.path}`)
    .filter((key, index, all) => all.indexOf(key) === index);
  expect(served.length).toBeGreaterThan(15);
  for (const route of served) expect(documented, route).toContain(route);
  expect(documented.size).toBe(served.length);
});

it('builds the schemas from the zod definitions', async () => {
  const doc = (await (await platform.app.request('/openapi.json')).json()) as Doc;
  const token = doc.paths['/v2/oauth/token/']?.post;
  expect(token?.responses).toHaveProperty('200');
  expect(doc.components.schemas.TokenResponse).toMatchObject({
    type: 'object',
    required: expect.arrayContaining(['access_token', 'refresh_token', 'open_id', 'scope', 'expires_in']),
  });
  expect(JSON.stringify(doc)).not.toContain('#/$defs/');
  expect(doc.paths['/v2/user/info/']?.get).toBeDefined();
});

it('states how each route authenticates', async () => {
  const doc = (await (await platform.app.request('/openapi.json')).json()) as {
    paths: Record<string, Record<string, { security: Record<string, string[]>[] }>>;
  };
  expect(doc.paths['/v2/user/info/']?.get?.security).toEqual([{ userAccessToken: [] }]);
  expect(doc.paths['/portal/v1/me']?.get?.security).toEqual([{ portalSession: [] }]);
  expect(doc.paths['/portal/v1/sessions']?.post?.security).toEqual([]);
  expect(doc.paths['/v2/oauth/token/']?.post?.security).toEqual([]);
});
