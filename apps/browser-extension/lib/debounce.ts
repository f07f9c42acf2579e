/**
 * A debounce with a maximum wait: runs `fn` once the calls have been quiet for
 * `waitMs`, but never later than `maxWaitMs` after the first call it has not
 * run for yet. A plain debounce restarted on every call never runs on a page
 * that mutates every 10–200 ms (a ticker or a clock), so content added there was
 * never marked (issue 16).
 */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: Clock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class MaxWaitDebounce {
  private timer: unknown;
  /** When the first call not yet run came, or -1 when nothing is pending. */
  private firstAt = -1;

  constructor(
    private readonly fn: () => void,
    private readonly waitMs: number,
    private readonly maxWaitMs: number,
    private readonly clock: Clock = realClock,
  ) {}

  get pending(): boolean {
    return this.firstAt >= 0;
  }

  /** Asks for a run: after `waitMs` of quiet, or at the latest `maxWaitMs` after the first pending call. */
  call(): void {
    const now = this.clock.now();
    if (this.firstAt < 0) this.firstAt = now;
    const due = Math.min(now + this.waitMs, this.firstAt + this.maxWaitMs);
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = this.clock.setTimeout(() => this.run(), Math.max(0, due - now));
  }

  /** Runs now if a call is pending. */
  flush(): void {
    if (this.pending) this.run();
  }

  cancel(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.firstAt = -1;
  }

  private run(): void {
    this.cancel();
    this.fn();
  }
}
