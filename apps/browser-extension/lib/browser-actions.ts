/**
 * What the keyboard commands and the context menu do (the background wires them; e2e builds call them directly,
 * since a headless browser delivers no browser-level shortcuts).
 */
import { browser, type Browser } from 'wxt/browser';
import { t } from './i18n.js';
import { checkKey, type PageCheck, type PageCheckOnPage } from './messages.js';
import type { Finding } from './page-findings.js';
import { pageArticleText } from './tabs.js';
import { loadSettings, markingDisabledOn, updateSettings } from './settings.js';
import { hostInDomain } from './sites.js';

export type CommandName = 'toggle-marking' | 'open-search' | 'check-page' | 'next-mark' | 'previous-mark';
export const SEARCH_MENU_ID = 'jianbao-search-selection';

/** The archive search page, with a query when given (a selection from the context menu). */
export async function openSearch(query?: string): Promise<void> {
  const q = query?.replace(/\s+/g, ' ').trim().slice(0, 200);
  await browser.tabs.create({ url: browser.runtime.getURL(q ? `/search.html?q=${encodeURIComponent(q)}` : '/search.html') });
}

/** Marking on this site on or off (the popup's switch); a site not in the run-list is left alone (adding it needs the popup's permission prompt). */
export async function toggleMarking(tab: Browser.tabs.Tab | undefined): Promise<boolean | null> {
  const host = tab?.url && /^https?:/.test(tab.url) ? new URL(tab.url).hostname : null;
  if (!host) return null;
  const settings = await loadSettings();
  const off = markingDisabledOn(settings, host);
  await updateSettings((s) => void (s.disabledSites = off ? s.disabledSites.filter((d) => !hostInDomain(host, d)) : [...new Set([...s.disabledSites, host])]));
  return off; // true: marking is now on
}

/** The next or previous mark on the tab's page, its card opened with focus; null when the page has no content script. */
export async function stepMark(tab: Browser.tabs.Tab | undefined, delta: 1 | -1): Promise<{ count: number; index: number } | null> {
  if (tab?.id === undefined) return null;
  try {
    return (await browser.tabs.sendMessage(tab.id, { type: 'mark-step', delta })) as { count: number; index: number };
  } catch {
    return null;
  }
}

export function createMenus(): void {
  browser.contextMenus.removeAll(() => {
    browser.contextMenus.create({ id: SEARCH_MENU_ID, title: t('menuSearchSelection'), contexts: ['selection'] });
  });
}

/** Paints a check's findings on the tab's page (injecting the content script where it is not running: activeTab). */
export async function showFindingsOnPage(tabId: number, draft: string, check: PageCheck): Promise<number> {
  const findings: Finding[] = [
    ...check.report.conflicts.map((c) => ({ kind: 'conflict' as const, start: c.start, end: c.end })),
    ...check.report.reused.map((r) => ({ kind: 'reused' as const, start: r.start, end: r.end })),
  ];
  const send = () => browser.tabs.sendMessage(tabId, { type: 'show-check', draft, findings }) as Promise<number>;
  try {
    return await send();
  } catch {
    await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/content.js'] });
    await browser.scripting.insertCSS?.({ target: { tabId }, files: ['/content-scripts/content.css'] }).catch(() => undefined);
    return await send();
  }
}

/** Checks a tab's page against the archive, paints the findings on it and keeps the result for the side panel. */
export async function checkTab(tabId: number, check: (text: string) => Promise<PageCheck>): Promise<PageCheckOnPage> {
  const tab = await browser.tabs.get(tabId);
  const page = await pageArticleText(tabId);
  const result = await check(page.text);
  const found = await showFindingsOnPage(tabId, page.text, result).catch(() => 0);
  const value: PageCheckOnPage = { ...result, url: tab.url ?? '', title: page.title, found, at: Date.now() };
  await browser.storage.session?.set({ [checkKey(tabId)]: value }).catch(() => undefined);
  return value;
}

/** Opens the panel that keeps a check's results (Chrome's side panel, Firefox's sidebar); must run in a user gesture. */
export function openCheckPanel(tabId: number | undefined): void {
  const b = browser as unknown as { sidePanel?: { open(o: { tabId?: number; windowId?: number }): Promise<void> }; sidebarAction?: { open(): Promise<void> } };
  if (b.sidePanel && tabId !== undefined) void b.sidePanel.open({ tabId }).catch(() => undefined);
  else void b.sidebarAction?.open().catch(() => undefined);
}
