/**
 * The built extension (pnpm build:e2e → .output/firefox-mv2-e2e) in real
 * Firefox (Debian `firefox-esr`, or $FIREFOX) driven by puppeteer-core over
 * WebDriver BiDi, installed as a temporary add-on with a pinned internal UUID.
 * Automation cannot navigate to moz-extension:// pages, so the test build's
 * content script forwards a page message asking the background to open them
 * with tabs.create. Skips cleanly when Firefox is not installed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createBundle, loadArchive, serializeBundle, type BundleError } from '@jianbao/core';
import { crossReference, queryArchive } from '../lib/archive-service.js';
import { extractArticleText } from '../lib/page-text.js';
import { cardState, collectMarks, markingState } from './browser-helpers.js';
import { en, firstMarkWithText, format, resultsDir, serviceFor, zh } from './expect-helpers.js';
import { markKeys, startFixtures, type Fixtures } from './fixtures.js';
import { firefoxMissing, launchFirefox, openExtensionPage, openMarkedPage, type FirefoxRun } from './launch.js';
import { showPagesOnFailure } from './on-failure.js';

const skip = firefoxMissing();
if (skip) console.warn(`firefox e2e skipped: ${skip}`);

describe.skipIf(!!skip)('extension in Firefox', () => {
  let browser: Browser;
  let fx: Fixtures;
  let run: FirefoxRun;
  /** Firefox may show the UI in English (no zh-CN language pack): accept whichever locale it picked, but only these two. */
  let m = zh;

  beforeAll(async () => {
    fx = await startFixtures();
    mkdirSync(resultsDir, { recursive: true });
    run = await launchFirefox();
    ({ browser } = run);
    showPagesOnFailure(() => browser.pages());
  });

  afterAll(async () => {
    await run?.close();
    await fx?.close();
  });

  const openMarked = (path: string) => openMarkedPage(browser, fx.url(path));

  async function hover(page: Page, mark: { x: number; y: number }): Promise<void> {
    await page.mouse.move(mark.x - 2, mark.y);
    await page.mouse.move(mark.x, mark.y, { steps: 2 });
  }

  test('marks the plain, late-injected, strict-CSP and split-term pages with highlights', async () => {
    for (const path of ['/plain.html', '/strict.html', '/split.html', '/regional.html']) {
      const page = await openMarked(path);
      expect(markKeys(await page.evaluate(collectMarks)), path).toEqual(markKeys(fx.expected[path]!));
      expect(await page.evaluate(() => document.querySelectorAll('mark').length)).toBe(0);
      if (path === '/strict.html') expect(await page.evaluate(() => document.documentElement.dataset.tt)).toBe('enforced');
      await page.close();
    }
    const late = await browser.newPage();
    await late.goto(fx.url('/late.html'));
    await late.waitForFunction(() => document.documentElement.dataset.injected === '1', { timeout: 150_000 });
    await expect.poll(async () => markKeys(await late.evaluate(collectMarks))).toEqual(markKeys(fx.expected['/late.html']!));
    await late.close();
  });

  test('hover card shows the term’s kind and archive articles, stays in the viewport, Esc closes it; the reader opens', async () => {
    const page = await openMarked('/plain.html');
    const first = fx.expected['/plain.html']![0]!;
    const target = firstMarkWithText(await page.evaluate(collectMarks), first.text)!;
    const expected = (await serviceFor(fx.archive).card(first.termId))!;
    await hover(page, target);
    await expect.poll(() => page.evaluate(cardState).then((c) => c.articles)).toEqual(expected.articles.map((a) => a.title));
    const card = await page.evaluate(cardState);
    m = card.kind === en[`kind_${expected.term.kind}`]!.message ? en : zh;
    expect(card.kind).toBe(m[`kind_${expected.term.kind}`]!.message);
    expect(card.term).toBe(expected.term.name);
    expect(card.shadowOpen).toBe(false);
    expect(card.rect!.left).toBeGreaterThanOrEqual(0);
    expect(card.rect!.bottom).toBeLessThanOrEqual(800);
    expect(card.rect!.right - card.rect!.left).toBeLessThanOrEqual(362);
    await page.screenshot({ path: join(resultsDir, 'firefox-card.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(cardState).then((c) => c.visible)).toBe(false);

    const reader = await openExtensionPage(browser, page, `/reader.html?id=${expected.articles[0]!.id}`);
    await expect.poll(() => reader.evaluate(() => document.querySelector('article h1')?.textContent)).toBe(expected.articles[0]!.title);
    await expect.poll(() => reader.evaluate(markingState).then((s) => s.marks)).toBeGreaterThan(0);
    await reader.close();
    await page.close();
  });

  test('popup: search and page check', async () => {
    const article = await openMarked('/plain.html');
    const popup = await openExtensionPage(browser, article, `/popup.html?target=${encodeURIComponent(fx.url('/plain.html'))}`);
    const query = fx.expected['/plain.html']![0]!.text;
    const hits = queryArchive(fx.archive, query, { limit: 8 }).hits;
    await popup.waitForSelector('#query', { timeout: 150_000 });
    await popup.type('#query', query);
    await expect.poll(() => popup.$$eval('#results .title', (els) => els.map((e) => e.textContent))).toEqual(hits.map((h) => h.title));
    await popup.screenshot({ path: join(resultsDir, 'firefox-popup-search.png') });
    const report = crossReference(fx.archive, (await article.evaluate(extractArticleText)).text);
    await popup.click('#check');
    await expect.poll(() => popup.evaluate(() => document.querySelector('#check-result .summary')?.textContent)).toBe(
      format(m, 'checkSummary', [report.reused.length, report.conflicts.length, report.related.length]),
    );
    await popup.close();
    await article.close();
  });

  test('options: a bad bundle is refused with core’s reason, a good one is imported, then back to the default', async () => {
    const page = await openMarked('/plain.html');
    const options = await openExtensionPage(browser, page, '/options.html');
    await expect.poll(() => options.evaluate(() => document.getElementById('archive-info')?.textContent ?? '')).toContain(fx.archive.meta.name);
    const goodText = serializeBundle(createBundle(fx.archive.articles.slice(0, 4), { name: 'Firefox 导入档案' }));
    const bad = goodText.slice(0, 200);
    const reason = (() => {
      try {
        loadArchive(bad);
        return '';
      } catch (error) {
        return format(m, `bundleError_${(error as BundleError).code.replace(/-/g, '_')}`);
      }
    })();
    const dir = mkdtempSync(join(tmpdir(), 'jianbao-bundles-'));
    writeFileSync(join(dir, 'broken.json'), bad);
    writeFileSync(join(dir, 'mine.json'), goodText);
    const input = (await options.$('input#bundle-file'))!;
    await input.uploadFile(join(dir, 'broken.json'));
    await expect.poll(() => options.evaluate(() => document.querySelector('#import-status.error')?.textContent)).toBe(format(m, 'optionsImportFailed', ['broken.json', reason]));
    await input.uploadFile(join(dir, 'mine.json'));
    await expect.poll(() => options.evaluate(() => document.querySelector('#import-status.ok')?.textContent)).toBe(format(m, 'optionsImported', ['Firefox 导入档案', 4]));
    await options.click('#use-default');
    await expect.poll(() => options.evaluate(() => document.getElementById('archive-info')?.textContent ?? '')).toContain(fx.archive.meta.name);
    rmSync(dir, { recursive: true, force: true });
    await options.close();
    await page.close();
  });
});
