import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toFetchHandler, toNodeListener } from './adapters';
import { createWebhookHandler } from './handler';
import { signTestWebhook } from './sign';

const SECRET = 'adapter-secret';
const signed = () =>
  signTestWebhook({
    clientSecret: SECRET,
    envelope: {
      event: 'minis.trade_order.redeem.success',
      content: { trade_order_id: 'TOID9', order_id: 'o9' },
    },
  });

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function listen(listener: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const created = createServer(listener);
  server = created;
  await new Promise<void>((resolve) => created.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(created.address() as AddressInfo).port}/`;
}

describe('toNodeListener', () => {
  it('reads the raw body from a real node:http request and verifies it', async () => {
    const onEvent = vi.fn();
    const url = await listen(toNodeListener(createWebhookHandler({ clientSecret: SECRET, onEvent })));
    const { body, headers } = signed();
    const ok = await fetch(url, { method: 'POST', headers, body });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true });
    expect(onEvent).toHaveBeenCalledTimes(1);
    const forged = await fetch(url, {
      method: 'POST',
      headers: { 'tiktok-signature': `t=1,s=${'0'.repeat(64)}` },
      body,
    });
    expect(forged.status).toBe(401);
  });

  it('answers 413 past the size cap without buffering it all', async () => {
    const onEvent = vi.fn();
    const url = await listen(
      toNodeListener(createWebhookHandler({ clientSecret: SECRET, onEvent }), { maxBodyBytes: 64 }),
    );
    const res = await fetch(url, { method: 'POST', body: 'x'.repeat(10_000) });
    expect(res.status).toBe(413);
    expect(onEvent).not.toHaveBeenCalled();
  });

  it('takes req.body left by middleware: a Buffer works, a parsed object is refused', async () => {
    const handle = createWebhookHandler({ clientSecret: SECRET, onEvent: () => {} });
    const listener = toNodeListener(handle);
    let parsed = false;
    const url = await listen((req, res) => {
      // Stand-in for express.raw() / express.json(): consume the stream, set req.body.
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        (req as IncomingMessage & { body?: unknown }).body = parsed ? JSON.parse(raw.toString()) : raw;
        listener(req, res);
      });
    });
    const { body, headers } = signed();
    expect((await fetch(url, { method: 'POST', headers, body })).status).toBe(200);
    parsed = true;
    const res = await fetch(url, { method: 'POST', headers, body });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'parsed_body' });
  });
});

describe('toFetchHandler', () => {
  it('turns a Request into a Response', async () => {
    const handler = toFetchHandler(createWebhookHandler({ clientSecret: SECRET, onEvent: () => {} }));
    const { body, headers } = signed();
    const res = await handler(new Request('http://shop.test/webhooks', { method: 'POST', headers, body }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    const bad = await handler(new Request('http://shop.test/webhooks', { method: 'POST', body }));
    expect(bad.status).toBe(400);
  });
});
