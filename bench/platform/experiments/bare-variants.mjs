#!/usr/bin/env node
// Experiment server: the bare route of bench/platform/bare-server.mjs, optionally behind
// hono's bodyLimit middleware exactly as platform/src/http/app.ts installs it (every
// method, 1 MiB). Prints "listening on <url>".
//
//   node bench/platform/experiments/bare-variants.mjs plain|body-limit
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';

const variant = process.argv[2];
if (variant !== 'plain' && variant !== 'body-limit') {
  console.error(`bare-variants: expected plain or body-limit, found "${variant ?? ''}"`);
  process.exit(2);
}
const app = new Hono();
if (variant === 'body-limit') app.use(bodyLimit({ maxSize: 1_048_576 }));
app.get('/bare', (c) => c.json({ data: { ok: true }, error: { code: 'ok', message: '' } }));
const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) =>
  console.log(`listening on http://127.0.0.1:${info.port}`),
);
process.once('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections?.();
});
