// A webhook receiver of the suite's own (node:http) with an independent §7.5 signature check.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Receipt {
  path: string;
  method: string;
  /** Header names exactly as sent (node lowercases `headers`, not `rawHeaders`). */
  rawHeaderNames: string[];
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  answered: number;
}

/** Decides the status for the n-th (0-based) request on a path; 0 = never answer (a hung receiver). */
export type Responder = (n: number) => number;

export class Receiver {
  readonly receipts: Receipt[] = [];
  private readonly responders = new Map<string, Responder>();
  private readonly locations = new Map<string, string>();
  private server: Server | undefined;
  private port = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        const n = this.receipts.filter((r) => r.path === path).length;
        const status = (this.responders.get(path) ?? (() => 200))(n);
        const names: string[] = [];
        for (let i = 0; i < req.rawHeaders.length; i += 2) names.push(req.rawHeaders[i] as string);
        this.receipts.push({
          path,
          method: req.method ?? '',
          rawHeaderNames: names,
          headers: req.headers,
          body: Buffer.concat(chunks),
          answered: status,
        });
        if (status === 0) return;
        const location = this.locations.get(path);
        res.writeHead(status, { 'content-type': 'text/plain', ...(location ? { location } : {}) });
        res.end(status === 200 ? 'ok' : 'receiver error');
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** A fresh URL on this receiver answering with `responder`. */
  url(name: string, responder: Responder = () => 200, location?: string): string {
    const path = `/${name}`;
    this.responders.set(path, responder);
    if (location) this.locations.set(path, location);
    return `http://127.0.0.1:${this.port}${path}`;
  }

  on(url: string): Receipt[] {
    const path = new URL(url).pathname;
    return this.receipts.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      if (!this.server) return resolve();
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }
}

/** §7.5, written from the spec: split on ",", then on "=", HMAC-SHA256(secret, t + "." + raw body). */
export function verifySignature(
  header: string | undefined,
  body: Buffer,
  secret: string,
): { ok: boolean; t: number } {
  if (!header) return { ok: false, t: Number.NaN };
  const parts = new Map<string, string>();
  for (const element of header.split(',')) {
    const i = element.indexOf('=');
    if (i > 0) parts.set(element.slice(0, i), element.slice(i + 1));
  }
  const t = parts.get('t') ?? '';
  const s = parts.get('s') ?? '';
  if (!/^\d+$/.test(t) || !/^[0-9a-f]{64}$/.test(s)) return { ok: false, t: Number(t) };
  const expected = createHmac('sha256', secret)
    .update(Buffer.concat([Buffer.from(`${t}.`), body]))
    .digest();
  return { ok: timingSafeEqual(Buffer.from(s, 'hex'), expected), t: Number(t) };
}
