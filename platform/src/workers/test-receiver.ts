import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  /** The raw body bytes as text, exactly as received. */
  body: string;
}

/** What to answer: a status (with optional body), or 'hang' to never answer. */
export type ReceiverReply = number | { status: number; body?: string } | 'hang';

/**
 * A real webhook receiver on 127.0.0.1 (an ephemeral port) for tests: records every request
 * and answers as `reply` says (called with the 0-based request index).
 */
export async function startReceiver(reply: (index: number) => ReceiverReply = () => 200) {
  const received: ReceivedWebhook[] = [];
  const hanging = new Set<() => void>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const index = received.length;
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const answer = reply(index);
      if (answer === 'hang') {
        hanging.add(() => res.destroy());
        return;
      }
      const { status, body } =
        typeof answer === 'number' ? { status: answer, body: `status ${answer}` } : answer;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    received,
    async close() {
      for (const end of hanging) end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
