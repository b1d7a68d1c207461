#!/usr/bin/env node
// The comparison for the platform benchmarks: one Hono route returning a small JSON body,
// served by @hono/node-server on 127.0.0.1 exactly like the platform, with no middleware,
// no logging and no database. Prints "bare server listening on <url>" once ready.
//
//   node bench/platform/bare-server.mjs [port]     (default 0 = any free port)
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const port = Number(process.argv[2] ?? 0);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`bare-server: port: expected a number 0–65535, found "${process.argv[2]}"`);
  process.exit(2);
}

const app = new Hono();
app.get('/bare', (c) => c.json({ data: { ok: true }, error: { code: 'ok', message: '' } }));

const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, (info) => {
  console.log(`bare server listening on http://127.0.0.1:${info.port}`);
});

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections?.();
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
