import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WebhookVerificationError } from './errors';
import { computeSignature, formatSignatureHeader, parseSignatureHeader } from './signature';
import { verifyWebhook } from './verify';

const envelopeArb = fc.record({
  client_key: fc.string({ maxLength: 40 }),
  event: fc.string({ minLength: 1, maxLength: 60 }).filter((e) => !e.startsWith('minis.trade_order.')),
  create_time: fc.integer({ min: 0, max: 2 ** 40 }),
  user_openid: fc.string({ maxLength: 40 }),
  content: fc
    .dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 })
    .map((c) => JSON.stringify(c)),
});
const secretArb = fc.string({ minLength: 1, maxLength: 64 });
const timestampArb = fc.integer({ min: 0, max: 4_000_000_000 });

describe('signature properties', () => {
  it('matches an independent HMAC over t + "." + bytes, for any bytes', () => {
    fc.assert(
      fc.property(secretArb, timestampArb, fc.uint8Array({ maxLength: 300 }), (secret, t, bytes) => {
        const expected = createHmac('sha256', secret)
          .update(Buffer.concat([Buffer.from(`${t}.`), Buffer.from(bytes)]))
          .digest('hex');
        expect(computeSignature(secret, t, bytes)).toBe(expected);
        expect(parseSignatureHeader(formatSignatureHeader(t, expected))).toEqual({
          timestamp: t,
          timestampText: String(t),
          signatures: [expected],
        });
      }),
      { numRuns: 200 },
    );
  });

  it('verifies what was signed and rejects any single-byte change', () => {
    fc.assert(
      fc.property(
        secretArb,
        timestampArb,
        envelopeArb,
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (secret, t, env, at, flip) => {
          const body = Buffer.from(JSON.stringify(env));
          const header = formatSignatureHeader(t, computeSignature(secret, t, body));
          const now = () => t * 1000;
          expect(verifyWebhook(body, header, secret, { now }).event).toBe(env.event);

          const tampered = Buffer.from(body);
          const index = at % tampered.length;
          tampered[index] = (tampered[index] ?? 0) ^ flip;
          try {
            verifyWebhook(tampered, header, secret, { now });
            expect.unreachable('a tampered body verified');
          } catch (error) {
            expect(error).toBeInstanceOf(WebhookVerificationError);
            expect((error as WebhookVerificationError).reason).toBe('signature_mismatch');
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
