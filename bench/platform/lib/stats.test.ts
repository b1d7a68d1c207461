import { describe, expect, it } from 'vitest';
import { fixed, median, percentile } from './stats';

describe('median', () => {
  it('takes the middle of an odd count and the mean of the middle pair of an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('refuses an empty list', () => {
    expect(() => median([])).toThrow(/empty/);
  });
});

describe('percentile', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);

  it('uses the nearest rank', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile(hundred, 0)).toBe(1);
    expect(percentile([10, 20, 30], 50)).toBe(20);
    expect(percentile([10, 20, 30], 99)).toBe(30);
  });

  it('refuses an empty list or a p outside 0–100', () => {
    expect(() => percentile([], 50)).toThrow(/empty/);
    expect(() => percentile([1], 101)).toThrow(/0–100/);
    expect(() => percentile([1], Number.NaN)).toThrow(/0–100/);
  });
});

describe('fixed', () => {
  it('formats finite numbers and dashes the rest', () => {
    expect(fixed(1234.567)).toBe('1235');
    expect(fixed(1.234, 2)).toBe('1.23');
    expect(fixed(Number.NaN)).toBe('—');
    expect(fixed(undefined)).toBe('—');
  });
});
