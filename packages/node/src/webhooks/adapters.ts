import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WebhookHandler } from './handler';
import { DEFAULT_MAX_BODY_BYTES } from './verify';

/**
 * `(request: Request) => Promise<Response>` for fetch-style servers (Hono, Next.js route handlers,
 * Bun, Deno): reads the body as bytes, so the signature is checked over exactly what was sent.
 */
export function toFetchHandler(handle: WebhookHandler): (request: Request) => Promise<Response> {
  return async (request) => {
    const result = await handle(new Uint8Array(await request.arrayBuffer()), request.headers);
    return new Response(result.body, { status: result.status, headers: result.headers });
  };
}

type NodeRequest = IncomingMessage & { body?: unknown };

/**
 * `(req, res) => void` for `node:http` and Express. Reads the raw body from the stream (capped), or
 * takes `req.body` when middleware already read it: a Buffer from `express.raw()` works, a parsed
 * object is refused with advice (`parsed_body`).
 */
export function toNodeListener(
  handle: WebhookHandler,
  options: { maxBodyBytes?: number } = {},
): (req: NodeRequest, res: ServerResponse) => void {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return (req, res) => {
    const send = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(body);
    };
    readBody(req, maxBodyBytes)
      .then(async (body) => {
        if (body === 'too_large') {
          send(413, JSON.stringify({ ok: false, error: 'body_too_large' }));
          return;
        }
        const result = await handle(body as Uint8Array, req.headers);
        send(result.status, result.body);
      })
      .catch((error: unknown) => {
        console.error('webhook listener failed', error);
        if (!res.headersSent) send(500, JSON.stringify({ ok: false, error: 'handler_failed' }));
      });
  };
}

function readBody(req: NodeRequest, maxBodyBytes: number): Promise<unknown> {
  // Middleware consumed the stream already: hand over what it left (Buffer, string or object).
  if (req.body !== undefined || req.readableEnded) return Promise.resolve(req.body ?? '');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        req.removeAllListeners('data');
        req.resume();
        resolve('too_large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
