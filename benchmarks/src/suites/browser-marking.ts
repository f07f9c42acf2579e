import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../shared-data.js';
import { fmt, percentile, table, type SuiteResult } from '../report.js';

/**
 * The browser extension marking real pages in real Chromium: the test build
 * (apps/browser-extension, `pnpm --filter @jianbao/browser-extension build:e2e`)
 * on the e2e fixture pages. The measuring code lives with the extension
 * (apps/browser-extension/e2e/measure-marking.ts), which has playwright-core.
 * Skipped when Chromium or the test build is missing. Uses no ../shared data.
 */
/** The shape of apps/browser-extension/e2e/measure-marking.ts (typed here: that file needs DOM types this package lacks). */
interface MeasureModule {
  measurable(): string | null;
  measureMarking(runs: number): Promise<{
    pages: { page: string; kb: number; textNodes: number; marks: number; startToLastMarkMs: number; busyMs: number; longestSliceMs: number; longestLongTaskMs: number; walkMs: number }[];
    heap: { page: string; offMB: number; onMB: number }[];
    hover: { coldMs: number[]; warmMs: number[] };
    runs: number;
    chromium: string;
    firstMarks?: { page: string; coldMs: number; warmMs: number[]; loadWithMs: number[]; loadWithoutMs: number[] };
  }>;
}

export async function run(): Promise<SuiteResult> {
  const title = 'Browser extension: marking pages in Chromium';
  const file = join(REPO_ROOT, 'apps/browser-extension/e2e/measure-marking.ts');
  if (!existsSync(file)) return { title, body: '', skipped: 'apps/browser-extension is not in this checkout' };
  const mod = (await import(pathToFileURL(file).href)) as MeasureModule;
  const reason = mod.measurable();
  if (reason) return { title, body: '', skipped: reason };
  const loadAtStart = (await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(', ');
  const f = await mod.measureMarking(5);
  const pages = table(
    ['page', 'KB (UTF-8)', 'text nodes', 'marks', 'script start → last mark ms', 'marking busy ms', 'longest slice ms', 'longest task ms (Long Tasks API, ≥50)', 'text-node walk ms', 'busy / walk'],
    f.pages.map((p) => [p.page, p.kb, p.textNodes, p.marks, fmt(p.startToLastMarkMs, 1), fmt(p.busyMs, 1), fmt(p.longestSliceMs, 1), p.longestLongTaskMs ? fmt(p.longestLongTaskMs, 0) : 'none', fmt(p.walkMs, 2), p.walkMs > 0 ? `${(p.busyMs / p.walkMs).toFixed(1)}×` : 'n/a']),
  );
  const heap = table(['page', 'JS heap, marking off (MB)', 'marking on (MB)', 'content script cost (MB)'], f.heap.map((h) => [h.page, fmt(h.offMB, 2), fmt(h.onMB, 2), fmt(h.onMB - h.offMB, 2)]));
  const hover = table(
    ['hover → card (after the 300 ms dwell)', 'median ms', 'p90 ms'],
    [
      ['first card of the page (asks the background)', fmt(percentile(f.hover.coldMs, 50), 1), fmt(percentile(f.hover.coldMs, 90), 1)],
      ['same term again (cached)', fmt(percentile(f.hover.warmMs, 50), 1), fmt(percentile(f.hover.warmMs, 90), 1)],
    ],
  );
  const fm = f.firstMarks;
  const firstMarks = fm
    ? table(
        ['first marks on ' + fm.page + ' (article body)', 'median ms', 'max ms', 'goal'],
        [
          ['first page after the browser starts: first mark − load event', fmt(fm.coldMs, 0), fmt(fm.coldMs, 0), '≤ 1000'],
          ['warm: first mark − load event', fmt(percentile(fm.warmMs, 50), 0), fmt(Math.max(...fm.warmMs), 0), '≤ 300'],
          ['load event, with the extension', fmt(percentile(fm.loadWithMs, 50), 0), fmt(Math.max(...fm.loadWithMs), 0), ''],
          ['load event, same page, browser without the extension', fmt(percentile(fm.loadWithoutMs, 50), 0), fmt(Math.max(...fm.loadWithoutMs), 0), ''],
        ],
      )
    : '';
  return {
    title,
    body: [
      `Machine load when this suite started (uptime): ${loadAtStart}. A negative "first mark − load event" means the first mark was painted before the load event.`,
      firstMarks,
      `${f.chromium}, headless, medians of ${f.runs} page loads. "Busy" is the time the content script spent marking (its time slices); the wall time from script start to the last mark is longer because it yields to the page between slices. The peer is a script that only walks the page's text nodes.`,
      pages,
      heap,
      hover,
    ].join('\n\n'),
  };
}
