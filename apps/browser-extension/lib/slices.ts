/**
 * Time slices for work on the page's main thread: `due()` says whether the
 * slice's budget is spent, `next()` records it and yields to the page.
 */
export interface SliceStats {
  slices: number;
  longestSliceMs: number;
  busyMs: number;
}

/** Lets the page run: scheduler.yield where it exists, else a macrotask via MessageChannel (not clamped like setTimeout). */
export function yieldToPage(win: Window): Promise<void> {
  const scheduler = (win as unknown as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

export class Slices {
  private startedAt = performance.now();

  constructor(
    private readonly win: Window,
    private readonly budgetMs: number,
    private readonly stats: SliceStats,
    /** False once the work is superseded: next() then resolves false and the caller stops. */
    private readonly current: () => boolean,
  ) {}

  due(): boolean {
    return performance.now() - this.startedAt >= this.budgetMs;
  }

  /** Yields to the page if the budget is spent; resolves false when the work was superseded meanwhile. */
  async next(): Promise<boolean> {
    if (!this.due()) return this.current();
    this.end();
    await yieldToPage(this.win);
    this.startedAt = performance.now();
    return this.current();
  }

  /** Records the slice that is running now (at the end of the work). */
  end(): void {
    const ms = performance.now() - this.startedAt;
    this.stats.slices++;
    this.stats.busyMs += ms;
    if (ms > this.stats.longestSliceMs) this.stats.longestSliceMs = ms;
    this.startedAt = performance.now();
  }
}
