/**
 * Screenshots of what a user meets, in both UI languages (zh_CN, en) and both colour schemes, in real Chromium:
 * the regional news page with its body marked and a card opened from the keyboard, the popup, the side panel
 * after "check this page", and Options. Written to test-results/ (gitignored) to be looked at; the checks here are
 * only that each surface speaks the launched language.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cardState, markingState } from './browser-helpers.js';
import { en, format, resultsDir, zh } from './expect-helpers.js';
import { startFixtures, type Fixtures } from './fixtures.js';
import { chromiumMissing, launchChromium, type ChromiumRun } from './launch.js';

const skip = chromiumMissing();

describe.skipIf(!!skip)('screenshots in zh_CN and en, light and dark (Chromium)', () => {
  let fx: Fixtures;
  beforeAll(async () => {
    fx = await startFixtures();
    mkdirSync(resultsDir, { recursive: true });
  });
  afterAll(async () => fx?.close());

  for (const [locale, lang, messages] of [['zh_CN', 'zh-CN', zh], ['en', 'en-US', en]] as const) {
    test(`${locale}: page with a keyboard-opened card, popup, side panel, options`, async () => {
      let run: ChromiumRun | undefined;
      try {
        run = await launchChromium({ prefix: `jianbao-shots-${locale}-`, locale: lang });
        const { context, worker, extensionId: id } = run;
        const page = await context.newPage();
        await page.goto(fx.url('/regional.html'));
        await expect.poll(() => page.evaluate(markingState).then((s) => s.state)).toBe('done');
        await worker.evaluate(async (url) => {
          const g = globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<unknown[]> } }; jianbaoCommand(n: string, t: unknown): Promise<unknown> };
          const [tab] = await g.chrome.tabs.query({ url: `${url}*` });
          await g.jianbaoCommand('next-mark', tab);
          await g.jianbaoCommand('check-page', tab);
        }, fx.url('/regional.html'));
        await expect.poll(() => page.evaluate(cardState).then((c) => c.visible && !!c.articles)).toBe(true);
        expect((await page.evaluate(cardState)).text).toContain(messages.cardCopy!.message);
        const surfaces: [string, string, { width: number; height: number }][] = [
          ['popup', `popup.html?target=${encodeURIComponent(fx.url('/regional.html'))}`, { width: 400, height: 600 }],
          ['sidepanel', `sidepanel.html?target=${encodeURIComponent(fx.url('/regional.html'))}`, { width: 400, height: 760 }],
          ['options', 'options.html', { width: 900, height: 900 }],
        ];
        for (const scheme of ['light', 'dark'] as const) {
          await page.bringToFront();
          await page.emulateMedia({ colorScheme: scheme });
          await page.screenshot({ path: join(resultsDir, `shot-${locale}-${scheme}-page-card.png`) });
          for (const [name, path, size] of surfaces) {
            const p = await context.newPage();
            await p.emulateMedia({ colorScheme: scheme });
            await p.setViewportSize(size);
            await p.goto(`chrome-extension://${id}/${path}`);
            await expect.poll(() => p.evaluate(() => document.body.innerText.length)).toBeGreaterThan(20);
            if (name === 'popup') await expect.poll(() => p.locator('#marks-count').textContent()).not.toBe('');
            if (name === 'sidepanel') await expect.poll(() => p.locator('#result .summary').count()).toBe(1);
            expect(await p.evaluate(() => document.documentElement.lang)).toMatch(locale === 'en' ? /^en/ : /^zh/);
            await p.screenshot({ path: join(resultsDir, `shot-${locale}-${scheme}-${name}.png`) });
            await p.close();
          }
        }
        // The search page with a malformed query and with a paper the archive lacks: core's problem worded in the
        // launched language, never core's English (in en the wording matches core's, so the message key is checked).
        const search = await context.newPage();
        await search.setViewportSize({ width: 900, height: 700 });
        await search.goto(`chrome-extension://${id}/search.html`);
        await search.locator('#query').fill('"千万工程');
        await search.locator('#query').press('Enter');
        const unclosed = format(messages, 'searchError', [format(messages, 'searchMsg_unclosedQuote', [1])]);
        await expect.poll(() => search.locator('#error').textContent()).toBe(unclosed);
        await search.screenshot({ path: join(resultsDir, `shot-${locale}-search-error.png`) });
        await search.locator('#query').fill('千万工程 date:2025-02-30');
        await search.locator('#query').press('Enter');
        await expect.poll(() => search.locator('#error').textContent()).toBe(format(messages, 'searchError', [format(messages, 'searchMsg_impossibleDay', ['2025-02-30', '2025-02', 28])]));
        await search.close();
      } finally {
        await run?.close();
      }
    });
  }
});
