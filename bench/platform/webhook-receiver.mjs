#!/usr/bin/env node
// A developer's webhook endpoint for the payments benchmark: node:http on 127.0.0.1,
// answers 200 at once and remembers when each delivery arrived (with its signature header
// and body, checked by the benchmark afterwards). It runs as its own process so receipt
// times do not wait on autocannon's event loop. Prints "webhook receiver listening on <url>".
//
//   POST /webhook     a delivery (any body up to 64 KiB)
//   GET  /received    {"deliveries": [{"at": <epoch ms>, "signature": "...", "body": "..."}]}
//   POST /reset       forget everything received so far
import { createServer } from 'node:http';

const MAX_BODY = 64 * 1024;
let received = [];

const server = createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/webhook') {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => {
      const at = Date.now(); // the platform stamps created_at with Date.now() too
      if (size > MAX_BODY) {
        res.writeHead(413).end();
        return;
      }
      received.push({
        at,
        signature: req.headers['tiktok-signature'] ?? null,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
    return;
  }
  if (req.method === 'GET' && req.url === '/received') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ deliveries: received }));
    return;
  }
  if (req.method === 'GET' && req.url === '/count') {
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ count: received.length }));
    return;
  }
  if (req.method === 'POST' && req.url === '/reset') {
    received = [];
    res.writeHead(200).end();
    return;
  }
  res.writeHead(404).end();
});

server.listen(0, '127.0.0.1', () => {
  console.log(`webhook receiver listening on http://127.0.0.1:${server.address().port}`);
});

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
