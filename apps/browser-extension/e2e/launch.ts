/**
 * The extension's test build (`build:e2e`) in fresh headless browsers: Chromium
 * through playwright-core, Firefox through puppeteer-core (Playwright's Firefox
 * cannot install extensions). One place for the paths, flags and profile
 * clean-up every e2e test and measuring script shares.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../wxt.config.js';
import { markingState } from './browser-helpers.js';
import { extensionRoot } from './expect-helpers.js';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
export const CHROME_BUILD = join(extensionRoot, '.output/chrome-mv3-e2e');
export const FIREFOX_BUILD = join(extensionRoot, '.output/firefox-mv2-e2e');
/** Fixed, so the tests know the extension's moz-extension:// origin. */
export const FIREFOX_UUID = '5b0f6a52-3c1e-4d8e-9a57-6a7e1c0d2f41';
export const FIREFOX_ORIGIN = `moz-extension://${FIREFOX_UUID}`;

/** Why a browser's e2e tests are skipped, or null when they can run. */
export function chromiumMissing(): string | null {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`;
  return existsSync(join(CHROME_BUILD, 'manifest.json')) ? null : `no test build in ${CHROME_BUILD} (pnpm build:e2e)`;
}
export function firefoxMissing(): string | null {
  if (!existsSync(FIREFOX)) return `no Firefox at ${FIREFOX}`;
  return existsSync(join(FIREFOX_BUILD, 'manifest.json')) ? null : `no test build in ${FIREFOX_BUILD} (pnpm build:e2e)`;
}

export interface ChromiumRun {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

export interface ChromiumOptions {
  /** The profile folder's name prefix (kept apart per test file). */
  prefix?: string;
  /** UI language, e.g. 'zh-CN' or 'en-US'; default: the machine's. */
  locale?: string;
  viewport?: { width: number; height: number } | null;
  extraArgs?: string[];
  /** Called with the new context before the extension starts (to see every request it makes). */
  onContext?: (context: BrowserContext) => void;
}

const DEFAULT_VIEWPORT = { width: 1100, height: 800 };

export async function launchChromium(options: ChromiumOptions = {}): Promise<ChromiumRun> {
  const profile = mkdtempSync(join(tmpdir(), options.prefix ?? 'jianbao-chromium-'));
  const removeProfile = () => rmSync(profile, { recursive: true, force: true });
  const { locale } = options;
  const posix = locale?.replace('-', '_').replace(/_US$/, '');
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      ...(options.viewport !== null ? { viewport: options.viewport ?? DEFAULT_VIEWPORT } : {}),
      ...(locale ? { locale, env: { ...process.env, LANGUAGE: posix!, LANG: `${posix}.UTF-8` } } : {}),
      args: [
        `--disable-extensions-except=${CHROME_BUILD}`, `--load-extension=${CHROME_BUILD}`, ...(locale ? [`--lang=${locale}`] : []),
        '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', ...(options.extraArgs ?? []),
      ],
    });
    // Every Playwright wait (events, functions, locator actions) with a limit generous enough for a loaded 2-core machine.
    context.setDefaultTimeout(150_000);
    options.onContext?.(context);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const opened = context;
    return {
      context: opened,
      worker,
      extensionId: new URL(worker.url()).host,
      async close() {
        await opened.close();
        removeProfile();
      },
    };
  } catch (error) {
    await context?.close();
    removeProfile();
    throw error;
  }
}

export interface FirefoxRun {
  browser: Browser;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/** Firefox in zh-CN (it may still show English where no zh-CN language pack is installed) with the extension installed. */
export async function launchFirefox(options: { prefix?: string } = {}): Promise<FirefoxRun> {
  const profile = mkdtempSync(join(tmpdir(), options.prefix ?? 'jianbao-firefox-'));
  const removeProfile = () => rmSync(profile, { recursive: true, force: true });
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      userDataDir: profile,
      defaultViewport: DEFAULT_VIEWPORT,
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
        'intl.locale.requested': 'zh-CN',
        'intl.accept_languages': 'zh-CN, zh',
      },
    });
    await browser.installExtension(FIREFOX_BUILD);
    const opened = browser;
    return {
      browser: opened,
      async close() {
        await opened.close();
        removeProfile();
      },
    };
  } catch (error) {
    await browser?.close();
    removeProfile();
    throw error;
  }
}

/**
 * Opens a page of the extension in Firefox through the test build's bridge (content script → background →
 * tabs.create): automation cannot navigate to moz-extension://. Puppeteer may keep reporting the new tab as
 * about:blank, so each new page is asked where it is. Waits on that state, up to `timeoutMs`.
 */
export async function openExtensionPage(browser: Browser, from: Page, path: string, timeoutMs = 150_000): Promise<Page> {
  const wanted = `${FIREFOX_ORIGIN}${path}`;
  const before = new Set(await browser.pages());
  await from.evaluate((p) => window.postMessage({ jianbaoE2eOpen: p }, '*'), path);
  const deadline = Date.now() + timeoutMs;
  const seen = new Set<string>();
  for (;;) {
    for (const page of await browser.pages()) {
      if (before.has(page)) continue;
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href === wanted) {
        await page.setViewport({ width: 1000, height: 800 });
        return page;
      }
      seen.add(href || '(no address yet)');
    }
    if (Date.now() > deadline) throw new Error(`${wanted} did not open within ${timeoutMs / 1000} s; new pages: ${[...seen].join(', ') || 'none'}`);
    await new Promise((resolve) => setTimeout(resolve, 250)); // poll interval, not a wait for the result
  }
}

/** Opens `url` in a new page and waits until the content script reports marking done; says the last state seen. */
export async function openMarkedPage(browser: Browser, url: string, timeoutMs = 150_000): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { state } = await page.evaluate(markingState);
    if (state === 'done') return page;
    if (Date.now() > deadline) throw new Error(`${url} was not marked within ${timeoutMs / 1000} s; marking state: ${state ?? 'none (no content script)'}`);
    await new Promise((resolve) => setTimeout(resolve, 250)); // poll interval, not a wait for the result
  }
}
