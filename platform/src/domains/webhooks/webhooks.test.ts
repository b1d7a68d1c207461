import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestPlatform, testClient } from '../../testing';
import { paymentsClient } from '../payments/payments-test-helpers';
import { serializeEnvelope } from './envelope';
import { DEFAULT_SCHEDULE, nextAttemptAt, retryDelayMs } from './schedule';
import { signatureHeader } from './signature';
import { validateWebhookUrl } from './url-policy';

describe('webhook envelope and signature (spec §7.3, §7.5)', () => {
  it('serialises the documented example byte for byte', () => {
    const body = serializeEnvelope({
      clientKey: 'your_client_key',
      event: 'minis.trade_order.redeem.success',
      createdAtMs: 1_615_338_610_999,
      userOpenId: '',
      content: { trade_order_id: 'TOID667700996', order_id: 'order_id_as_in_your_system', is_sandbox: true },
    });
    expect(body).toBe(
      '{"client_key":"your_client_key","event":"minis.trade_order.redeem.success","create_time":1615338610,' +
        '"user_openid":"","content":"{\\"trade_order_id\\":\\"TOID667700996\\",\\"order_id\\":\\"order_id_as_in_your_system\\",\\"is_sandbox\\":true}"}',
    );
  });

  it('signs t + "." + body with the client secret', () => {
    const header = signatureHeader('secret', '{"a":1}', 1_633_174_587.9);
    const expected = createHmac('sha256', 'secret').update('1633174587.{"a":1}').digest('hex');
    expect(header).toBe(`t=1633174587,s=${expected}`);
  });
});

describe('retry schedule', () => {
  it('doubles from 1 minute, caps at 6 hours and jitters by at most ±20 %', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 9, 10, 30].map((n) => retryDelayMs(n, DEFAULT_SCHEDULE, mid))).toEqual([
      60_000, 120_000, 240_000, 15_360_000, 21_600_000, 21_600_000,
    ]);
    expect(retryDelayMs(1, DEFAULT_SCHEDULE, () => 0)).toBe(48_000);
    expect(retryDelayMs(1, DEFAULT_SCHEDULE, () => 0.999999)).toBeLessThanOrEqual(72_000);
  });

  it('ends at the window: last try at expiry, then nothing', () => {
    expect(nextAttemptAt(12, 1000, 5000, DEFAULT_SCHEDULE)).toBe(5000);
    expect(nextAttemptAt(12, 5000, 5000, DEFAULT_SCHEDULE)).toBeUndefined();
  });
});

describe('webhook URL policy', () => {
  it('accepts http:// only in dev mode, never credentials or other schemes', () => {
    expect(validateWebhookUrl('http://127.0.0.1:3000/hook', 'dev')).toBe('http://127.0.0.1:3000/hook');
    expect(validateWebhookUrl('https://api.example/hook', 'production')).toBe('https://api.example/hook');
    expect(validateWebhookUrl('', 'production')).toBeNull();
    expect(() => validateWebhookUrl('http://api.example/hook', 'production')).toThrow(
      /https:\/\/ URL \(production mode\)/,
    );
    expect(() => validateWebhookUrl('ftp://x', 'dev')).toThrow(/webhook_url/);
    expect(() => validateWebhookUrl('https://u:p@api.example/', 'dev')).toThrow(/credentials/);
    expect(() => validateWebhookUrl(`https://a.example/${'x'.repeat(2048)}`, 'dev')).toThrow(/webhook_url/);
  });

  it('is enforced where apps set their URL', async () => {
    const platform = await createTestPlatform('sqlite', {
      config: { mode: 'production', secretKey: 'k'.repeat(32), adminToken: 'admin-token-0123456789abcdef' },
    });
    try {
      const t = testClient(platform);
      const auth = { authorization: 'Bearer admin-token-0123456789abcdef' };
      const insecure = await t.post(
        '/emulator/v1/apps',
        { name: 'A', webhook_url: 'http://api.example/h' },
        auth,
      );
      expect(insecure.status).toBe(400);
      expect(await insecure.text()).toMatch(/production mode/);
      expect(
        (await t.post('/emulator/v1/apps', { name: 'A', webhook_url: 'https://api.example/h' }, auth)).status,
      ).toBe(201);
    } finally {
      await platform.close();
    }
  });
});

describe('user_openid mode (spec §10 #24)', () => {
  it('sends "" instead of the buyer\'s open_id when configured', async () => {
    const platform = await createTestPlatform('sqlite', { config: { webhookUserOpenid: 'empty' } });
    try {
      const p = paymentsClient(platform);
      const { tokens } = await p.signIn();
      const id = await p.newOrder(tokens.access_token, 10);
      await p.pay(id);
      const list = await p.json<{ deliveries: Array<{ body: string }> }>(
        platform.app.request(`/emulator/v1/webhooks/deliveries?reference=${id}`),
      );
      expect(JSON.parse(list.deliveries[0]?.body ?? '{}').user_openid).toBe('');
    } finally {
      await platform.close();
    }
  });
});
