import { readFileSync } from 'node:fs';
import type { TierInfo } from '@openminis/protocol';
import { z } from 'zod';
import { ConfigError } from '../../config';
import { describeZodError } from '../../http/json-body';

/** USD price per Bean of the built-in catalogue: 100 Beans = $1.19, as in the spec's example. */
const USD_PER_BEAN = 0.0119;
const DEFAULT_AMOUNTS = [10, 50, 100, 300, 500, 1000, 2000, 5000];

/** `1731381720000100` is the spec's id for the 100-Beans tier; the others follow its pattern. */
export const DEFAULT_TIERS: readonly TierInfo[] = Object.freeze(
  DEFAULT_AMOUNTS.map((amount) =>
    Object.freeze({
      tier_id: `1731381720000${String(amount).padStart(3, '0')}`,
      tier_name: `pd_beans_showcase_${amount}`,
      token_amount: amount,
      token_type: 'BEANS' as const,
      price: (amount * USD_PER_BEAN).toFixed(2),
      currency: 'USD',
      symbol: '$',
    }),
  ),
);

const tierSchema = z
  .object({
    tier_id: z.string().regex(/^[0-9A-Za-z_.-]{1,64}$/, 'expected 1–64 characters [0-9A-Za-z_.-]'),
    tier_name: z.string().min(1).max(128),
    token_amount: z.number().int().positive().max(1_000_000),
    token_type: z.literal('BEANS').default('BEANS'),
    price: z.string().regex(/^\d+(\.\d+)?$/, 'expected a decimal string such as "1.19"'),
    currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO-4217 code such as "USD"'),
    symbol: z.string().min(1).max(8),
  })
  .strict() satisfies z.ZodType<TierInfo>;

const fileSchema = z.union([
  z.array(tierSchema).min(1).max(200),
  z.object({ tiers: z.array(tierSchema).min(1).max(200) }).strict(),
]);

/**
 * The catalogue of recharge tiers, in the wire shape of `get_tier_infos` (spec §6.5): a JSON
 * file (`[tier…]` or `{"tiers": [tier…]}`) or the built-in one.
 */
export function loadTiers(file: string | undefined): readonly TierInfo[] {
  if (!file) return DEFAULT_TIERS;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`tiers file ${file}: cannot read it as JSON (${(error as Error).message})`);
  }
  const parsed = fileSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) throw new ConfigError(`tiers file ${file}: ${describeZodError(parsed.error)}`);
  const tiers = Array.isArray(parsed.data) ? parsed.data : parsed.data.tiers;
  const seen = new Set<string>();
  for (const tier of tiers) {
    if (seen.has(tier.tier_id))
      throw new ConfigError(`tiers file ${file}: tier_id ${tier.tier_id} appears twice`);
    seen.add(tier.tier_id);
  }
  return Object.freeze([...tiers].sort((a, b) => a.token_amount - b.token_amount));
}

/**
 * What the cashier buys when the balance is short (spec §5.5, "rounded up to an available
 * tier"): the smallest tier that covers the shortfall; when none does, the largest tier as
 * many times as needed.
 */
export function topUpFor(tiers: readonly TierInfo[], shortfall: number): { tier: TierInfo; count: number } {
  const sorted = [...tiers].sort((a, b) => a.token_amount - b.token_amount);
  const covering = sorted.find((t) => t.token_amount >= shortfall);
  if (covering) return { tier: covering, count: 1 };
  const largest = sorted[sorted.length - 1];
  if (!largest) throw new Error('the tier catalogue is empty');
  return { tier: largest, count: Math.ceil(shortfall / largest.token_amount) };
}
