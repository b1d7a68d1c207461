import { createHmac, timingSafeEqual } from 'node:crypto';
import { verifyWebhook } from '@openminis/node';
import { afterEach, expect, it } from 'vitest';
import { paymentsClient } from '../domains/payments/payments-test-helpers';
import { createTestPlatform, describeEachEngine, type TestApp } from '../testing';
import { startReceiver } from './test-receiver';
import { WebhookDispatcher } from './webhook-dispatcher';

type Attempt = {
  attempt_no: number;
  http_status: number | null;
  error: string | null;
  response_excerpt: string | null;
  started_at: number;
};
type Delivery = {
  delivery_id: string;
  status: string;
  attempts: number;
  body: string;
  next_attempt_at: number | null;
  expires_at: number;
  created_at: number;
  last_status: string | null;
  duplicate_of: string | null;
  attempt_log: Attempt[];
};

/** Independent check of spec §7.5: hex HMAC-SHA256(secret, t + "." + raw body). */
function signatureMatches(header: string, body: string, secret: string): boolean {
  const parts = Object.fromEntries(header.split(',').map((kv) => kv.split('=') as [string, string]));
  const expected = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest();
  const given = Buffer.from(parts.s ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describeEachEngine('webhook dispatcher (spec §7)', (ctx) => {
  const p = () => paymentsClient(ctx.platform);
  const dispatcher = (options = {}) =>
    new WebhookDispatcher(ctx.platform.deps, { random: () => 0.5, timeoutMs: 2000, ...options });
  const receiver = async (...args: Parameters<typeof startReceiver>) => {
    const r = await startReceiver(...args);
    closers.push(r.close);
    return r;
  };
  const deliveriesOf = async (tradeOrderId: string) =>
    (
      await p().json<{ deliveries: Delivery[] }>(
        ctx.platform.app.request(`/emulator/v1/webhooks/deliveries?reference=${tradeOrderId}`),
      )
    ).deliveries;
  /** An app whose webhook URL is `url`, a buyer, and one paid order. */
  async function paidOrder(url: string | null): Promise<{ app: TestApp; id: string; openId: string }> {
    const app = await p().createApp({ webhook_url: url });
    const { tokens } = await p().signIn({ app });
    const id = await p().newOrder(tokens.access_token, 10, `o-${id8()}`);
    expect((await p().pay(id)).is_success).toBe(true);
    return { app, id, openId: tokens.open_id };
  }
  const setClock = (now: number) => p().json(p().post('/emulator/v1/clock', { now }));

  it('POSTs the exact stored bytes, signed with the client secret at send time', async () => {
    const r = await receiver();
    const { app, id, openId } = await paidOrder(r.url);
    expect(await dispatcher().runDue()).toBeGreaterThanOrEqual(1);
    const got = r.received.filter((w) => w.body.includes(id));
    expect(got).toHaveLength(1);
    const [hit] = got;
    const [delivery] = await deliveriesOf(id);
    expect(hit?.body).toBe(delivery?.body);
    expect(hit?.headers['content-type']).toBe('application/json');
    const header = hit?.headers['tiktok-signature'] as string;
    expect(header).toMatch(/^t=\d+,s=[0-9a-f]{64}$/);
    expect(Number(header.slice(2, header.indexOf(',')))).toBe(
      Math.floor((delivery?.attempt_log[0]?.started_at ?? 0) / 1000),
    );
    expect(signatureMatches(header, hit?.body ?? '', app.client_secret)).toBe(true);
    expect(signatureMatches(header, `${hit?.body} `, app.client_secret)).toBe(false);
    expect(signatureMatches(header, hit?.body ?? '', `${app.client_secret}x`)).toBe(false);
    const event = verifyWebhook(hit?.body ?? '', hit?.headers ?? {}, app.client_secret, {
      now: () => ctx.platform.clock.now(),
    });
    expect(event).toMatchObject({
      client_key: app.client_key,
      event: 'minis.trade_order.redeem.success',
      user_openid: openId,
      content: { trade_order_id: id, is_sandbox: false },
    });
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 1, last_status: '200' });
  });

  it('retries after receiver errors on the advancing clock until it succeeds, logging every attempt', async () => {
    const r = await receiver((i) => (i < 3 ? { status: 500, body: 'x'.repeat(5000) } : 200));
    const { id } = await paidOrder(r.url);
    const d = dispatcher();
    await d.runDue();
    let [delivery] = await deliveriesOf(id);
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, last_status: '500' });
    // Not due yet: nothing happens without advancing the clock.
    await d.runDue();
    expect((await deliveriesOf(id))[0]?.attempts).toBe(1);
    const gaps: number[] = [];
    while (delivery?.status === 'pending') {
      gaps.push((delivery.next_attempt_at ?? 0) - (delivery.attempt_log.at(-1)?.started_at ?? 0));
      await setClock(delivery.next_attempt_at ?? 0);
      await d.runDue();
      [delivery] = await deliveriesOf(id);
    }
    expect(delivery?.status).toBe('delivered');
    expect(delivery?.attempt_log.map((a) => a.http_status)).toEqual([500, 500, 500, 200]);
    expect(delivery?.attempt_log.map((a) => a.attempt_no)).toEqual([1, 2, 3, 4]);
    expect(delivery?.attempt_log[0]?.response_excerpt).toHaveLength(1024);
    // 1 min, 2 min, 4 min (jitter fixed at 0), plus however long the attempt took.
    expect(gaps.map((g) => Math.round(g / 60_000))).toEqual([1, 2, 4]);
    expect(r.received.filter((w) => w.body.includes(id))).toHaveLength(4);
  });

  it('keeps retrying for 72 hours, then drops the delivery', async () => {
    const r = await receiver(() => 503);
    const { id } = await paidOrder(r.url);
    const d = dispatcher();
    await d.runDue();
    let [delivery] = await deliveriesOf(id);
    while (delivery?.status === 'pending') {
      await setClock(delivery.next_attempt_at ?? 0);
      await d.runDue();
      [delivery] = await deliveriesOf(id);
    }
    expect(delivery?.status).toBe('dropped');
    expect(delivery?.expires_at).toBe((delivery?.created_at ?? 0) + 72 * 3600_000);
    const starts = delivery?.attempt_log.map((a) => a.started_at) ?? [];
    // 1, 2, 4 … 256 min, then every 6 h, the last try at the 72 h mark: 21 attempts.
    expect(starts).toHaveLength(21);
    expect(starts.at(-1)).toBeGreaterThanOrEqual(delivery?.expires_at ?? 0);
    expect((starts.at(-2) ?? 0) - (starts.at(-3) ?? 0)).toBeGreaterThanOrEqual(6 * 3600_000);
    expect(r.received.filter((w) => w.body.includes(id))).toHaveLength(21);
    const dropped = await p().json<{ deliveries: Delivery[] }>(
      ctx.platform.app.request('/emulator/v1/webhooks/deliveries?status=dropped&limit=500'),
    );
    expect(dropped.deliveries.some((x) => x.delivery_id === delivery?.delivery_id)).toBe(true);
    // Redelivery opens a new window and succeeds when the receiver is back.
    const back = await receiver(() => 200);
    await p().json(
      ctx.platform.app.request(`/emulator/v1/apps/${await deliveryApp(delivery?.delivery_id ?? '')}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ webhook_url: back.url }),
      }),
    );
    await p().json(p().post(`/emulator/v1/webhooks/deliveries/${delivery?.delivery_id}/redeliver`, {}));
    await d.runDue();
    expect((await deliveriesOf(id))[0]).toMatchObject({ status: 'delivered', attempts: 22 });
  });

  async function deliveryApp(deliveryId: string): Promise<string> {
    const row = await p().json<{ app_id: string }>(
      ctx.platform.app.request(`/emulator/v1/webhooks/deliveries/${deliveryId}`),
    );
    return row.app_id;
  }

  it('times out a hanging receiver per attempt and tries again later', async () => {
    const r = await receiver((i) => (i === 0 ? 'hang' : 200));
    const { id } = await paidOrder(r.url);
    const d = dispatcher({ timeoutMs: 200 });
    await d.runDue();
    const [delivery] = await deliveriesOf(id);
    expect(delivery).toMatchObject({ status: 'pending', last_status: 'timeout' });
    expect(delivery?.attempt_log[0]?.error).toMatch(/^timeout after 200 ms/);
  });

  it('records network errors and a missing URL, and delivers once a URL is set', async () => {
    const { app, id } = await paidOrder(null);
    const d = dispatcher();
    await d.runDue();
    let [delivery] = await deliveriesOf(id);
    expect(delivery).toMatchObject({ status: 'pending', last_status: 'no_url' });
    const r = await receiver();
    await p().json(
      ctx.platform.app.request(`/emulator/v1/apps/${app.app_id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ webhook_url: 'http://127.0.0.1:1/closed' }),
      }),
    );
    await setClock(delivery?.next_attempt_at ?? 0);
    await d.runDue();
    [delivery] = await deliveriesOf(id);
    expect(delivery?.attempt_log[1]?.error).toMatch(/^network_error/);
    await p().json(
      ctx.platform.app.request(`/emulator/v1/apps/${app.app_id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ webhook_url: r.url }),
      }),
    );
    await setClock(delivery?.next_attempt_at ?? 0);
    await d.runDue();
    expect((await deliveriesOf(id))[0]?.status).toBe('delivered');
  });

  it('redelivers and injects duplicates with the same bytes', async () => {
    const r = await receiver();
    const { id } = await paidOrder(r.url);
    const d = dispatcher();
    await d.runDue();
    const [original] = await deliveriesOf(id);
    const dup = await p().json<{ delivery_ids: string[] }>(
      p().post(`/emulator/v1/webhooks/deliveries/${original?.delivery_id}/duplicate`, { count: 2 }),
    );
    expect(dup.delivery_ids).toHaveLength(2);
    await p().json(p().post(`/emulator/v1/webhooks/deliveries/${original?.delivery_id}/redeliver`, {}));
    await d.runDue();
    const bodies = r.received.filter((w) => w.body.includes(id)).map((w) => w.body);
    expect(bodies).toHaveLength(4);
    expect(new Set(bodies).size).toBe(1);
    const all = await deliveriesOf(id);
    expect(all.filter((x) => x.duplicate_of === original?.delivery_id)).toHaveLength(2);
    expect(all.every((x) => x.status === 'delivered')).toBe(true);
    expect((await ctx.platform.app.request('/emulator/v1/webhooks/deliveries/whd_missing')).status).toBe(404);
    expect((await p().post('/emulator/v1/webhooks/deliveries/whd_missing/redeliver', {})).status).toBe(404);
  });

  it('takes over a delivery whose worker died once its lease expires', async () => {
    const r = await receiver();
    const { id } = await paidOrder(r.url);
    const crashed = dispatcher({ leaseMs: 60_000, concurrency: 1000 });
    // Claim without delivering: what a worker killed mid-delivery leaves behind.
    const { claimDueDeliveries } = await import('./claim');
    const { moneyDb } = await import('../domains/payments/tables');
    await claimDueDeliveries(moneyDb(ctx.platform.db), ctx.platform.engine, {
      owner: `${crashed.workerId}:dead`,
      now: ctx.platform.clock.now(),
      leaseMs: 60_000,
      limit: 1000,
    });
    const other = dispatcher();
    await other.runDue();
    expect((await deliveriesOf(id))[0]?.status).toBe('delivering');
    await p().advanceClock(61);
    await other.runDue();
    expect((await deliveriesOf(id))[0]).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(r.received.filter((w) => w.body.includes(id))).toHaveLength(1);
  });

  it('lets several workers claim disjoint deliveries (each sent once)', async () => {
    const r = await receiver();
    const app = await p().createApp({ webhook_url: r.url });
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const { tokens } = await p().signIn({ app });
      const id = await p().newOrder(tokens.access_token, 10);
      await p().pay(id);
      ids.push(id);
    }
    const workers = [
      dispatcher({ concurrency: 2 }),
      dispatcher({ concurrency: 3 }),
      dispatcher({ concurrency: 2 }),
    ];
    await Promise.all(workers.map((w) => w.runDue()));
    const received = r.received.map((w) => JSON.parse(JSON.parse(w.body).content).trade_order_id as string);
    expect(received.sort()).toEqual([...ids].sort());
  });

  it('runs in the background and reacts to new payments at once', async () => {
    const r = await receiver();
    const d = dispatcher({ pollMs: 60_000 });
    d.start();
    try {
      const { id } = await paidOrder(r.url);
      await expect
        .poll(() => r.received.filter((w) => w.body.includes(id)).length, { timeout: 5000 })
        .toBe(1);
    } finally {
      await d.stop();
    }
  });

  it('hands in-flight deliveries back at once when stopped gracefully', async () => {
    const r = await receiver((i) => (i === 0 ? 'hang' : 200));
    const app = await p().createApp({ webhook_url: r.url });
    const d = dispatcher({ timeoutMs: 60_000 });
    d.start();
    const { tokens } = await p().signIn({ app });
    const id = await p().newOrder(tokens.access_token, 10);
    await p().pay(id);
    await expect.poll(() => r.received.length, { timeout: 5000 }).toBe(1);
    await d.stop();
    expect((await deliveriesOf(id))[0]).toMatchObject({ status: 'pending', attempts: 0, attempt_log: [] });
    // Due now: the next worker sends it without waiting for a lease to expire.
    await dispatcher().runDue();
    expect((await deliveriesOf(id))[0]).toMatchObject({ status: 'delivered', attempts: 1 });
  });

  it("sends a signed test event to the app's URL or a given one (portal 'Test URL')", async () => {
    const r = await receiver((i) => (i === 0 ? 200 : 404));
    const app = await p().createApp({ webhook_url: r.url });
    const res = await p().json<{ ok: boolean; http_status: number; body: string; url: string }>(
      p().post(`/emulator/v1/apps/${app.app_id}/webhooks/test`, {}),
    );
    expect(res).toMatchObject({ ok: true, http_status: 200, url: r.url, error: null });
    const [hit] = r.received;
    expect(hit?.body).toBe(res.body);
    expect(
      signatureMatches(hit?.headers['tiktok-signature'] as string, hit?.body ?? '', app.client_secret),
    ).toBe(true);
    expect(JSON.parse(res.body)).toMatchObject({
      client_key: app.client_key,
      event: 'minis.webhook.test',
      user_openid: '',
    });
    const failing = await p().json<{ ok: boolean; http_status: number }>(
      p().post(`/emulator/v1/apps/${app.app_id}/webhooks/test`, { url: `${r.url}?again` }),
    );
    expect(failing).toMatchObject({ ok: false, http_status: 404 });
    const noUrl = await p().createApp();
    expect((await p().post(`/emulator/v1/apps/${noUrl.app_id}/webhooks/test`, {})).status).toBe(400);
    expect(
      (await p().post(`/emulator/v1/apps/${noUrl.app_id}/webhooks/test`, { url: 'ftp://x' })).status,
    ).toBe(400);
  });
});

function id8(): string {
  return Math.random().toString(36).slice(2, 10);
}

it('takes its retry base and cap from the settings', async () => {
  const platform = await createTestPlatform('sqlite', {
    config: { webhookRetryBaseSeconds: 10, webhookRetryCapSeconds: 15 },
  });
  const r = await startReceiver(() => 500);
  try {
    const p = paymentsClient(platform);
    const app = await p.createApp({ webhook_url: r.url });
    const { tokens } = await p.signIn({ app });
    const id = await p.newOrder(tokens.access_token, 10);
    await p.pay(id);
    const d = new WebhookDispatcher(platform.deps, { random: () => 0.5 });
    const gaps: number[] = [];
    for (let i = 0; i < 3; i++) {
      await d.runDue();
      const { deliveries } = await p.json<{ deliveries: Delivery[] }>(
        platform.app.request(`/emulator/v1/webhooks/deliveries?reference=${id}`),
      );
      const [delivery] = deliveries;
      gaps.push(
        Math.round(
          ((delivery?.next_attempt_at ?? 0) - (delivery?.attempt_log.at(-1)?.started_at ?? 0)) / 1000,
        ),
      );
      await p.json(p.post('/emulator/v1/clock', { now: delivery?.next_attempt_at }));
    }
    expect(gaps).toEqual([10, 15, 15]);
  } finally {
    await r.close();
    await platform.close();
  }
});
