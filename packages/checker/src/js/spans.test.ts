import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { complementOfSpans, intersectSpans, mergedSpans, subtractSpans, unionOfSpans } from './spans';

/** Flat sorted disjoint spans from arbitrary pairs (the shape the skeleton produces). */
const spans = fc
  .array(fc.tuple(fc.nat(200), fc.integer({ min: 1, max: 20 })), { maxLength: 12 })
  .map((pairs) => {
    const out: number[] = [];
    for (const [start, length] of [...pairs].sort((x, y) => x[0] - y[0])) {
      const from = Math.max(start, (out[out.length - 1] ?? -1) + 1);
      out.push(from, from + length);
    }
    return out;
  });

const covered = (flat: number[]) => {
  const set = new Set<number>();
  for (let i = 0; i < flat.length; i += 2)
    for (let x = flat[i] as number; x < (flat[i + 1] as number); x++) set.add(x);
  return set;
};

describe('unionOfSpans', () => {
  it('merges nested and overlapping spans from both lists', () => {
    expect(unionOfSpans([0, 10, 20, 30], [2, 4, 25, 40, 50, 60])).toEqual([0, 10, 20, 40, 50, 60]);
    expect(unionOfSpans([], [1, 2])).toEqual([1, 2]);
    expect(unionOfSpans([5, 9], [])).toEqual([5, 9]);
  });

  it('covers exactly the offsets either list covers, as sorted disjoint spans', () => {
    fc.assert(
      fc.property(spans, spans, (a, b) => {
        const union = unionOfSpans(a, b);
        for (let i = 2; i < union.length; i += 2)
          expect(union[i] as number).toBeGreaterThanOrEqual(union[i - 1] as number);
        expect([...covered(union)].sort((x, y) => x - y)).toEqual(
          [...new Set([...covered(a), ...covered(b)])].sort((x, y) => x - y),
        );
      }),
    );
  });
});

describe('intersectSpans', () => {
  it('keeps the offsets both lists cover, as sorted disjoint spans', () => {
    expect(intersectSpans([0, 10, 20, 30], [5, 25])).toEqual([5, 10, 20, 25]);
    fc.assert(
      fc.property(spans, spans, (a, b) => {
        const both = [...covered(a)].filter((x) => covered(b).has(x));
        expect([...covered(intersectSpans(a, b))].sort((x, y) => x - y)).toEqual(both.sort((x, y) => x - y));
      }),
    );
  });
});

describe('subtractSpans and complementOfSpans', () => {
  it('keep the offsets of the first list that the second does not cover', () => {
    expect(subtractSpans([0, 10, 20, 30], [2, 4, 8, 22])).toEqual([0, 2, 4, 8, 22, 30]);
    expect(complementOfSpans([2, 4, 8, 10], 12)).toEqual([0, 2, 4, 8, 10, 12]);
    fc.assert(
      fc.property(spans, spans, (a, b) => {
        const inA = covered(a);
        const inB = covered(b);
        const expected = [...inA].filter((x) => !inB.has(x)).sort((x, y) => x - y);
        expect([...covered(subtractSpans(a, b))].sort((x, y) => x - y)).toEqual(expected);
        const outside = [...Array(260).keys()].filter((x) => !inA.has(x));
        expect([...covered(complementOfSpans(a, 260))].sort((x, y) => x - y)).toEqual(outside);
      }),
    );
  });
});

describe('mergedSpans', () => {
  it('covers what the spans cover, as sorted disjoint spans, whatever their order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(100), fc.integer({ min: 1, max: 30 })), { maxLength: 10 }),
        (pairs) => {
          const given = pairs.map(([start, length]) => [start, start + length] as [number, number]);
          const merged = mergedSpans([...given]);
          for (let i = 2; i < merged.length; i += 2)
            expect(merged[i]).toBeGreaterThan(merged[i - 1] as number);
          expect(covered(merged)).toEqual(covered(given.flat()));
        },
      ),
      { seed: 20261122 },
    );
  });
});
