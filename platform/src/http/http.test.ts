import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Platform } from '../platform';
import { createTestPlatform } from '../testing';
import { LOG_ID_PATTERN, newLogId } from './log-id';

let platform: Platform;
beforeAll(async () => {
  platform = await createTestPlatform('sqlite');
});
afterAll(() => platform.close());

it('formats log ids as YYYYMMDDhhmmss + 20 uppercase hex', () => {
  const id = newLogId(Date.UTC(2024, 10, 25, 11, 40, 34));
  expect(id).toHaveLength(34);
  expect(id.slice(0, 14)).toBe('20241125114034');
  expect(id).toMatch(LOG_ID_PATTERN);
});

it('answers unknown paths in the shape of their family', async () => {
  const oauth = await platform.app.request('/v2/oauth/authorize/');
  expect(oauth.status).toBe(404);
  expect(await oauth.json()).toMatchObject({
    error: 'invalid_request',
    log_id: expect.stringMatching(LOG_ID_PATTERN),
  });
  const v2 = await platform.app.request('/v2/nope/');
  expect(await v2.json()).toMatchObject({ data: {}, error: { code: 'invalid_params' } });
  const own = await platform.app.request('/emulator/v1/nope');
  expect(await own.json()).toMatchObject({ error: { code: 'not_found' } });
});

it('echoes a well-formed X-Request-Id and replaces a hostile one', async () => {
  const ok = await platform.app.request('/healthz', { headers: { 'x-request-id': 'abc-123' } });
  expect(ok.headers.get('x-request-id')).toBe('abc-123');
  const bad = await platform.app.request('/healthz', { headers: { 'x-request-id': 'a b;<c>'.repeat(20) } });
  expect(bad.headers.get('x-request-id')).toMatch(LOG_ID_PATTERN);
});

it('limits JSON bodies of our own APIs with 413', async () => {
  const res = await platform.app.request('/emulator/v1/users', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ display_name: 'x'.repeat(1_100_000) }),
  });
  expect(res.status).toBe(413);
  expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
});

it('serves static pages from configured folders, without shadowing the API', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'openminis-static-'));
  writeFileSync(join(dir, 'index.html'), '<h1>host</h1>');
  const withStatic = await createTestPlatform('sqlite', { staticRoots: [{ prefix: '/host', dir }] });
  try {
    const page = await withStatic.app.request('/host/index.html');
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<h1>host</h1>');
    expect((await withStatic.app.request('/host/missing.js')).status).toBe(404);
    expect((await withStatic.app.request('/healthz')).status).toBe(200);
  } finally {
    await withStatic.close();
  }
});
