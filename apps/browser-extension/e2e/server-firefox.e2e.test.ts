/**
 * The built extension in real Firefox against a newsroom server the test starts on 127.0.0.1 (PGlite in a
 * temporary folder, a token created here): Options connect (host permission for that host only), the search page
 * and hover cards are answered by the server, and when it stops the local archive answers with the status shown.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cardData } from '../lib/remote-archive.js';
import { cardState, collectMarks } from './browser-helpers.js';
import { en, firstMarkWithText, format, resultsDir, zh } from './expect-helpers.js';
import { startFixtures, type Fixtures } from './fixtures.js';
import { FIREFOX_ORIGIN, firefoxMissing, launchFirefox, openExtensionPage, openMarkedPage, type FirefoxRun } from './launch.js';
import { SERVER_ARCHIVE_NAME, SERVER_ONLY_QUERY, SERVER_ONLY_TITLE, startNewsroomServer, type NewsroomServer } from './newsroom-server.js';
import { showPagesOnFailure } from './on-failure.js';

const skip = firefoxMissing();
if (skip) console.warn(`firefox server e2e skipped: ${skip}`);
const ORIGIN = FIREFOX_ORIGIN;

describe.skipIf(!!skip)('extension in Firefox with a newsroom server', () => {
  let run: FirefoxRun;
  let browser: Browser;
  let fx: Fixtures;
  let server: NewsroomServer;
  let m = zh;

  beforeAll(async () => {
    fx = await startFixtures();
    mkdirSync(resultsDir, { recursive: true });
    run = await launchFirefox({ prefix: 'jianbao-firefox-server-' });
    ({ browser } = run);
    showPagesOnFailure(() => browser.pages());
    server = await startNewsroomServer(fx, [ORIGIN]);
  });

  afterAll(async () => {
    await run?.close();
    await server?.close();
    await fx?.close();
  });

  const openMarked = (path: string) => openMarkedPage(browser, fx.url(path));

  const status = (page: Page) => page.$eval('#server-status', (el) => ({ state: (el as HTMLElement).dataset.state, text: el.textContent }));

  test('Options connect to the server; the search page and hover cards are answered by it', async () => {
    const article = await openMarked('/plain.html');
    const options = await openExtensionPage(browser, article, '/options.html');
    // Firefox may show the UI in English (no zh-CN language pack): the page's own heading says which.
    await expect.poll(() => options.$eval('h1', (h) => h.textContent)).not.toBe('');
    m = (await options.$eval('h1', (h) => h.textContent)) === en.optionsTitle!.message ? en : zh;
    await options.type('#server-url', server.url);
    await options.type('#server-token', server.token);
    await options.click('#server-save');
    const revision = await server.client.revision();
    await expect.poll(() => status(options)).toEqual({ state: 'connected', text: format(m, 'serverConnected', [server.url, SERVER_ARCHIVE_NAME, revision.articles]) });
    await options.screenshot({ path: join(resultsDir, 'firefox-server-options.png'), fullPage: true });
    await options.close();

    const search = await openExtensionPage(browser, article, '/search.html');
    const expected = (await server.client.search(SERVER_ONLY_QUERY, { limit: 20 })).hits.map((h) => h.title);
    expect(expected[0]).toBe(SERVER_ONLY_TITLE);
    await search.type('#query', SERVER_ONLY_QUERY);
    await search.keyboard.press('Enter');
    await expect.poll(() => search.$$eval('#results .title', (els) => els.map((e) => e.textContent))).toEqual(expected);
    await search.screenshot({ path: join(resultsDir, 'firefox-server-search.png') });
    await search.close();
    await article.close();

    // A page opened now is marked with the server's matcher; its cards come from the server.
    const page = await openMarked('/plain.html');
    const first = fx.expected['/plain.html']![0]!;
    const card = cardData((await server.client.term(first.termId))!);
    const target = firstMarkWithText(await page.evaluate(collectMarks), first.text)!;
    await page.mouse.move(target.x - 2, target.y);
    await page.mouse.move(target.x, target.y, { steps: 2 });
    await expect.poll(() => page.evaluate(cardState).then((c) => c.articles)).toEqual(card.articles.map((a) => a.title));
    await page.screenshot({ path: join(resultsDir, 'firefox-server-card.png') });
    await page.close();
  });

  test('the server stops: Options say the local archive answers', async () => {
    await server.stop();
    const article = await openMarked('/plain.html');
    const options = await openExtensionPage(browser, article, '/options.html');
    await expect.poll(() => status(options)).toEqual({ state: 'unreachable', text: format(m, 'serverFallback', [server.url, m.serverState_unreachable!.message]) });
    await options.screenshot({ path: join(resultsDir, 'firefox-server-fallback-options.png'), fullPage: true });
    await options.close();
    await article.close();
  });
});
