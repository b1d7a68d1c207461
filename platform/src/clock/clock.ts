/** Every expiry in the platform reads time from a Clock, never from Date.now() directly. */
export interface Clock {
  /** Current time, epoch milliseconds. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/**
 * Real time plus an adjustable offset: the emulator control API moves it forward
 * (`advance`) or sets it (`set`) so that 24 h token expiry is testable in a second.
 * Time never goes backwards through `advance`; `set` may move it anywhere.
 *
 * The offset lives in this process; the platform persists it in the database on every
 * change and loads it at start, so restarts keep the emulated time. Processes sharing a
 * PostgreSQL database re-read it per request / per worker tick (see http/app.ts).
 */
export class OffsetClock implements Clock {
  #offsetMs: number;
  readonly #base: Clock;

  constructor(offsetMs = 0, base: Clock = systemClock) {
    this.#offsetMs = offsetMs;
    this.#base = base;
  }

  now(): number {
    return this.#base.now() + this.#offsetMs;
  }

  get offsetMs(): number {
    return this.#offsetMs;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0)
      throw new RangeError('advance needs a non-negative finite number of ms');
    this.#offsetMs += ms;
  }

  set(epochMs: number): void {
    this.#offsetMs = epochMs - this.#base.now();
  }

  setOffset(offsetMs: number): void {
    this.#offsetMs = offsetMs;
  }

  reset(): void {
    this.#offsetMs = 0;
  }
}
