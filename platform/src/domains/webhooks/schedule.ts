/**
 * Retry schedule (spec §7.2: "up to 72 hours with exponential backoff", intervals not
 * published, §10 #26 "configurable"): after failed attempt n the next one waits
 * base × 2^(n−1), capped, ±jitter. The last try happens at the window's end; a failure
 * then drops the delivery.
 */
export interface RetrySchedule {
  baseMs: number;
  capMs: number;
  /** Fraction: 0.2 = ±20 %. */
  jitter: number;
  windowMs: number;
}

export const DEFAULT_SCHEDULE: RetrySchedule = {
  baseMs: 60_000,
  capMs: 6 * 3600_000,
  jitter: 0.2,
  windowMs: 72 * 3600_000,
};

export function retryDelayMs(failedAttempts: number, schedule: RetrySchedule, random = Math.random): number {
  const exponent = Math.min(Math.max(failedAttempts - 1, 0), 30);
  const raw = Math.min(schedule.baseMs * 2 ** exponent, schedule.capMs);
  const factor = 1 + schedule.jitter * (2 * random() - 1);
  return Math.max(1000, Math.round(raw * factor));
}

/** When to try next, or undefined when the window is over (drop). */
export function nextAttemptAt(
  failedAttempts: number,
  now: number,
  expiresAt: number,
  schedule: RetrySchedule,
  random = Math.random,
): number | undefined {
  if (now >= expiresAt) return undefined;
  return Math.min(now + retryDelayMs(failedAttempts, schedule, random), expiresAt);
}
