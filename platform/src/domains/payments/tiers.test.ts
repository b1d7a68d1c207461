import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../config';
import { createTestPlatform, testClient } from '../../testing';
import { DEFAULT_TIERS, loadTiers, topUpFor } from './tiers';

const file = (content: unknown) => {
  const path = join(mkdtempSync(join(tmpdir(), 'openminis-tiers-')), 'tiers.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const tier = (amount: number, id = `t${amount}`) => ({
  tier_id: id,
  tier_name: `beans_${amount}`,
  token_amount: amount,
  price: '0.99',
  currency: 'EUR',
  symbol: '€',
});

describe('tier catalogue', () => {
  it('has the spec example among its defaults', () => {
    expect(DEFAULT_TIERS.find((t) => t.token_amount === 100)).toEqual({
      tier_id: '1731381720000100',
      tier_name: 'pd_beans_showcase_100',
      token_amount: 100,
      token_type: 'BEANS',
      price: '1.19',
      currency: 'USD',
      symbol: '$',
    });
  });

  it('loads a file (array or {tiers}) sorted by amount, with token_type defaulted', () => {
    expect(loadTiers(file([tier(50), tier(5)])).map((t) => t.token_amount)).toEqual([5, 50]);
    expect(loadTiers(file({ tiers: [tier(7)] }))[0]).toMatchObject({ token_type: 'BEANS', currency: 'EUR' });
  });

  it('names the file and the field of bad input', () => {
    expect(() => loadTiers(file('{'))).toThrow(ConfigError);
    expect(() => loadTiers(file([{ ...tier(5), price: 'cheap' }]))).toThrow(/tiers\.json: .*price/);
    expect(() => loadTiers(file([tier(5, 'same'), tier(6, 'same')]))).toThrow(/appears twice/);
    expect(() => loadTiers(file([]))).toThrow(/tiers file/);
    expect(() => loadTiers('/nonexistent/tiers.json')).toThrow(/cannot read/);
  });

  it('tops up with the smallest covering tier, else the largest repeatedly', () => {
    expect(topUpFor(DEFAULT_TIERS, 1)).toMatchObject({ tier: { token_amount: 10 }, count: 1 });
    expect(topUpFor(DEFAULT_TIERS, 101)).toMatchObject({ tier: { token_amount: 300 }, count: 1 });
    expect(topUpFor(DEFAULT_TIERS, 5000)).toMatchObject({ tier: { token_amount: 5000 }, count: 1 });
    expect(topUpFor(DEFAULT_TIERS, 10_001)).toMatchObject({ tier: { token_amount: 5000 }, count: 3 });
  });

  it('is configurable per platform and served by GET /emulator/v1/tiers', async () => {
    const platform = await createTestPlatform('sqlite', { config: { tiersFile: file([tier(42, '42')]) } });
    try {
      const res = await testClient(platform).json<{ tiers: unknown[] }>(
        platform.app.request('/emulator/v1/tiers'),
      );
      expect(res.tiers).toEqual([{ ...tier(42, '42'), token_type: 'BEANS' }]);
    } finally {
      await platform.close();
    }
  });
});
