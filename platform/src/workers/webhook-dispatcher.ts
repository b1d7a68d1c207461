import { hostname } from 'node:os';
import { loadClockOffset } from '../clock';
import { randomString } from '../crypto';
import type { PlatformDeps } from '../deps';
import { type MoneyDb, moneyDb } from '../domains/payments/tables';
import { onWebhookEnqueued } from '../domains/webhooks/outbox';
import { DEFAULT_SCHEDULE, nextAttemptAt, type RetrySchedule } from '../domains/webhooks/schedule';
import { type SendResult, sendWebhook } from '../domains/webhooks/sender';
import type { WebhookDeliveriesTable } from '../domains/webhooks/tables';
import { claimDueDeliveries } from './claim';
import { releaseOrphanedClaims } from './orphans';
import { recordOutcome, releaseClaim } from './outcome';

export interface DispatcherOptions {
  /** Shown in attempt logs; default `<host>:<pid>:<random>`. */
  workerId?: string;
  /** Per-attempt timeout; default config.webhookTimeoutMs (10 s). */
  timeoutMs?: number;
  /** Idle poll interval; default config.webhookPollMs (250 ms). */
  pollMs?: number;
  /** Deliveries in flight at once; default config.webhookConcurrency (32). */
  concurrency?: number;
  /** How long a claim is held (emulated-clock ms); default timeout + 30 s. */
  leaseMs?: number;
  /** Default: config.webhookRetryBaseSeconds / webhookRetryCapSeconds, 72 h window. */
  schedule?: RetrySchedule;
  random?: () => number;
  /** Re-read the emulated clock's offset from the database every poll (separate worker processes). */
  syncClock?: boolean;
}

/** How often (real time) the loop looks for claims of dead workers on this machine. */
const ORPHAN_CHECK_MS = 5000;

type Claimed = WebhookDeliveriesTable & { webhook_url: string | null; client_secret_enc: string };

/**
 * Delivers the webhook outbox at least once (spec §7.2): claims due rows with a lease,
 * POSTs them signed, logs every attempt, and reschedules failures with exponential backoff
 * until the 72 h window closes (then drops them). A crashed worker's lease expires and
 * another worker delivers again. Time is the platform's clock, so advancing it makes
 * retries due.
 */
export class WebhookDispatcher {
  readonly workerId: string;
  readonly #deps: PlatformDeps;
  readonly #db: MoneyDb;
  readonly #options: Required<Omit<DispatcherOptions, 'workerId'>>;
  readonly #inFlight = new Set<Promise<void>>();
  #running = false;
  #loop: Promise<void> | undefined;
  #wake: (() => void) | undefined;
  /** A wake-up that came while the loop was busy: the next sleep returns at once. */
  #woken = false;
  #unsubscribe: (() => void) | undefined;
  #stopping = new AbortController();
  #orphansCheckedAt = Number.NEGATIVE_INFINITY;

  constructor(deps: PlatformDeps, options: DispatcherOptions = {}) {
    this.#deps = deps;
    this.#db = moneyDb(deps.db);
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomString(4)}`;
    const timeoutMs = options.timeoutMs ?? deps.config.webhookTimeoutMs;
    this.#options = {
      timeoutMs,
      pollMs: options.pollMs ?? deps.config.webhookPollMs,
      concurrency: options.concurrency ?? deps.config.webhookConcurrency,
      leaseMs: options.leaseMs ?? timeoutMs + 30_000,
      schedule: options.schedule ?? {
        ...DEFAULT_SCHEDULE,
        baseMs: deps.config.webhookRetryBaseSeconds * 1000,
        capMs: deps.config.webhookRetryCapSeconds * 1000,
      },
      random: options.random ?? Math.random,
      syncClock: options.syncClock ?? false,
    };
  }

  /** Starts the background loop (idempotent). */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#stopping = new AbortController();
    this.#unsubscribe = onWebhookEnqueued(this.#deps, () => this.#nudge());
    this.#loop = this.#run();
  }

  /**
   * Stops claiming, aborts the attempts in flight and hands their rows back (pending, due
   * now, unleased) so the next worker sends them at once instead of after the lease.
   */
  async stop(): Promise<void> {
    this.#running = false;
    this.#unsubscribe?.();
    this.#stopping.abort();
    this.#nudge();
    await this.#loop;
    await Promise.allSettled([...this.#inFlight]);
  }

  /** Delivers everything due now (and what becomes due meanwhile); for tests and tools. */
  async runDue(): Promise<number> {
    if (!this.#running && this.#stopping.signal.aborted) this.#stopping = new AbortController();
    await this.#releaseOrphans();
    let total = 0;
    for (;;) {
      const claimed = await this.tick();
      await Promise.allSettled([...this.#inFlight]);
      if (claimed === 0) return total;
      total += claimed;
    }
  }

  /** Claims as many due deliveries as there are free slots and starts them. */
  async tick(): Promise<number> {
    const free = this.#options.concurrency - this.#inFlight.size;
    if (free <= 0) return 0;
    const claimed = await claimDueDeliveries(this.#db, this.#deps.engine, {
      owner: `${this.workerId}:${randomString(8)}`,
      now: this.#deps.clock.now(),
      leaseMs: this.#options.leaseMs,
      limit: free,
    });
    for (const row of claimed) {
      const delivery: Promise<void> = this.#deliver(row)
        .catch((error) =>
          this.#deps.logger.error(
            { err: (error as Error).message, delivery: row.id },
            'webhook delivery failed',
          ),
        )
        .finally(() => {
          this.#inFlight.delete(delivery);
          this.#nudge();
        });
      this.#inFlight.add(delivery);
    }
    return claimed.length;
  }

  async #run(): Promise<void> {
    while (this.#running) {
      let claimed = 0;
      try {
        if (this.#options.syncClock) await loadClockOffset(this.#deps.db, this.#deps.clock);
        if (performance.now() - this.#orphansCheckedAt >= ORPHAN_CHECK_MS) await this.#releaseOrphans();
        claimed = await this.tick();
      } catch (error) {
        this.#deps.logger.error({ err: (error as Error).message }, 'webhook dispatcher poll failed');
      }
      if (claimed === 0 && this.#running) await this.#sleep(this.#options.pollMs);
    }
  }

  async #releaseOrphans(): Promise<void> {
    this.#orphansCheckedAt = performance.now();
    const released = await releaseOrphanedClaims(this.#db, this.#deps.clock.now());
    if (released > 0) this.#deps.logger.warn({ released }, 'took back webhook deliveries of a dead worker');
  }

  #nudge(): void {
    this.#woken = true;
    this.#wake?.();
  }

  #sleep(ms: number): Promise<void> {
    if (this.#woken) {
      this.#woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#wake = undefined;
        this.#woken = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#wake = done;
    });
  }

  async #deliver(row: Claimed): Promise<void> {
    const deps = this.#deps;
    const attemptNo = Number(row.attempts) + 1;
    const startedAt = deps.clock.now();
    const result = await this.#attempt(row, startedAt);
    const finishedAt = deps.clock.now();
    if (this.#stopping.signal.aborted && !result.ok) return releaseClaim(this.#db, row, finishedAt);
    const next = result.ok
      ? undefined
      : nextAttemptAt(
          attemptNo,
          finishedAt,
          Number(row.expires_at),
          this.#options.schedule,
          this.#options.random,
        );
    // Never the body, URL or headers: they may carry the receiver's secrets.
    deps.logger.info(
      {
        delivery: row.id,
        event: row.event,
        attempt: attemptNo,
        status: result.httpStatus ?? result.error?.split(':')[0],
        ms: result.durationMs,
        outcome: result.ok ? 'delivered' : next === undefined ? 'dropped' : 'retry',
      },
      'webhook attempt',
    );
    await recordOutcome(this.#db, row, {
      attemptNo,
      startedAt,
      finishedAt,
      result,
      next,
      workerId: this.workerId,
    });
  }

  async #attempt(row: Claimed, nowMs: number): Promise<SendResult> {
    const failure = (error: string): SendResult => ({
      ok: false,
      httpStatus: null,
      error,
      responseExcerpt: null,
      durationMs: 0,
    });
    if (!row.webhook_url) return failure('no_url: the app has no webhook URL configured');
    if (this.#deps.config.mode === 'production' && !row.webhook_url.startsWith('https://')) {
      return failure('insecure_url: production mode delivers only to https:// URLs');
    }
    return sendWebhook({
      url: row.webhook_url,
      body: row.body,
      clientSecret: this.#deps.secrets.decrypt(row.client_secret_enc),
      nowMs,
      timeoutMs: this.#options.timeoutMs,
      signal: this.#stopping.signal,
    });
  }
}
