// Black-box conformance: spec §7 (webhook envelope, events, signature, delivery and 72 h retries).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, type App, type Tokens, until } from './api';
import { type Receipt, Receiver, verifySignature } from './receiver';
import { engines, type RunningServer, startServer } from './server';

const SEVENTY_TWO_H = 72 * 3600;

interface Delivery {
  delivery_id: string;
  status: string;
  attempts: number;
  next_attempt_at: number | null;
}

describe.each(engines())('webhooks conformance (%s)', (engine) => {
  let server: RunningServer;
  let api: Api;
  const receiver = new Receiver();

  beforeAll(async () => {
    await receiver.start();
    server = await startServer(engine);
    api = new Api(server.base);
  });
  afterAll(async () => {
    await server?.stop();
    await receiver.stop();
  });

  async function setup(name: string, responder?: (n: number) => number) {
    const url = receiver.url(`${name}-${engine}`, responder);
    const app = await api.createApp({ webhook_url: url });
    const buyer = await api.tokens(app);
    return { url, app, buyer };
  }

  async function paidOrder(buyer: Tokens, orderId: string): Promise<string> {
    const r = await api.v2('/v2/minis/trade_order/create/', buyer.access_token, {
      token_type: 'BEANS',
      token_amount: 100,
      order_info: { order_id: orderId, product_name: 'Episode 9' },
    });
    expect(r.body.error.code).toBe('ok');
    const toid = r.body.data.trade_order_id as string;
    const paid = await api.control('POST', `/trade_orders/${toid}/pay`, {});
    expect(paid.body.is_success).toBe(true);
    return toid;
  }

  const receiptsAt = (url: string, count: number) =>
    until(
      async () => (receiver.on(url).length >= count ? receiver.on(url) : undefined),
      `${count} webhook(s) at ${url}`,
    );

  async function delivery(app: App): Promise<Delivery> {
    const r = await api.control('GET', `/webhooks/deliveries?app_id=${app.app_id}`);
    expect(r.status).toBe(200);
    expect(r.body.deliveries).toHaveLength(1);
    return r.body.deliveries[0] as Delivery;
  }

  /** §7.3/§7.5 checks every delivered request must pass, returning the parsed envelope. */
  async function expectSignedEnvelope(receipt: Receipt, app: App, fresh = true) {
    expect(receipt.method).toBe('POST');
    expect(String(receipt.headers['content-type'])).toMatch(/^application\/json/);
    const header = receipt.headers['tiktok-signature'] as string | undefined;
    expect(header).toMatch(/^t=\d+,s=[0-9a-f]{64}$/);
    const sig = verifySignature(header, receipt.body, app.client_secret);
    expect(sig.ok).toBe(true);
    // The signature must not verify with another secret or over other bytes.
    expect(verifySignature(header, receipt.body, `${app.client_secret}x`).ok).toBe(false);
    expect(
      verifySignature(header, Buffer.concat([receipt.body, Buffer.from(' ')]), app.client_secret).ok,
    ).toBe(false);
    const clockSeconds = (await api.nowMs()) / 1000;
    // `t` is the emulated time at send (tolerance 300 s, §10 #26); only checkable before the clock moves on.
    if (fresh) expect(Math.abs(clockSeconds - sig.t)).toBeLessThan(300);

    const envelope = JSON.parse(receipt.body.toString('utf8'));
    expect(Object.keys(envelope).sort()).toEqual([
      'client_key',
      'content',
      'create_time',
      'event',
      'user_openid',
    ]);
    expect(envelope.client_key).toBe(app.client_key);
    expect(Number.isInteger(envelope.create_time)).toBe(true);
    // Seconds, not milliseconds; the event time precedes every (re)send and is at most 72 h older.
    expect(envelope.create_time).toBeGreaterThan(1e9);
    expect(envelope.create_time).toBeLessThan(1e11);
    expect(envelope.create_time).toBeLessThanOrEqual(sig.t + 1);
    expect(sig.t - envelope.create_time).toBeLessThanOrEqual(SEVENTY_TWO_H + 2);
    expect(typeof envelope.user_openid).toBe('string');
    expect(typeof envelope.content).toBe('string');
    return { envelope, content: JSON.parse(envelope.content), t: sig.t };
  }

  it('sends a signed minis.trade_order.redeem.success webhook with the exact §7.3 envelope', async () => {
    const { url, app, buyer } = await setup('success');
    const toid = await paidOrder(buyer, 'order-success-1');
    const [receipt] = await receiptsAt(url, 1);
    const { envelope, content } = await expectSignedEnvelope(receipt as Receipt, app);
    expect(envelope.event).toBe('minis.trade_order.redeem.success');
    // Documented choice (§10 #24): user_openid is the buyer's open_id (not TikTok's "").
    expect(envelope.user_openid).toBe(buyer.open_id);
    expect(Object.keys(content).sort()).toEqual(['is_sandbox', 'order_id', 'trade_order_id']);
    expect(content).toEqual({ trade_order_id: toid, order_id: 'order-success-1', is_sandbox: false });
    expect((await delivery(app)).status).toBe('delivered');
    // Documented (docs/webhooks.md), so receivers can tell the emulator's requests apart.
    expect((receipt as Receipt).headers['user-agent']).toBe('OpenMinis-Webhooks/1');
  });

  it('emits the header name exactly as `Tiktok-Signature` (§7.5, §10 #25)', async () => {
    const { url, buyer } = await setup('casing');
    await paidOrder(buyer, 'order-casing-1');
    const [receipt] = await receiptsAt(url, 1);
    expect((receipt as Receipt).rawHeaderNames).toContain('Tiktok-Signature');
  });

  it('marks sandbox orders with is_sandbox: true (§7.1, §10 #23)', async () => {
    const { url, app, buyer } = await setup('sandbox');
    expect((await api.control('PUT', `/apps/${app.app_id}/payments`, { sandbox: true })).status).toBe(200);
    await paidOrder(buyer, 'order-sandbox-1');
    const [receipt] = await receiptsAt(url, 1);
    const { content } = await expectSignedEnvelope(receipt as Receipt, app);
    expect(content.is_sandbox).toBe(true);
  });

  it('a store refund sends minis.trade_order.redeem.refund_traceback with refund_amount', async () => {
    const { url, app, buyer } = await setup('refund');
    const toid = await paidOrder(buyer, 'order-refund-1');
    await receiptsAt(url, 1);
    const refund = await api.control('POST', `/trade_orders/${toid}/refund`, { refund_amount: 80 });
    expect(refund.status).toBe(200);
    const receipts = await receiptsAt(url, 2);
    const { envelope, content } = await expectSignedEnvelope(receipts[1] as Receipt, app);
    expect(envelope.event).toBe('minis.trade_order.redeem.refund_traceback');
    expect(Object.keys(content).sort()).toEqual([
      'is_sandbox',
      'order_id',
      'refund_amount',
      'trade_order_id',
    ]);
    expect(content).toEqual({
      trade_order_id: toid,
      order_id: 'order-refund-1',
      is_sandbox: false,
      refund_amount: 80,
    });
  });

  it('a refund of a sandbox order sends refund_traceback with is_sandbox: true', async () => {
    const { url, app, buyer } = await setup('sandbox-refund');
    expect((await api.control('PUT', `/apps/${app.app_id}/payments`, { sandbox: true })).status).toBe(200);
    const toid = await paidOrder(buyer, 'order-sandbox-refund-1');
    await receiptsAt(url, 1);
    expect((await api.control('POST', `/trade_orders/${toid}/refund`, { refund_amount: 30 })).status).toBe(
      200,
    );
    const receipts = await receiptsAt(url, 2);
    const { envelope, content } = await expectSignedEnvelope(receipts[1] as Receipt, app);
    expect(envelope.event).toBe('minis.trade_order.redeem.refund_traceback');
    expect(content).toEqual({
      trade_order_id: toid,
      order_id: 'order-sandbox-refund-1',
      is_sandbox: true,
      refund_amount: 30,
    });
  });

  // A developer revoke is deauthorisation with reason 5 "developer revoked" (§7.4, §6.3), and a
  // registered callback URL subscribes the app to every event (§7.1).
  it('a developer revoke sends authorization.removed with reason 5 (§7.4)', async () => {
    const { url, app, buyer } = await setup('deauth');
    const r = await api.form('/v2/oauth/revoke/', {
      client_key: app.client_key,
      client_secret: app.client_secret,
      token: buyer.access_token,
    });
    expect(r.status).toBe(200);
    const [receipt] = await until(
      async () => (receiver.on(url).length ? receiver.on(url) : undefined),
      'webhook',
    );
    const { envelope, content } = await expectSignedEnvelope(receipt as Receipt, app);
    expect(envelope.event).toBe('authorization.removed');
    expect(envelope.user_openid).toBe(buyer.open_id);
    expect(content.reason).toBe(5);
  });

  // The clock-moving tests come last: they shift emulated time for everything after them.
  it('redelivers after receiver errors (500, 500, then 200) under the advancing clock, same bytes each time', {
    timeout: 120_000,
  }, async () => {
    const { url, app, buyer } = await setup('flaky', (n) => (n < 2 ? 500 : 200));
    await paidOrder(buyer, 'order-flaky-1');
    await receiptsAt(url, 1);
    for (let attempt = 2; attempt <= 3; attempt++) {
      const d = await until(
        async () => {
          const x = await delivery(app);
          return x.attempts === attempt - 1 && x.status === 'pending' ? x : undefined;
        },
        `delivery pending after attempt ${attempt - 1}`,
      );
      expect(d.next_attempt_at).toBeGreaterThan(await api.nowMs());
      await api.control('POST', '/clock', { now: (d.next_attempt_at as number) + 1000 });
      const got = await receiptsAt(url, attempt);
      await expectSignedEnvelope(got[attempt - 1] as Receipt, app);
    }
    const d = await until(async () => {
      const x = await delivery(app);
      return x.status === 'delivered' ? x : undefined;
    }, 'delivered');
    expect(d.attempts).toBe(3);
    const receipts = receiver.on(url);
    expect(receipts.map((r) => r.answered)).toEqual([500, 500, 200]);
    for (const r of receipts) {
      expect(r.body.equals((receipts[0] as Receipt).body)).toBe(true);
      await expectSignedEnvelope(r, app, false);
    }
    // Delivered means no further attempts, whatever the clock does.
    await api.advance(SEVENTY_TWO_H);
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.on(url)).toHaveLength(3);
  });

  it('reads the URL at send time: a pending retry goes to the newly registered URL (docs/webhooks.md)', {
    timeout: 120_000,
  }, async () => {
    const { url, app, buyer } = await setup('moved-old', () => 500);
    const moved = receiver.url(`moved-new-${engine}`);
    await paidOrder(buyer, 'order-moved-1');
    await receiptsAt(url, 1);
    const d = await until(async () => {
      const x = await delivery(app);
      return x.status === 'pending' && x.attempts === 1 ? x : undefined;
    }, 'first failure');
    expect((await api.control('PATCH', `/apps/${app.app_id}`, { webhook_url: moved })).status).toBe(200);
    await api.control('POST', '/clock', { now: (d.next_attempt_at as number) + 1000 });
    const [receipt] = await receiptsAt(moved, 1);
    await expectSignedEnvelope(receipt as Receipt, app);
    await until(async () => ((await delivery(app)).status === 'delivered' ? true : undefined), 'delivered');
    expect(receiver.on(url)).toHaveLength(1);
  });

  it('retries a failing receiver with growing delays for 72 h, then drops the delivery and stops', {
    timeout: 180_000,
  }, async () => {
    const { url, app, buyer } = await setup('dead', () => 500);
    await paidOrder(buyer, 'order-dead-1');
    await receiptsAt(url, 1);
    for (let i = 0; i < 60; i++) {
      const seen = receiver.on(url).length;
      const d = await until(async () => {
        const x = await delivery(app);
        return x.status === 'pending' || x.status === 'dropped' ? x : undefined;
      }, 'delivery settled');
      if (d.status === 'dropped') break;
      expect(d.attempts).toBe(seen);
      await api.control('POST', '/clock', { now: (d.next_attempt_at as number) + 1000 });
      const got = await receiptsAt(url, seen + 1);
      await expectSignedEnvelope(got[seen] as Receipt, app);
    }
    const d = await delivery(app);
    expect(d.status).toBe('dropped');
    const receipts = receiver.on(url);
    expect(d.attempts).toBe(receipts.length);
    const times: number[] = [];
    for (const r of receipts) times.push((await expectSignedEnvelope(r, app, false)).t);
    const created = JSON.parse((receipts[0] as Receipt).body.toString('utf8')).create_time as number;
    const last = times[times.length - 1] as number;
    // Retries span the 72 h window and never go beyond it (allow the 1 s we step past a due time).
    expect(last - created).toBeGreaterThan(SEVENTY_TWO_H - 7 * 3600);
    expect(last - created).toBeLessThanOrEqual(SEVENTY_TWO_H + 2);
    // Exponential backoff: the first gap is about a minute, later gaps are far longer.
    const gaps = times.slice(1).map((t, i) => t - (times[i] as number));
    expect(gaps[0]).toBeLessThan(120);
    expect(Math.max(...gaps)).toBeGreaterThan(3600);
    // Dropped: nothing more, even days later.
    await api.advance(7 * 86_400);
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.on(url)).toHaveLength(receipts.length);
  });
});
