import { describe, expect, test } from 'vitest';
import { MaxWaitDebounce, type Clock } from '../lib/debounce.js';

/** A clock the test moves by hand: timers fire in order as time passes. */
function manualClock(): Clock & { advance(ms: number): void } {
  let now = 0;
  let id = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    setTimeout(fn, ms) {
      timers.set(++id, { at: now + ms, fn });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const next = [...timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
        if (!next) break;
        timers.delete(next[0]);
        now = next[1].at;
        next[1].fn();
      }
      now = end;
    },
  };
}

describe('MaxWaitDebounce', () => {
  test('quiet calls run once, waitMs after the last call', () => {
    const clock = manualClock();
    const runs: number[] = [];
    const d = new MaxWaitDebounce(() => runs.push(clock.now()), 250, 1000, clock);
    d.call();
    clock.advance(100);
    d.call();
    clock.advance(249);
    expect(runs).toEqual([]);
    clock.advance(1);
    expect(runs).toEqual([350]);
    clock.advance(5000);
    expect(runs).toEqual([350]);
    expect(d.pending).toBe(false);
  });

  test.each([10, 50, 120, 200])('calls every %i ms without end still run, at most maxWaitMs apart', (every) => {
    const clock = manualClock();
    const runs: number[] = [];
    const d = new MaxWaitDebounce(() => runs.push(clock.now()), 250, 1000, clock);
    for (let t = 0; t < 5000; t += every) {
      d.call();
      clock.advance(every);
    }
    expect(runs.length).toBeGreaterThanOrEqual(4);
    const gaps = runs.map((t, i) => t - (runs[i - 1] ?? 0));
    for (const gap of gaps) expect(gap).toBeLessThanOrEqual(1000 + every);
  });

  test('irregular calls (10–200 ms apart): the first pending call waits at most maxWaitMs', () => {
    const clock = manualClock();
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const runs: number[] = [];
    const d = new MaxWaitDebounce(() => runs.push(clock.now()), 250, 1000, clock);
    let firstPending = -1;
    for (let i = 0; i < 200; i++) {
      if (firstPending < 0) firstPending = clock.now();
      d.call();
      const before = runs.length;
      clock.advance(10 + Math.floor(random() * 191));
      if (runs.length > before) {
        expect(runs.at(-1)! - firstPending).toBeLessThanOrEqual(1000);
        firstPending = -1;
      }
    }
    expect(runs.length).toBeGreaterThan(5);
  });

  test('cancel drops a pending run; flush runs it now', () => {
    const clock = manualClock();
    let runs = 0;
    const d = new MaxWaitDebounce(() => runs++, 250, 1000, clock);
    d.call();
    d.cancel();
    clock.advance(2000);
    expect(runs).toBe(0);
    d.call();
    d.flush();
    expect(runs).toBe(1);
    clock.advance(2000);
    expect(runs).toBe(1);
  });
});
