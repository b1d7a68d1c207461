import { describe, expect, it } from 'vitest';
import { cpuDelta, machineBusySeconds, parseMachineStat, parseProcessStat, processCpuSeconds } from './cpu';

describe('parseProcessStat', () => {
  it('reads utime + stime after a command name that contains spaces and parentheses', () => {
    const stat = '4242 (node (tsx) x) S 1 2 3 4 5 6 7 8 9 10 250 50 0 0 20 0 1 0 100 0 0';
    expect(parseProcessStat(stat)).toBe(3);
  });
});

describe('parseMachineStat', () => {
  it('adds user, nice, system, irq, softirq and steal, leaving out idle and iowait', () => {
    const stat = 'cpu  100 10 50 9000 400 5 5 30 0 0\ncpu0 50 5 25 4500 200 2 2 15 0 0\n';
    expect(parseMachineStat(stat)).toBe(2);
  });

  it('is undefined without a cpu line', () => {
    expect(parseMachineStat('intr 1 2 3\n')).toBeUndefined();
  });
});

describe('on this machine', () => {
  it('counts the CPU this process burns', () => {
    const before = processCpuSeconds(process.pid);
    if (before === undefined || machineBusySeconds() === undefined) return; // not Linux
    const until = Date.now() + 120;
    while (Date.now() < until) {
      // busy-wait so the counters move
    }
    expect(processCpuSeconds(process.pid)).toBeGreaterThan(before);
  });
});

describe('cpuDelta', () => {
  it('counts new processes from zero and ignores ended ones', () => {
    const before = new Map([
      [1, 10],
      [2, 5],
    ]);
    const after = new Map([
      [1, 12.5],
      [3, 1],
    ]);
    expect(cpuDelta(before, after)).toBe(3.5);
  });
});
