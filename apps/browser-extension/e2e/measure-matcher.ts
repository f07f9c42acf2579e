/**
 * Measurements behind the Chromium rows of benchmarks/src/suites/matcher.ts:
 * the matcher as the extension bundles it, run in Chromium's V8 (the test
 * build's service worker exposes core's loadMatcher), against the same plain
 * char-code loops as the Node rows. Not a test (no assertions on time).
 */
import { measurable } from './measure-marking.js';
import { launchChromium } from './launch.js';

export { measurable };

export interface MatcherFigures {
  chromium: string;
  /** Fastest of `runs`, after a warm-up on a 10,000-character prefix (as in Node). */
  floorMs: number;
  scanMs: number;
  matches: number;
}

/** Runs in the service worker: no closures over Node values, everything comes in `arg`. */
function measureInWorker(arg: { section: string; text: string; runs: number }): { floorMs: number; scanMs: number; matches: number } {
  const load = (globalThis as unknown as { jianbaoLoadMatcher: (s: unknown) => { scan(text: string, emit: () => void): number } }).jianbaoLoadMatcher;
  const matcher = load(JSON.parse(arg.section));
  const text = arg.text;
  // The same floors as the Node rows: one sum, and two sums taking two units a step; the faster counts.
  const floor1 = (t: string) => {
    let s = 0;
    const n = t.length;
    for (let i = 0; i < n; i++) s = (s + t.charCodeAt(i)) | 0;
    return s;
  };
  const floor2 = (t: string) => {
    let s0 = 0;
    let s1 = 0;
    const n = t.length;
    let i = 0;
    for (; i + 1 < n; i += 2) {
      s0 = (s0 + t.charCodeAt(i)) | 0;
      s1 = (s1 + t.charCodeAt(i + 1)) | 0;
    }
    if (i < n) s0 = (s0 + t.charCodeAt(i)) | 0;
    return (s0 + s1) | 0;
  };
  const emit = () => {};
  const prefix = text.slice(0, 10_000);
  let sink = 0;
  for (let i = 0; i < 2000; i++) sink += floor1(prefix) + floor2(prefix) + matcher.scan(prefix, emit);
  let floorMs = Infinity;
  let scanMs = Infinity;
  let matches = 0;
  for (let r = 0; r < arg.runs; r++) {
    let t = performance.now();
    sink += floor1(text);
    floorMs = Math.min(floorMs, performance.now() - t);
    t = performance.now();
    sink += floor2(text);
    floorMs = Math.min(floorMs, performance.now() - t);
    t = performance.now();
    matches = matcher.scan(text, emit);
    scanMs = Math.min(scanMs, performance.now() - t);
  }
  (globalThis as unknown as { __sink: number }).__sink = sink;
  return { floorMs, scanMs, matches };
}

export async function measureMatcher(section: string, text: string, runs = 9): Promise<MatcherFigures> {
  const build = await launchChromium({ prefix: 'jianbao-bench-', viewport: null });
  try {
    const version = build.context.browser()?.version() ?? '';
    // tsx (esbuild keepNames) wraps named inner functions in __name(…), which the worker lacks.
    await build.worker.evaluate('globalThis.__name ??= (f) => f');
    const figures = await build.worker.evaluate(measureInWorker, { section, text, runs });
    return { chromium: `Chromium ${version}`.trim(), ...figures };
  } finally {
    await build.close();
  }
}
