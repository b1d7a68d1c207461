// CPU accounting from /proc (Linux). With 2 cores shared by other people, the load average
// alone cannot say whether a run was disturbed: comparing the whole machine's busy time
// with the time of the two benchmark processes can.
import { readFileSync } from 'node:fs';

// USER_HZ is 100 on every mainstream Linux build.
const CLOCK_TICKS = 100;

/** User + system CPU seconds a process has used so far, or undefined when unknown. */
export function processCpuSeconds(pid: number): number | undefined {
  try {
    return parseProcessStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Busy (non-idle, non-iowait) CPU seconds of the whole machine since boot, or undefined. */
export function machineBusySeconds(): number | undefined {
  try {
    return parseMachineStat(readFileSync('/proc/stat', 'utf8'));
  } catch {
    return undefined;
  }
}

export function parseProcessStat(stat: string): number | undefined {
  // Fields after the parenthesised command name start at field 3; utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? ticks / CLOCK_TICKS : undefined;
}

export function parseMachineStat(stat: string): number | undefined {
  const line = stat.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) return undefined;
  // user nice system idle iowait irq softirq steal …
  const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  const busy = [user, nice, system, irq, softirq, steal].reduce<number>((sum, n) => sum + (n ?? 0), 0);
  return Number.isFinite(busy) ? busy / CLOCK_TICKS : undefined;
}

/** CPU seconds per process, for the pids that still exist. */
export function processesCpuSeconds(pids: readonly number[]): Map<number, number> {
  const seconds = new Map<number, number>();
  for (const pid of pids) {
    const s = processCpuSeconds(pid);
    if (s !== undefined) seconds.set(pid, s);
  }
  return seconds;
}

/**
 * CPU a changing set of processes used between two samples: processes that started in
 * between count from zero, processes that ended in between are lost (a slight undercount).
 */
export function cpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, s] of after) total += s - (before.get(pid) ?? 0);
  return total;
}
