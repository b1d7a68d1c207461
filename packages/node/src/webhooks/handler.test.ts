import { describe, expect, it, vi } from 'vitest';
import { createMemoryDedupeStore, type WebhookDedupeStore } from './dedupe';
import type { AnyWebhookEvent } from './events';
import { createWebhookHandler } from './handler';
import { signTestWebhook } from './sign';

const SECRET = 'handler-secret';
const T = 1_700_000_000;
const now = () => T * 1000;

function success(tradeOrderId = 'TOID1', extra: Record<string, unknown> = {}) {
  return signTestWebhook({
    clientSecret: SECRET,
    timestamp: T,
    envelope: {
      client_key: 'ck',
      event: 'minis.trade_order.redeem.success',
      content: { trade_order_id: tradeOrderId, order_id: `o-${tradeOrderId}`, is_sandbox: false, ...extra },
    },
  });
}

describe('createWebhookHandler', () => {
  it('verifies, parses content and calls onEvent once; answers 200', async () => {
    const seen: AnyWebhookEvent[] = [];
    const handle = createWebhookHandler({ clientSecret: SECRET, now, onEvent: (e) => void seen.push(e) });
    const signed = success();
    const result = await handle(signed.body, signed.headers);
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toEqual({ ok: true });
    expect(result.headers['content-type']).toBe('application/json');
    expect(result.duplicate).toBe(false);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.content).toEqual({ trade_order_id: 'TOID1', order_id: 'o-TOID1', is_sandbox: false });
  });

  it('dedupes a redelivery by trade_order_id and still answers 200', async () => {
    const onEvent = vi.fn();
    const handle = createWebhookHandler({ clientSecret: SECRET, now, onEvent });
    const first = success();
    const again = success(); // a retry: same content, same id
    expect((await handle(first.body, first.headers)).status).toBe(200);
    const second = await handle(again.body, again.headers);
    expect(second.status).toBe(200);
    expect(second.duplicate).toBe(true);
    expect(JSON.parse(second.body)).toEqual({ ok: true, duplicate: true });
    expect(onEvent).toHaveBeenCalledTimes(1);
    // Another order, and the refund event of the same order, are not duplicates.
    const other = success('TOID2');
    await handle(other.body, other.headers);
    const refund = signTestWebhook({
      clientSecret: SECRET,
      timestamp: T,
      envelope: {
        client_key: 'ck',
        event: 'minis.trade_order.redeem.refund_traceback',
        content: { trade_order_id: 'TOID1', order_id: 'o-TOID1', refund_amount: 50 },
      },
    });
    await handle(refund.body, refund.headers);
    expect(onEvent).toHaveBeenCalledTimes(3);
  });

  it('runs a concurrent duplicate only once', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const onEvent = vi.fn(() => gate);
    const handle = createWebhookHandler({ clientSecret: SECRET, now, onEvent });
    const signed = success();
    const a = handle(signed.body, signed.headers);
    const b = handle(signed.body, signed.headers);
    release();
    const results = await Promise.all([a, b]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(results.filter((r) => r.duplicate)).toHaveLength(1);
    expect(onEvent).toHaveBeenCalledTimes(1);
  });

  it('answers 500 when onEvent throws, without remembering the event, so a retry runs it again', async () => {
    let fail = true;
    const onError = vi.fn();
    const onEvent = vi.fn(() => {
      if (fail) throw new Error('database down');
    });
    const handle = createWebhookHandler({ clientSecret: SECRET, now, onEvent, onError });
    const signed = success();
    const first = await handle(signed.body, signed.headers);
    expect(first.status).toBe(500);
    expect(JSON.parse(first.body)).toEqual({ ok: false, error: 'handler_failed' });
    expect(first.body).not.toContain('database down');
    expect(onError).toHaveBeenCalledTimes(1);
    fail = false;
    expect((await handle(signed.body, signed.headers)).status).toBe(200);
    expect(onEvent).toHaveBeenCalledTimes(2);
  });

  it('answers 401 on a bad signature or stale timestamp and 400 on bad input, never calling onEvent', async () => {
    const onEvent = vi.fn();
    const handle = createWebhookHandler({ clientSecret: SECRET, now, onEvent });
    const signed = success();
    const forged = signTestWebhook({ clientSecret: 'attacker', body: signed.body, timestamp: T });
    const badSig = await handle(forged.body, forged.headers);
    expect(badSig.status).toBe(401);
    expect(badSig.reason).toBe('signature_mismatch');
    expect(JSON.parse(badSig.body)).toMatchObject({ ok: false, error: 'signature_mismatch' });

    const old = signTestWebhook({ clientSecret: SECRET, body: signed.body, timestamp: T - 301 });
    expect((await handle(old.body, old.headers)).status).toBe(401);
    expect((await handle(signed.body, {})).status).toBe(400);
    expect((await handle(signed.body, 't=1')).status).toBe(400);
    expect((await handle(JSON.parse(signed.body as string), signed.headers)).reason).toBe('parsed_body');
    expect(onEvent).not.toHaveBeenCalled();
  });

  it('dedupes events without trade_order_id by content and time', async () => {
    const onEvent = vi.fn();
    const handle = createWebhookHandler({ clientSecret: SECRET, now, onEvent });
    const make = (createTime: number) =>
      signTestWebhook({
        clientSecret: SECRET,
        timestamp: T,
        envelope: {
          client_key: 'ck',
          event: 'authorization.removed',
          create_time: createTime,
          content: { reason: 1 },
        },
      });
    const a = make(T - 10);
    await handle(a.body, a.headers);
    await handle(a.body, a.headers);
    const b = make(T - 5);
    await handle(b.body, b.headers);
    expect(onEvent).toHaveBeenCalledTimes(2);
  });

  it('uses a pluggable store, and dedupe can be turned off', async () => {
    const keys = new Set<string>();
    const store: WebhookDedupeStore = {
      has: async (key) => keys.has(key),
      add: async (key) => void keys.add(key),
    };
    const onEvent = vi.fn();
    const signed = success();
    const handle = createWebhookHandler({ clientSecret: SECRET, now, onEvent, dedupe: store });
    await handle(signed.body, signed.headers);
    expect([...keys]).toEqual(['ck|minis.trade_order.redeem.success|TOID1']);
    // A second handler over the same store (another instance) sees the key.
    const handle2 = createWebhookHandler({ clientSecret: SECRET, now, onEvent, dedupe: store });
    expect((await handle2(signed.body, signed.headers)).duplicate).toBe(true);
    expect(onEvent).toHaveBeenCalledTimes(1);

    const noDedupe = createWebhookHandler({ clientSecret: SECRET, now, onEvent, dedupe: false });
    await noDedupe(signed.body, signed.headers);
    await noDedupe(signed.body, signed.headers);
    expect(onEvent).toHaveBeenCalledTimes(3);
  });

  it('still handles the event when the dedupe store fails', async () => {
    const onError = vi.fn();
    const onEvent = vi.fn();
    const broken: WebhookDedupeStore = {
      has: () => {
        throw new Error('redis gone');
      },
      add: () => Promise.reject(new Error('redis gone')),
    };
    const handle = createWebhookHandler({ clientSecret: SECRET, now, onEvent, onError, dedupe: broken });
    const signed = success();
    expect((await handle(signed.body, signed.headers)).status).toBe(200);
    expect(onEvent).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledTimes(2);
  });
});

describe('createMemoryDedupeStore', () => {
  it('forgets the least recently used key past maxEntries', () => {
    const store = createMemoryDedupeStore({ maxEntries: 2 });
    store.add('a');
    store.add('b');
    expect(store.has('a')).toBe(true); // a is now the most recent
    store.add('c'); // evicts b
    expect(store.has('b')).toBe(false);
    expect(store.has('a')).toBe(true);
    expect(store.has('c')).toBe(true);
  });
  it('rejects a bad size', () => {
    expect(() => createMemoryDedupeStore({ maxEntries: 0 })).toThrow(/maxEntries/);
  });
});
