import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { limitBody } from './body-limit';

function app() {
  const hono = new Hono();
  hono.use(limitBody(10, (c) => c.text('too large', 413)));
  hono.all('/', async (c) => c.text(`got ${(await c.req.text()).length}`));
  return hono;
}

function chunked(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 4) controller.enqueue(bytes.subarray(i, i + 4));
      controller.close();
    },
  });
}

describe('limitBody', () => {
  it('lets GET through', async () => {
    const res = await app().request('/');
    expect(await res.text()).toBe('got 0');
  });

  it('decides from a declared Content-Length alone', async () => {
    const over = await app().request('/', {
      method: 'POST',
      headers: { 'content-length': '11' },
      body: 'x',
    });
    expect(over.status).toBe(413);
    const within = await app().request('/', {
      method: 'POST',
      headers: { 'content-length': '10' },
      body: 'x'.repeat(10),
    });
    expect(await within.text()).toBe('got 10');
  });

  it('counts bodies that declare no length', async () => {
    const over = await app().request('/', { method: 'PUT', body: 'x'.repeat(11) });
    expect(over.status).toBe(413);
    const within = await app().request('/', { method: 'PUT', body: 'x'.repeat(10) });
    expect(await within.text()).toBe('got 10');
  });

  it('counts chunked bodies as they stream, whatever length they declare', async () => {
    const init = { method: 'POST', duplex: 'half' } as RequestInit;
    const over = await app().request('/', {
      ...init,
      headers: { 'transfer-encoding': 'chunked', 'content-length': '1' },
      body: chunked('x'.repeat(20)),
    });
    expect(over.status).toBe(413);
    const within = await app().request('/', {
      ...init,
      headers: { 'transfer-encoding': 'chunked' },
      body: chunked('x'.repeat(9)),
    });
    expect(await within.text()).toBe('got 9');
  });
});
