import { browser, type Browser } from 'wxt/browser';
import { UserError } from './errors.js';
import { t } from './i18n.js';
import { extractArticleText } from './page-text.js';

/**
 * The tab a popup acts on: the active tab; e2e runs open the popup as a page
 * and name the fixture tab with `?target=<url>` instead.
 */
export async function targetTab(location: Location): Promise<Browser.tabs.Tab | undefined> {
  const target = new URLSearchParams(location.search).get('target');
  if (target) {
    const tabs = await browser.tabs.query({});
    return tabs.find((tab) => tab.url?.startsWith(target));
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

/** The page's article text: from the content script when it runs there, else injected once (activeTab). */
export async function pageArticleText(tabId: number): Promise<{ title: string; text: string }> {
  try {
    const reply = (await browser.tabs.sendMessage(tabId, { type: 'page-text' })) as { title: string; text: string } | undefined;
    if (reply?.text) return reply;
  } catch {
    // no content script in this tab
  }
  const [result] = await browser.scripting.executeScript({ target: { tabId }, func: extractArticleText });
  const value = result?.result as { title: string; text: string } | undefined;
  if (!value?.text) throw new UserError(t('errorPageEmpty'));
  return value;
}
