// The webhook half of the payments benchmark: what the receiver got, whether each delivery
// was correctly signed (spec §7.5, checked independently of the platform's code), and how
// long each took from the outbox row's created_at to its arrival.
import { createHmac, timingSafeEqual } from 'node:crypto';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { percentile } from './stats';

export interface Receipt {
  at: number;
  signature: string | null;
  body: string;
}

export class ReceiverClient {
  constructor(readonly baseUrl: string) {}

  get webhookUrl(): string {
    return `${this.baseUrl}/webhook`;
  }

  async reset(): Promise<void> {
    const response = await fetch(`${this.baseUrl}/reset`, { method: 'POST' });
    await response.arrayBuffer();
  }

  async count(): Promise<number> {
    const response = await fetch(`${this.baseUrl}/count`);
    return ((await response.json()) as { count: number }).count;
  }

  async received(): Promise<Receipt[]> {
    const response = await fetch(`${this.baseUrl}/received`);
    return ((await response.json()) as { deliveries: Receipt[] }).deliveries;
  }

  /** Waits until `count` deliveries arrived or `timeoutMs` passed; returns how many arrived. */
  async waitFor(count: number, timeoutMs: number): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    let seen = await this.count();
    while (seen < count && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      seen = await this.count();
    }
    return seen;
  }
}

/** `t=<seconds>,s=<hex>` with s = HMAC-SHA256(client_secret, t + "." + body), compared in constant time. */
export function validSignature(header: string | null, body: string, clientSecret: string): boolean {
  if (!header) return false;
  const parts = new Map(
    header.split(',').map((element) => {
      const eq = element.indexOf('=');
      return [element.slice(0, eq).trim(), element.slice(eq + 1).trim()] as const;
    }),
  );
  const t = parts.get('t');
  const s = parts.get('s');
  if (!t || !s || !/^\d+$/.test(t) || !/^[0-9a-f]{64}$/.test(s)) return false;
  const expected = createHmac('sha256', clientSecret).update(`${t}.${body}`, 'utf8').digest();
  return timingSafeEqual(expected, Buffer.from(s, 'hex'));
}

/** The trade_order_id inside a webhook body (content is a JSON string, spec §7.3). */
export function tradeOrderIdOf(body: string): string | undefined {
  try {
    const envelope = JSON.parse(body) as { content?: string };
    const content = JSON.parse(envelope.content ?? '{}') as { trade_order_id?: unknown };
    return typeof content.trade_order_id === 'string' ? content.trade_order_id : undefined;
  } catch {
    return undefined;
  }
}

/** When the outbox row of each trade order's webhook was written and marked delivered. */
export interface OutboxTimes {
  createdAt: number;
  deliveredAt: number | null;
}

/**
 * Reads the platform's outbox rows directly (read-only): created_at is when the payment's
 * transaction wrote the webhook, the start of enqueue-to-delivered.
 */
export async function readOutbox(
  database: { sqliteFile: string } | { postgresUrl: string },
  appId: string,
): Promise<Map<string, OutboxTimes>> {
  const sql =
    'select reference, created_at, delivered_at from webhook_deliveries where app_id = $1 and duplicate_of is null';
  let rows: Array<{
    reference: string | null;
    created_at: number | string;
    delivered_at: number | string | null;
  }>;
  if ('sqliteFile' in database) {
    const db = new SQLite(database.sqliteFile, { readonly: true, fileMustExist: true });
    try {
      rows = db.prepare(sql.replace('$1', '?')).all(appId) as typeof rows;
    } finally {
      db.close();
    }
  } else {
    const client = new pg.Client({ connectionString: database.postgresUrl });
    await client.connect();
    try {
      rows = (await client.query(sql, [appId])).rows;
    } finally {
      await client.end();
    }
  }
  const times = new Map<string, OutboxTimes>();
  for (const row of rows) {
    if (row.reference === null) continue;
    times.set(row.reference, {
      createdAt: Number(row.created_at),
      deliveredAt: row.delivered_at === null ? null : Number(row.delivered_at),
    });
  }
  return times;
}

export interface WebhookRunStats {
  /** Payments made in the run, so webhooks expected. */
  expected: number;
  /** Distinct trade orders whose webhook arrived, correctly signed. */
  delivered: number;
  badSignatures: number;
  /** Arrivals beyond the first per trade order (at-least-once). */
  duplicates: number;
  /** delivered / (last arrival − first enqueue), seconds. */
  deliveriesPerSecond: number;
  latencyP50: number;
  latencyP99: number;
  /** The same measured to the dispatcher's delivered_at (after the receiver answered). */
  recordedP50: number | undefined;
  recordedP99: number | undefined;
  /** Deliveries still to arrive when the paying run ended (the dispatcher's backlog). */
  backlogAtEnd: number;
  /** Rate at which that backlog drained with no payments competing, per second (0 without one). */
  drainPerSecond: number;
}

export function webhookStats(
  expectedIds: readonly string[],
  receipts: readonly Receipt[],
  outbox: Map<string, OutboxTimes>,
  clientSecret: string,
  /** Epoch ms when the paying run ended. */
  runEndedAt: number,
): WebhookRunStats {
  const expected = new Set(expectedIds);
  const firstArrival = new Map<string, number>();
  let badSignatures = 0;
  let duplicates = 0;
  for (const receipt of receipts) {
    if (!validSignature(receipt.signature, receipt.body, clientSecret)) {
      badSignatures++;
      continue;
    }
    const id = tradeOrderIdOf(receipt.body);
    if (!id || !expected.has(id)) continue;
    if (firstArrival.has(id)) duplicates++;
    else firstArrival.set(id, receipt.at);
  }
  const latencies: number[] = [];
  const recorded: number[] = [];
  let firstEnqueue = Number.POSITIVE_INFINITY;
  let lastArrival = Number.NEGATIVE_INFINITY;
  for (const [id, at] of firstArrival) {
    const row = outbox.get(id);
    if (!row) continue;
    latencies.push(at - row.createdAt);
    if (row.deliveredAt !== null) recorded.push(row.deliveredAt - row.createdAt);
    firstEnqueue = Math.min(firstEnqueue, row.createdAt);
    lastArrival = Math.max(lastArrival, at);
  }
  const span = (lastArrival - firstEnqueue) / 1000;
  const late = [...firstArrival.values()].filter((at) => at > runEndedAt);
  const drainSpan = late.length > 0 ? (Math.max(...late) - runEndedAt) / 1000 : 0;
  return {
    expected: expected.size,
    delivered: latencies.length,
    badSignatures,
    duplicates,
    deliveriesPerSecond: latencies.length > 0 && span > 0 ? latencies.length / span : 0,
    latencyP50: latencies.length > 0 ? percentile(latencies, 50) : Number.NaN,
    latencyP99: latencies.length > 0 ? percentile(latencies, 99) : Number.NaN,
    recordedP50: recorded.length > 0 ? percentile(recorded, 50) : undefined,
    recordedP99: recorded.length > 0 ? percentile(recorded, 99) : undefined,
    backlogAtEnd: late.length,
    drainPerSecond: drainSpan > 0 ? late.length / drainSpan : 0,
  };
}
