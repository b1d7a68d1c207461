import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { WebhookVerificationError } from './errors';
import { isWebhookEvent } from './events';
import { verifyWebhook } from './verify';

// Vectors are computed here with node:crypto directly, independently of the code under test.
const SECRET = 'sec_3f9a1c0b7e';
const T = 1_700_000_000;
const NOW = () => T * 1000;
const BODY =
  '{"client_key":"ck_demo","event":"minis.trade_order.redeem.success","create_time":1700000000,"user_openid":"",' +
  '"content":"{\\"trade_order_id\\":\\"TOID667700996\\",\\"order_id\\":\\"order-42\\",\\"is_sandbox\\":true}"}';

function hmac(secret: string, t: number, body: string | Buffer): string {
  return createHmac('sha256', secret)
    .update(Buffer.concat([Buffer.from(`${t}.`), Buffer.isBuffer(body) ? body : Buffer.from(body)]))
    .digest('hex');
}
const header = (t = T, body: string | Buffer = BODY, secret = SECRET) => `t=${t},s=${hmac(secret, t, body)}`;

function reasonOf(fn: () => unknown): { reason: string; message: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof WebhookVerificationError) return { reason: error.reason, message: error.message };
    throw error;
  }
  throw new Error('expected a WebhookVerificationError, nothing was thrown');
}

describe('verifyWebhook', () => {
  it('accepts the spec example and parses the double-encoded content', () => {
    const event = verifyWebhook(BODY, header(), SECRET, { now: NOW });
    expect(event).toEqual({
      client_key: 'ck_demo',
      event: 'minis.trade_order.redeem.success',
      create_time: 1700000000,
      user_openid: '',
      content: { trade_order_id: 'TOID667700996', order_id: 'order-42', is_sandbox: true },
    });
    expect(isWebhookEvent(event, 'minis.trade_order.redeem.success')).toBe(true);
    expect(isWebhookEvent(event, 'minis.trade_order.redeem.refund_traceback')).toBe(false);
  });

  it('accepts Buffer, Uint8Array and string bodies alike, including non-ASCII bytes', () => {
    const body = BODY.replace('order-42', 'épisode-7 🎬');
    const h = header(T, body);
    const asBuffer = Buffer.from(body);
    // A view into a larger buffer: only its own bytes may be hashed.
    const backing = new Uint8Array(asBuffer.length + 4);
    backing.set(asBuffer, 2);
    const asView = backing.subarray(2, 2 + asBuffer.length);
    for (const raw of [body, asBuffer, new Uint8Array(asBuffer), asView]) {
      expect(verifyWebhook(raw, h, SECRET, { now: NOW }).content.order_id).toBe('épisode-7 🎬');
    }
  });

  it('finds the header in any casing, in objects, arrays and fetch Headers', () => {
    const h = header();
    for (const name of ['Tiktok-Signature', 'TikTok-Signature', 'tiktok-signature', 'TIKTOK-SIGNATURE']) {
      expect(
        verifyWebhook(BODY, { 'content-type': 'application/json', [name]: h }, SECRET, { now: NOW }).event,
      ).toBe('minis.trade_order.redeem.success');
    }
    expect(verifyWebhook(BODY, new Headers({ 'TikTok-Signature': h }), SECRET, { now: NOW }).client_key).toBe(
      'ck_demo',
    );
    expect(verifyWebhook(BODY, { 'tiktok-signature': [h] }, SECRET, { now: NOW }).client_key).toBe('ck_demo');
  });

  it('accepts uppercase hex, spaces after commas and extra unknown elements', () => {
    const sig = hmac(SECRET, T, BODY);
    expect(
      verifyWebhook(BODY, `t=${T}, s=${sig.toUpperCase()}, v=2`, SECRET, { now: NOW }).event,
    ).toBeTruthy();
  });

  it('signs over t exactly as sent (leading zeros kept)', () => {
    const sig = createHmac('sha256', SECRET).update(`0${T}.${BODY}`).digest('hex');
    expect(verifyWebhook(BODY, `t=0${T},s=${sig}`, SECRET, { now: NOW }).event).toBeTruthy();
  });

  it('accepts any one of several s= values (secret rotation)', () => {
    const other = hmac('old-secret', T, BODY);
    expect(
      verifyWebhook(BODY, `t=${T},s=${other},s=${hmac(SECRET, T, BODY)}`, SECRET, { now: NOW }).event,
    ).toBeTruthy();
  });

  describe('timestamp tolerance', () => {
    const at = (seconds: number) => () => seconds * 1000;
    it('accepts exactly at the tolerance and rejects one second past it', () => {
      expect(verifyWebhook(BODY, header(), SECRET, { now: at(T + 300) }).event).toBeTruthy();
      const stale = reasonOf(() => verifyWebhook(BODY, header(), SECRET, { now: at(T + 301) }));
      expect(stale.reason).toBe('stale_timestamp');
      expect(stale.message).toContain('301 s old');
      expect(stale.message).toContain('300 s tolerance');
    });
    it('rejects timestamps too far in the future', () => {
      expect(verifyWebhook(BODY, header(), SECRET, { now: at(T - 300) }).event).toBeTruthy();
      expect(reasonOf(() => verifyWebhook(BODY, header(), SECRET, { now: at(T - 301) })).reason).toBe(
        'future_timestamp',
      );
    });
    it('honours a custom tolerance and Infinity', () => {
      expect(
        reasonOf(() => verifyWebhook(BODY, header(), SECRET, { now: at(T + 11), toleranceSeconds: 10 }))
          .reason,
      ).toBe('stale_timestamp');
      expect(
        verifyWebhook(BODY, header(), SECRET, { now: at(T + 10 ** 9), toleranceSeconds: Infinity }).event,
      ).toBeTruthy();
    });
    it('hints at milliseconds when t is in ms', () => {
      const tMs = T * 1000;
      const result = reasonOf(() => verifyWebhook(BODY, header(tMs), SECRET, { now: NOW }));
      expect(result.reason).toBe('future_timestamp');
      expect(result.message).toContain('milliseconds');
    });
    it('uses the real clock by default', () => {
      const now = Math.floor(Date.now() / 1000);
      expect(verifyWebhook(BODY, header(now), SECRET).event).toBeTruthy();
      expect(reasonOf(() => verifyWebhook(BODY, header(now - 3600), SECRET)).reason).toBe('stale_timestamp');
    });
    it('checks the signature before the timestamp', () => {
      const forged = `t=${T - 3600},s=${'0'.repeat(64)}`;
      expect(reasonOf(() => verifyWebhook(BODY, forged, SECRET, { now: NOW })).reason).toBe(
        'signature_mismatch',
      );
    });
  });

  describe('header errors', () => {
    it.each([
      [undefined, 'missing_header'],
      [null, 'missing_header'],
      ['', 'missing_header'],
      ['   ', 'missing_header'],
      [{ 'content-type': 'application/json' }, 'missing_header'],
      [new Headers(), 'missing_header'],
      [`s=${'a'.repeat(64)}`, 'malformed_header'],
      [`t=${T}`, 'malformed_header'],
      [`t=abc,s=${'a'.repeat(64)}`, 'malformed_header'],
      [`t=-5,s=${'a'.repeat(64)}`, 'malformed_header'],
      [`t=1.5,s=${'a'.repeat(64)}`, 'malformed_header'],
      [`t=${T},s=${'a'.repeat(63)}`, 'malformed_header'],
      [`t=${T},s=${'g'.repeat(64)}`, 'malformed_header'],
      [`t=${T},s=sha256=${'a'.repeat(64)}`, 'malformed_header'],
      [`t=${T},s=${'a'.repeat(64)},${'x'.repeat(2000)}`, 'malformed_header'],
    ])('%j → %s', (h, reason) => {
      expect(reasonOf(() => verifyWebhook(BODY, h as never, SECRET, { now: NOW })).reason).toBe(reason);
    });

    it('says what was expected and what was found', () => {
      const { message } = reasonOf(() => verifyWebhook(BODY, 'sha256=abc', SECRET, { now: NOW }));
      expect(message).toContain('t=<unix seconds>,s=<64 hex chars>');
      expect(message).toContain('"sha256=abc"');
    });
  });

  describe('signature mismatch', () => {
    it('rejects a wrong secret', () => {
      const result = reasonOf(() =>
        verifyWebhook(BODY, header(T, BODY, 'other-secret'), SECRET, { now: NOW }),
      );
      expect(result.reason).toBe('signature_mismatch');
      expect(result.message).toContain('client secret');
    });

    it('rejects a body changed by one byte', () => {
      const tampered = BODY.replace('order-42', 'order-43');
      expect(reasonOf(() => verifyWebhook(tampered, header(), SECRET, { now: NOW })).reason).toBe(
        'signature_mismatch',
      );
    });

    it('rejects a signature made for another timestamp', () => {
      const sig = hmac(SECRET, T - 1, BODY);
      expect(reasonOf(() => verifyWebhook(BODY, `t=${T},s=${sig}`, SECRET, { now: NOW })).reason).toBe(
        'signature_mismatch',
      );
    });

    it('explains a re-serialised body', () => {
      // TikTok sent pretty bytes; the receiver parsed and re-stringified them.
      const sent = JSON.stringify(JSON.parse(BODY), null, 1);
      const reserialised = JSON.stringify(JSON.parse(sent));
      const result = reasonOf(() => verifyWebhook(reserialised, header(T, sent), SECRET, { now: NOW }));
      expect(result.reason).toBe('signature_mismatch');
      expect(result.message).toContain('pass the raw request bytes, not a parsed/re-serialised body');
    });

    it('spots a client key passed as the secret', () => {
      const { reason, message } = reasonOf(() => verifyWebhook(BODY, header(), 'ck_demo', { now: NOW }));
      expect(reason).toBe('signature_mismatch');
      expect(message).toContain('not its client key');
    });

    it('spots whitespace around the secret', () => {
      const { message } = reasonOf(() => verifyWebhook(BODY, header(), `${SECRET}\n`, { now: NOW }));
      expect(message).toContain('whitespace');
      expect(message).toContain('trim');
    });

    it('spots whitespace added around the body', () => {
      const { message } = reasonOf(() => verifyWebhook(`${BODY}\n`, header(), SECRET, { now: NOW }));
      expect(message).toContain('extra whitespace');
    });
  });

  describe('body errors', () => {
    it('rejects a parsed object with advice', () => {
      const { reason, message } = reasonOf(() =>
        verifyWebhook(JSON.parse(BODY), header(), SECRET, { now: NOW }),
      );
      expect(reason).toBe('parsed_body');
      expect(message).toContain('raw request bytes');
    });
    it('rejects "[object Object]"', () => {
      expect(reasonOf(() => verifyWebhook('[object Object]', header(), SECRET, { now: NOW })).reason).toBe(
        'parsed_body',
      );
    });
    it('rejects undefined and null bodies', () => {
      expect(reasonOf(() => verifyWebhook(undefined as never, header(), SECRET, { now: NOW })).reason).toBe(
        'parsed_body',
      );
      expect(reasonOf(() => verifyWebhook(null as never, header(), SECRET, { now: NOW })).reason).toBe(
        'parsed_body',
      );
    });
    it('rejects bodies over the size limit', () => {
      const { reason } = reasonOf(() =>
        verifyWebhook(BODY, header(), SECRET, { now: NOW, maxBodyBytes: 100 }),
      );
      expect(reason).toBe('body_too_large');
    });

    it.each([
      ['not json', 'not valid JSON'],
      ['[1,2]', 'JSON object'],
      ['{"event":"x","client_key":"k","create_time":"1700000000","content":"{}"}', 'create_time'],
      ['{"client_key":"k","create_time":1,"content":"{}"}', '"event"'],
      ['{"event":"x","create_time":1,"content":"{}"}', '"client_key"'],
      ['{"event":"x","client_key":"k","create_time":1,"content":"{oops"}', '"content" is not a valid JSON'],
      ['{"event":"x","client_key":"k","create_time":1,"content":"[]"}', 'JSON object'],
      ['{"event":"x","client_key":"k","create_time":1,"content":5}', 'JSON-encoded string'],
      [
        '{"event":"minis.trade_order.redeem.success","client_key":"k","create_time":1,"content":"{}"}',
        'trade_order_id',
      ],
    ])('signed but invalid envelope %s', (body, fragment) => {
      const { reason, message } = reasonOf(() => verifyWebhook(body, header(T, body), SECRET, { now: NOW }));
      expect(reason).toBe('invalid_payload');
      expect(message).toContain(fragment);
    });
  });

  it('passes unknown events through and tolerates content sent as an object', () => {
    const body = '{"client_key":"k","event":"minis.something.new","create_time":1,"content":{"a":1}}';
    expect(verifyWebhook(body, header(T, body), SECRET, { now: NOW })).toEqual({
      client_key: 'k',
      event: 'minis.something.new',
      create_time: 1,
      user_openid: '',
      content: { a: 1 },
    });
  });

  it('checks client_key when asked', () => {
    expect(verifyWebhook(BODY, header(), SECRET, { now: NOW, clientKey: 'ck_demo' }).event).toBeTruthy();
    expect(
      reasonOf(() => verifyWebhook(BODY, header(), SECRET, { now: NOW, clientKey: 'ck_other' })).reason,
    ).toBe('client_key_mismatch');
  });

  it('treats a missing secret as a configuration error, not a bad request', () => {
    expect(() => verifyWebhook(BODY, header(), '', { now: NOW })).toThrow(TypeError);
    expect(() => verifyWebhook(BODY, header(), undefined as never, { now: NOW })).toThrow(/CLIENT_SECRET/);
  });

  it('maps reasons to HTTP statuses', () => {
    expect(new WebhookVerificationError('signature_mismatch', '').httpStatus).toBe(401);
    expect(new WebhookVerificationError('stale_timestamp', '').httpStatus).toBe(401);
    expect(new WebhookVerificationError('malformed_header', '').httpStatus).toBe(400);
    expect(new WebhookVerificationError('parsed_body', '').httpStatus).toBe(400);
  });
});
