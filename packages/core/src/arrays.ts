/**
 * Array helpers for lists whose length the input decides. `a.push(...b)`,
 * `Math.max(...b)` and `String.fromCharCode(...b)` pass every element as an
 * argument on the stack: past ~100k elements V8 throws "Maximum call stack
 * size exceeded" (an article with 120,000 name mentions failed the build).
 * A guard test (test/unbounded-spread.test.ts) keeps such spreads out of core.
 */

/** Appends every item of `items` to `target`; returns `target`. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest value (-Infinity for none), as Math.max(...values) without the argument limit. */
export function maxOf(values: Iterable<number>): number {
  let max = -Infinity;
  for (const v of values) if (v > max || Number.isNaN(v)) max = v;
  return max;
}

/** The smallest value (Infinity for none), as Math.min(...values) without the argument limit. */
export function minOf(values: Iterable<number>): number {
  let min = Infinity;
  for (const v of values) if (v < min || Number.isNaN(v)) min = v;
  return min;
}

/** Characters per String.fromCharCode call: well under any engine's argument limit. */
const CHARS_PER_CALL = 4096;

/** The string of these UTF-16 code units, built in bounded calls. */
export function fromCharCodes(codes: ArrayLike<number> & { slice(start: number, end: number): ArrayLike<number> }): string {
  let s = '';
  for (let i = 0; i < codes.length; i += CHARS_PER_CALL) s += String.fromCharCode.apply(null, codes.slice(i, i + CHARS_PER_CALL) as number[]);
  return s;
}
