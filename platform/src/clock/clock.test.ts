import { describe, expect, it } from 'vitest';
import { OffsetClock } from './index';

describe('OffsetClock', () => {
  const base = { now: () => 1_000_000 };

  it('advances and sets relative to its base clock', () => {
    const clock = new OffsetClock(0, base);
    expect(clock.now()).toBe(1_000_000);
    clock.advance(500);
    expect(clock.now()).toBe(1_000_500);
    clock.set(5_000_000);
    expect(clock.now()).toBe(5_000_000);
    expect(clock.offsetMs).toBe(4_000_000);
    clock.reset();
    expect(clock.now()).toBe(1_000_000);
  });

  it('refuses to go backwards through advance', () => {
    const clock = new OffsetClock(0, base);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
  });
});
