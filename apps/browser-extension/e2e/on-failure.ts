/**
 * When an end-to-end test fails, what the browser showed: a screenshot of each
 * open page (in test-results/) and its visible text, printed with the failure.
 * A test file names its browser once (`showPagesOnFailure(() => context.pages())`);
 * every test after that is covered.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach } from 'vitest';
import { resultsDir } from './expect-helpers.js';

interface AnyPage {
  url(): string;
  screenshot(options: { path: string }): Promise<unknown>;
  evaluate<T>(fn: () => T): Promise<T>;
}

let pagesOf: (() => AnyPage[] | Promise<AnyPage[]>) | undefined;
let shots = 0;

export function showPagesOnFailure(pages: () => AnyPage[] | Promise<AnyPage[]>): void {
  pagesOf = pages;
}

beforeEach((context) => {
  context.onTestFailed(async () => {
    if (!pagesOf) return;
    mkdirSync(resultsDir, { recursive: true });
    const pages = await Promise.resolve(pagesOf()).catch(() => []);
    for (const page of pages) {
      const path = join(resultsDir, `failure-${++shots}.png`);
      await page.screenshot({ path }).catch(() => undefined);
      const text = await page.evaluate(() => document.body?.innerText ?? '').catch(() => '(page gone)');
      console.error(`[${context.task.name}] ${page.url()}: screenshot ${path}; the page showed:\n${String(text).replace(/\n\s*\n/g, '\n').slice(0, 2000)}`);
    }
  });
});
