import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signTestWebhook } from './sign';
import { parseSignatureHeader } from './signature';
import { verifyWebhook } from './verify';

const hmacHex = (secret: string, message: string | Buffer) =>
  createHmac('sha256', secret).update(message).digest('hex');

describe('signTestWebhook', () => {
  it('signs exact body bytes as t + "." + body (independent HMAC)', () => {
    const body = '{"client_key":"k","event":"e","create_time":1,"user_openid":"","content":"{}"}';
    const signed = signTestWebhook({ clientSecret: 's3cret', body, timestamp: 1633174587 });
    const expected = hmacHex('s3cret', `1633174587.${body}`);
    expect(signed.body).toBe(body);
    expect(signed.signature).toBe(expected);
    expect(signed.header).toBe(`t=1633174587,s=${expected}`);
    expect(signed.headers).toEqual({ 'Content-Type': 'application/json', 'Tiktok-Signature': signed.header });
  });

  it('signs Buffer bodies byte for byte', () => {
    const body = Buffer.from([0x7b, 0x7d, 0xff]);
    const signed = signTestWebhook({ clientSecret: 'k', body, timestamp: 5 });
    expect(signed.signature).toBe(hmacHex('k', Buffer.concat([Buffer.from('5.'), body])));
  });

  it('serialises an envelope once with content double-encoded (spec §7.3)', () => {
    const signed = signTestWebhook({
      clientSecret: 'sec',
      timestamp: 1700000000,
      envelope: {
        client_key: 'ck',
        event: 'minis.trade_order.redeem.refund_traceback',
        content: { trade_order_id: 'TOID1', order_id: 'o1', is_sandbox: true, refund_amount: 80 },
      },
    });
    const wire = JSON.parse(signed.body as string);
    expect(wire).toEqual({
      client_key: 'ck',
      event: 'minis.trade_order.redeem.refund_traceback',
      create_time: 1700000000,
      user_openid: '',
      content: '{"trade_order_id":"TOID1","order_id":"o1","is_sandbox":true,"refund_amount":80}',
    });
    expect(signed.signature).toBe(hmacHex('sec', `1700000000.${signed.body as string}`));
    const event = verifyWebhook(signed.body, signed.headers, 'sec', { now: () => 1700000000_000 });
    expect(event.content.refund_amount).toBe(80);
  });

  it('defaults the timestamp to now, in seconds', () => {
    const before = Math.floor(Date.now() / 1000);
    const { timestamp, header } = signTestWebhook({ clientSecret: 'x', envelope: { event: 'e' } });
    expect(timestamp).toBeGreaterThanOrEqual(before);
    expect(timestamp).toBeLessThan(before + 5);
    expect(parseSignatureHeader(header).timestamp).toBe(timestamp);
  });

  it('rejects unclear input', () => {
    expect(() => signTestWebhook({ clientSecret: '', body: '{}' })).toThrow(/clientSecret/);
    expect(() => signTestWebhook({ clientSecret: 'x' })).toThrow(/body .* or envelope/);
    expect(() => signTestWebhook({ clientSecret: 'x', body: '{}', envelope: { event: 'e' } })).toThrow(
      /not both/,
    );
    expect(() => signTestWebhook({ clientSecret: 'x', body: '{}', timestamp: 1.5 })).toThrow(/Unix seconds/);
  });
});
