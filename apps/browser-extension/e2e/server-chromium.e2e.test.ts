/**
 * The built extension in real Chromium against a newsroom server the test starts on 127.0.0.1 (PGlite in a
 * temporary folder, a token created here): Options connect to it, then search, hover cards, page checks and the
 * matcher come from it; when it stops, the local archive answers and the popup and Options say so.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryArchive } from '../lib/archive-service.js';
import { extractArticleText } from '../lib/page-text.js';
import { cardData } from '../lib/remote-archive.js';
import { cardState, collectMarks, markingState } from './browser-helpers.js';
import { firstMarkWithText, format, resultsDir, zh } from './expect-helpers.js';
import { startFixtures, type Fixtures } from './fixtures.js';
import { chromiumMissing, launchChromium, type ChromiumRun } from './launch.js';
import { SERVER_ARCHIVE_NAME, SERVER_ONLY_QUERY, SERVER_ONLY_TITLE, startNewsroomServer, type NewsroomServer } from './newsroom-server.js';
import { showPagesOnFailure } from './on-failure.js';

const skip = chromiumMissing();
if (skip) console.warn(`chromium server e2e skipped: ${skip}`);

describe.skipIf(!!skip)('extension in Chromium with a newsroom server', () => {
  let run: ChromiumRun;
  let context: BrowserContext;
  let fx: Fixtures;
  let server: NewsroomServer;
  let extensionId: string;

  beforeAll(async () => {
    fx = await startFixtures();
    mkdirSync(resultsDir, { recursive: true });
    run = await launchChromium({ prefix: 'jianbao-chromium-server-', locale: 'zh-CN' });
    ({ context, extensionId } = run);
    showPagesOnFailure(() => context.pages());
    server = await startNewsroomServer(fx, [`chrome-extension://${extensionId}`]);
  });

  afterAll(async () => {
    await run?.close();
    await server?.close();
    await fx?.close();
  });

  const extensionPage = async (path: string) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}${path}`);
    return page;
  };
  const status = (page: Page) => page.locator('#server-status').evaluate((el) => ({ state: (el as HTMLElement).dataset.state, text: el.textContent }));

  test('Options: a server address and token connect; the status says which archive answers', async () => {
    const options = await extensionPage('/options.html');
    await options.locator('#server-url').fill('not an address');
    await options.locator('#server-token').fill(server.token);
    await options.locator('#server-save').click();
    await expect.poll(() => options.locator('#server-status').textContent()).toBe(format(zh, 'optionsServerBadUrl', ['not an address']));
    await options.locator('#server-url').fill(`${server.url}/`);
    await options.locator('#server-token').fill(server.token);
    await options.locator('#server-save').click();
    const revision = await server.client.revision();
    await expect.poll(() => status(options)).toEqual({ state: 'connected', text: format(zh, 'serverConnected', [server.url, SERVER_ARCHIVE_NAME, revision.articles]) });
    await expect.poll(() => options.locator('#archive-info').textContent()).toBe(`${zh.optionsArchiveServer!.message} ${format(zh, 'archiveSummary', [SERVER_ARCHIVE_NAME, revision.articles])}`);
    // The token is kept in extension storage (local, not sync) and never shown again.
    expect(await options.locator('#server-token').inputValue()).toBe('');
    const stored = await options.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> }; sync: { get(): Promise<Record<string, unknown>> } } } }).chrome;
      return { local: (await c.storage.local.get('server')).server, sync: await c.storage.sync.get() };
    });
    expect(stored).toEqual({ local: { url: server.url, token: server.token }, sync: {} });
    await options.screenshot({ path: join(resultsDir, 'chromium-server-options.png'), fullPage: true });
    await options.close();
  });

  test('popup: the status, and search answered by the server', async () => {
    const popup = await extensionPage(`/popup.html?target=${encodeURIComponent(fx.url('/plain.html'))}`);
    await popup.setViewportSize({ width: 400, height: 600 });
    await expect.poll(() => status(popup).then((s) => s.state)).toBe('connected');
    const expected = (await server.client.search(SERVER_ONLY_QUERY, { limit: 8 })).hits.map((h) => h.title);
    expect(expected[0]).toBe(SERVER_ONLY_TITLE);
    expect(queryArchive(fx.archive, SERVER_ONLY_QUERY, { limit: 8 }).hits.map((h) => h.title)).not.toContain(SERVER_ONLY_TITLE);
    await popup.locator('#query').fill(SERVER_ONLY_QUERY);
    await expect.poll(() => popup.locator('#results .title').allTextContents()).toEqual(expected);
    await popup.screenshot({ path: join(resultsDir, 'chromium-server-popup.png') });
    await popup.close();
  });

  test('marking uses the server’s matcher; hover cards and the page check come from the server', async () => {
    const page = await context.newPage();
    await page.goto(fx.url('/plain.html'));
    await expect.poll(() => page.evaluate(markingState).then((s) => s.state), { interval: 200 }).toBe('done');
    const marks = await page.evaluate(collectMarks);
    expect(marks.length).toBeGreaterThan(0);
    // The matcher the page was marked with is the server's section (revision 1), not the local one.
    const { worker } = run;
    expect(await worker.evaluate(() => (globalThis as unknown as { jianbaoService: { matcher(): Promise<{ revision: string }> } }).jianbaoService.matcher().then((r) => r.revision))).toBe(`server:${server.url}#1`);
    const first = fx.expected['/plain.html']![0]!;
    const card = cardData((await server.client.term(first.termId))!);
    expect(card.articles[0]!.title).toBe(SERVER_ONLY_TITLE); // newest, and only on the server
    const target = firstMarkWithText(marks, first.text)!;
    await page.mouse.move(target.x - 2, target.y);
    await page.mouse.move(target.x, target.y, { steps: 2 });
    await expect.poll(() => page.evaluate(cardState).then((c) => c.articles)).toEqual(card.articles.map((a) => a.title));
    await page.screenshot({ path: join(resultsDir, 'chromium-server-card.png') });
    await page.keyboard.press('Escape');

    const text = (await page.evaluate(extractArticleText)).text;
    const { related, reused, conflicts } = await server.client.xref(text, { markdown: false });
    expect(reused.some((r) => r.title === SERVER_ONLY_TITLE) || related.some((r) => r.title === SERVER_ONLY_TITLE)).toBe(true);
    const popup = await extensionPage(`/popup.html?target=${encodeURIComponent(fx.url('/plain.html'))}`);
    await popup.locator('#check').click();
    await expect.poll(() => popup.locator('#check-result .summary').textContent()).toBe(format(zh, 'checkSummary', [reused.length, conflicts.length, related.length]));
    await expect.poll(() => popup.locator('#check-result').textContent()).toContain(SERVER_ONLY_TITLE);
    await popup.locator('#check-result').screenshot({ path: join(resultsDir, 'chromium-server-check.png') });
    await popup.close();
    await page.close();
  });

  test('the server stops: the local archive answers, and the popup and Options say so', async () => {
    await server.stop();
    const fallback = format(zh, 'serverFallback', [server.url, zh.serverState_unreachable!.message]);
    const popup = await extensionPage(`/popup.html?target=${encodeURIComponent(fx.url('/plain.html'))}`);
    await popup.setViewportSize({ width: 400, height: 600 });
    await expect.poll(() => status(popup)).toEqual({ state: 'unreachable', text: fallback });
    const query = fx.expected['/plain.html']![0]!.text;
    await popup.locator('#query').fill(query);
    await expect.poll(() => popup.locator('#results .title').allTextContents()).toEqual(queryArchive(fx.archive, query, { limit: 8 }).hits.map((h) => h.title));
    await popup.screenshot({ path: join(resultsDir, 'chromium-server-fallback-popup.png') });
    await popup.close();

    // Pages are marked from the local archive meanwhile, and their cards too.
    const page = await context.newPage();
    await page.goto(fx.url('/plain.html'));
    await expect.poll(() => page.evaluate(markingState).then((s) => s.state), { interval: 200 }).toBe('done');
    const target = firstMarkWithText(await page.evaluate(collectMarks), fx.expected['/plain.html']![0]!.text)!;
    await page.mouse.move(target.x - 2, target.y);
    await page.mouse.move(target.x, target.y, { steps: 2 });
    await expect.poll(() => page.evaluate(cardState).then((c) => c.visible)).toBe(true);
    expect((await page.evaluate(cardState)).articles).not.toContain(SERVER_ONLY_TITLE);
    await page.close();

    const options = await extensionPage('/options.html');
    await expect.poll(() => status(options)).toEqual({ state: 'unreachable', text: fallback });
    await options.screenshot({ path: join(resultsDir, 'chromium-server-fallback-options.png'), fullPage: true });
    // Disconnecting goes back to the local archive alone: no status line, no more requests.
    await options.locator('#server-remove').click();
    await expect.poll(() => options.locator('#server-status').textContent()).toBe(zh.optionsServerRemoved!.message);
    await expect.poll(() => options.locator('#archive-info').textContent()).toContain(zh.optionsArchiveDefault!.message);
    await options.close();
  });
});
