/**
 * Measurements behind benchmarks/src/suites/browser-marking.ts: the test build
 * in real Chromium on the fixture pages. Not a test (no assertions on time).
 *
 * - marking: content script start → last mark (wall time, the page stays
 *   responsive meanwhile), the time actually spent marking (sum of slices), the
 *   longest slice, and the longest task the Long Tasks API saw;
 * - the same page walked by a script that only visits the text nodes, and
 *   marking's busy time as a ratio to it;
 * - JS heap of the page with marking on minus marking off (after GC): what the
 *   content script's matcher and marks cost;
 * - hover-to-card latency: pointer event → card rendered, minus the dwell.
 */
import { chromium, type Page } from 'playwright-core';
import { collectMarks, markingState } from './browser-helpers.js';
import { firstMarkWithText } from './expect-helpers.js';
import { startFixtures } from './fixtures.js';
import { CHROMIUM, chromiumMissing, launchChromium, type ChromiumRun } from './launch.js';

export interface PageFigures {
  page: string;
  kb: number;
  textNodes: number;
  marks: number;
  startToLastMarkMs: number;
  busyMs: number;
  longestSliceMs: number;
  longestLongTaskMs: number;
  walkMs: number;
}

/** First marks against the page's load event (ms; negative: before it), and the load event with and without the extension. */
export interface FirstMarkFigures {
  page: string;
  /** The first page after the browser started (the background loads the archive meanwhile). */
  coldMs: number;
  warmMs: number[];
  loadWithMs: number[];
  loadWithoutMs: number[];
}

export interface MarkingFigures {
  firstMarks?: FirstMarkFigures;
  pages: PageFigures[];
  heap: { page: string; offMB: number; onMB: number }[];
  hover: { coldMs: number[]; warmMs: number[] };
  runs: number;
  chromium: string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export function measurable(): string | null {
  return chromiumMissing();
}

/** Runs in the page: counts and times a plain walk over every text node (the floor for any marker). */
function walkTextNodes(): { ms: number; nodes: number } {
  const t = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let nodes = 0;
  let chars = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes++;
    chars += (n as Text).data.length;
  }
  (window as unknown as { __sink: number }).__sink = chars;
  return { ms: performance.now() - t, nodes };
}

const PAGES = ['/plain.html', '/late.html', '/strict.html', '/split.html', '/big.html', '/giant.html'];

/** `pages` and `extras` (heap and hover) let a quick run measure one page: `measureMarking(3, ['/giant.html'], false)`. */
export async function measureMarking(runs = 5, paths = PAGES, extras = true): Promise<MarkingFigures> {
  const fx = await startFixtures();
  let build: ChromiumRun | undefined;
  try {
    build = await launchChromium({ prefix: 'jianbao-bench-', extraArgs: ['--js-flags=--expose-gc'] });
    const { worker, context } = build;
    const ctx = context;
    await ctx.addInitScript(() => {
      const w = window as unknown as { __longest: number };
      w.__longest = 0;
      try {
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
        }).observe({ type: 'longtask', buffered: true });
      } catch {
        // no Long Tasks API
      }
    });

    const load = async (path: string): Promise<Page> => {
      const page = await ctx.newPage();
      await page.goto(fx.url(path));
      const deadline = Date.now() + 120_000;
      while (!['done', 'off'].includes((await page.evaluate(markingState)).state ?? '')) {
        if (Date.now() > deadline) throw new Error(`marking ${path} did not finish`);
        await page.waitForTimeout(50);
      }
      if (path === '/late.html') await page.waitForFunction(() => document.documentElement.dataset.injected === '1');
      return page;
    };

    // First marks after the load event: the first page after browser start (cold), then warm; the same page in a
    // browser without the extension, in the same run, for its load event.
    const FIRST = '/regional.html';
    const timing = (page: Page) => page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const stats = JSON.parse(document.documentElement.dataset.jianbaoStats ?? 'null') as { firstMarkAt?: number } | null;
      return { loadEnd: nav.loadEventEnd, firstMarkAt: stats?.firstMarkAt ?? NaN };
    });
    const firstOf = async () => {
      const page = await load(FIRST);
      const t = await timing(page);
      await page.close();
      return t;
    };
    const cold = await firstOf();
    const warm: number[] = [];
    const loadWith: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = await firstOf();
      warm.push(t.firstMarkAt - t.loadEnd);
      loadWith.push(t.loadEnd);
    }
    const plain = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    const loadWithout: number[] = [];
    try {
      const plainPage = await plain.newPage({ viewport: { width: 1100, height: 800 } });
      for (let i = 0; i < runs; i++) {
        await plainPage.goto(fx.url(FIRST), { waitUntil: 'load' });
        loadWithout.push(await plainPage.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd));
      }
    } finally {
      await plain.close();
    }
    const firstMarks: FirstMarkFigures = { page: FIRST, coldMs: cold.firstMarkAt - cold.loadEnd, warmMs: warm, loadWithMs: loadWith, loadWithoutMs: loadWithout };

    const pages: PageFigures[] = [];
    for (const path of paths) {
      const samples: PageFigures[] = [];
      for (let i = 0; i < runs; i++) {
        const page = await load(path);
        if (path === '/late.html') {
          // Wait for the observer's re-mark of the injected article.
          const want = fx.expected[path]!.length;
          const deadline = Date.now() + 30_000;
          while ((await page.evaluate(collectMarks)).length < want && Date.now() < deadline) await page.waitForTimeout(50);
        }
        const s = (await page.evaluate(markingState)).stats as { marks: number; busyMs: number; longestSliceMs: number; finishedAt: number; scriptStart: number };
        const longest = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
        const walk = await page.evaluate(walkTextNodes);
        const html = await page.evaluate(() => new Blob([document.documentElement.outerHTML]).size);
        samples.push({ page: path, kb: Math.round(html / 1024), textNodes: walk.nodes, marks: s.marks, startToLastMarkMs: s.finishedAt - s.scriptStart, busyMs: s.busyMs, longestSliceMs: s.longestSliceMs, longestLongTaskMs: longest, walkMs: walk.ms });
        await page.close();
      }
      const pick = (k: keyof PageFigures) => median(samples.map((x) => x[k] as number));
      pages.push({ page: path, kb: samples[0]!.kb, textNodes: samples[0]!.textNodes, marks: samples[0]!.marks, startToLastMarkMs: pick('startToLastMarkMs'), busyMs: pick('busyMs'), longestSliceMs: pick('longestSliceMs'), longestLongTaskMs: pick('longestLongTaskMs'), walkMs: pick('walkMs') });
    }

    if (!extras) return { firstMarks, pages, heap: [], hover: { coldMs: [], warmMs: [] }, runs, chromium: context.browser()?.version() ?? 'chromium' };
    // Heap with marking off vs on for this site (settings live in storage.local; the worker can write them).
    const heap: MarkingFigures['heap'] = [];
    const setDisabled = (off: boolean) => worker.evaluate((o) => (globalThis as unknown as { chrome: { storage: { local: { set(v: unknown): Promise<void> } } } }).chrome.storage.local.set({ settings: { userSites: [], everywhere: false, kinds: { person: true, place: true, organisation: true, policy: true }, disabledSites: o ? ['127.0.0.1'] : [] } }), off);
    for (const path of ['/plain.html', '/big.html']) {
      const usedMB = async (off: boolean) => {
        await setDisabled(off);
        const page = await load(path);
        const cdp = await ctx.newCDPSession(page);
        await cdp.send('HeapProfiler.collectGarbage');
        const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
        await page.close();
        return usedSize / 1024 / 1024;
      };
      const off = median([await usedMB(true), await usedMB(true), await usedMB(true)]);
      const on = median([await usedMB(false), await usedMB(false), await usedMB(false)]);
      heap.push({ page: path, offMB: off, onMB: on });
    }
    await setDisabled(false);

    // Hover-to-card: the first card of a page load asks the background (cold); the same term again is cached (warm).
    const coldMs: number[] = [];
    const warmMs: number[] = [];
    const first = fx.expected['/plain.html']![0]!;
    for (let i = 0; i < runs; i++) {
      const page = await load('/plain.html');
      const mark = firstMarkWithText(await page.evaluate(collectMarks), first.text)!;
      for (const bucket of [coldMs, warmMs]) {
        await page.mouse.move(mark.x - 2, mark.y);
        await page.mouse.move(mark.x, mark.y);
        await page.waitForFunction(() => (document.querySelector('div[data-jianbao-ui="card"]') as HTMLElement | null)?.dataset.e2eTerm, undefined, { timeout: 15_000 });
        const l = await page.evaluate(() => JSON.parse((document.querySelector('div[data-jianbao-ui="card"]') as HTMLElement).dataset.e2eLatency ?? 'null') as { moveAt: number; shownAt: number; dwellMs: number });
        bucket.push(l.shownAt - l.moveAt - l.dwellMs);
        await page.keyboard.press('Escape');
        await page.waitForFunction(() => (document.querySelector('div[data-jianbao-ui="card"]') as HTMLElement | null)?.hidden !== false);
        await page.evaluate(() => delete (document.querySelector('div[data-jianbao-ui="card"]') as HTMLElement).dataset.e2eLatency);
      }
      await page.close();
    }
    return { firstMarks, pages, heap, hover: { coldMs, warmMs }, runs, chromium: context.browser()?.version() ?? 'chromium' };
  } finally {
    await build?.close();
    await fx.close();
  }
}
