/**
 * Request pacing for Bugzilla: at most `perWindow` requests in any window of
 * `windowMs` (bmo's default limit is 75 a minute) and at most `inFlight` at
 * once. The rate is kept as a sliding window over the start times of the
 * last requests rather than a token bucket: a bucket that starts full lets
 * twice its size through in the first minute, and bmo counts requests per
 * minute. The clock is injected, so tests run a minute's worth of requests
 * without waiting one.
 */

export interface Clock {
  /** Milliseconds, monotonic enough for pacing. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface LimiterOptions {
  perWindow: number;
  windowMs: number;
  inFlight: number;
  clock: Clock;
}

export const BMO_LIMITS = { perWindow: 75, windowMs: 60_000, inFlight: 2 } as const;

export class Limiter {
  /** Start times of the requests of the current window, oldest first. */
  private readonly starts: number[] = [];
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  /** Slots are handed out one at a time, so that two waiters never take the same one. */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: LimiterOptions) {
    if (!(options.perWindow >= 1) || !(options.inFlight >= 1) || !(options.windowMs > 0)) throw new RangeError('a limiter needs at least one request per window and one in flight');
  }

  /** Run `f` once a slot is free in both senses; each call counts as one request. */
  async run<T>(f: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await f();
    } finally {
      this.release();
    }
  }

  private async acquire(): Promise<void> {
    // A slot freed by release() passes straight to the next waiter, so the count never overshoots.
    if (this.running < this.options.inFlight) this.running++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    const turn = this.queue.then(() => this.takeRate());
    this.queue = turn.catch(() => undefined);
    await turn;
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }

  private prune(): void {
    const now = this.options.clock.now();
    while (this.starts.length > 0 && (this.starts[0] as number) <= now - this.options.windowMs) this.starts.shift();
  }

  private async takeRate(): Promise<void> {
    for (;;) {
      this.prune();
      if (this.starts.length < this.options.perWindow) {
        this.starts.push(this.options.clock.now());
        return;
      }
      const oldest = this.starts[0] as number;
      await this.options.clock.sleep(Math.max(1, oldest + this.options.windowMs - this.options.clock.now()));
    }
  }
}
