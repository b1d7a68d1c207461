import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { tradeOrderIdOf, validSignature, webhookStats } from './webhooks';

const secret = 'sk_test_secret';
const sign = (body: string, t = 1_700_000_000, key = secret) =>
  `t=${t},s=${createHmac('sha256', key).update(`${t}.${body}`).digest('hex')}`;
const bodyFor = (id: string) =>
  JSON.stringify({
    client_key: 'ck',
    event: 'minis.trade_order.redeem.success',
    create_time: 1,
    user_openid: '',
    content: JSON.stringify({ trade_order_id: id, order_id: `o-${id}` }),
  });

describe('validSignature', () => {
  it('accepts the spec §7.5 scheme and rejects any change', () => {
    const body = bodyFor('TOID1');
    expect(validSignature(sign(body), body, secret)).toBe(true);
    expect(validSignature(sign(body), `${body} `, secret)).toBe(false);
    expect(validSignature(sign(body, 1_700_000_000, 'other'), body, secret)).toBe(false);
    expect(validSignature(sign(body).replace('t=1700000000', 't=1700000001'), body, secret)).toBe(false);
    expect(validSignature(null, body, secret)).toBe(false);
    expect(validSignature('t=1,s=zz', body, secret)).toBe(false);
  });
});

describe('tradeOrderIdOf', () => {
  it('reads the double-encoded content, and is undefined for anything else', () => {
    expect(tradeOrderIdOf(bodyFor('TOID7'))).toBe('TOID7');
    expect(tradeOrderIdOf('not json')).toBeUndefined();
    expect(tradeOrderIdOf(JSON.stringify({ content: '{}' }))).toBeUndefined();
  });
});

describe('webhookStats', () => {
  it('measures from outbox created_at to first signed arrival, counting duplicates and forgeries apart', () => {
    const outbox = new Map([
      ['A', { createdAt: 1000, deliveredAt: 1012 }],
      ['B', { createdAt: 1100, deliveredAt: 1150 }],
      ['C', { createdAt: 1200, deliveredAt: null }],
    ]);
    const receipts = [
      { at: 1010, signature: sign(bodyFor('A')), body: bodyFor('A') },
      { at: 1140, signature: sign(bodyFor('B')), body: bodyFor('B') },
      { at: 1500, signature: sign(bodyFor('B')), body: bodyFor('B') },
      { at: 1600, signature: sign(bodyFor('C'), 1, 'forged'), body: bodyFor('C') },
    ];
    const stats = webhookStats(['A', 'B', 'C'], receipts, outbox, secret, 1100);
    expect(stats).toMatchObject({ expected: 3, delivered: 2, badSignatures: 1, duplicates: 1 });
    expect(stats.latencyP50).toBe(10);
    expect(stats.latencyP99).toBe(40);
    expect(stats.recordedP99).toBe(50);
    // 2 deliveries between the first enqueue (1000) and the last first arrival (1140).
    expect(stats.deliveriesPerSecond).toBeCloseTo(2 / 0.14);
    // B arrived after the run ended at 1100: a backlog of 1 drained in 40 ms.
    expect(stats.backlogAtEnd).toBe(1);
    expect(stats.drainPerSecond).toBeCloseTo(1 / 0.04);
  });
});
