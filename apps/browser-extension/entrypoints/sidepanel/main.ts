/**
 * The panel that keeps "check this page" results (Chrome's side panel, Firefox's sidebar): it stays open while the
 * reader works on the page, follows the active tab, and shows the check kept for that tab (storage.session); the
 * findings themselves are painted on the page, and each listed one can be brought into view there.
 */
import { browser } from 'wxt/browser';
import { userMessage } from '../../lib/errors.js';
import { h } from '../../lib/dom.js';
import { localisePage, t } from '../../lib/i18n.js';
import { ask, checkKey, type PageCheckOnPage } from '../../lib/messages.js';
import { renderCheck } from '../../lib/render-results.js';

localisePage(document);
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const openReader = (id: string) => void ask({ type: 'open-reader', id });

/** The tab the panel speaks for: the active one (e2e: ?target=<url>, as the popup). */
async function activeTab() {
  const target = new URLSearchParams(location.search).get('target');
  const tabs = target ? (await browser.tabs.query({})).filter((x) => x.url?.startsWith(target)) : await browser.tabs.query({ active: true, currentWindow: true });
  return tabs[0];
}

function show(check: PageCheckOnPage | undefined, tabId: number): void {
  const box = $('result');
  if (!check) return void box.replaceChildren(h(document, 'p', { class: 'muted' }, t('panelEmpty')));
  const list = document.createElement('div');
  renderCheck(document, list, check, openReader);
  const total = check.report.conflicts.length + check.report.reused.length;
  const findings = [...check.report.conflicts, ...check.report.reused];
  let at = -1;
  const reveal = (delta: 1 | -1) => {
    if (!total) return;
    at = (at + delta + total) % total;
    void browser.tabs.sendMessage(tabId, { type: 'reveal-finding', index: at }).catch(() => undefined);
    $('finding-at').textContent = t('marksAt', [String(at + 1), String(total)]);
  };
  const nav = total
    ? h(document, 'div', { class: 'row found' },
        h(document, 'span', {}, t('panelFound', [String(check.found), String(total)])),
        h(document, 'button', { attrs: { type: 'button', 'aria-label': t('marksPrevious') }, on: { click: (e) => e.isTrusted && reveal(-1) } }, '‹'),
        h(document, 'span', { attrs: { id: 'finding-at' }, class: 'muted' }),
        h(document, 'button', { attrs: { type: 'button', 'aria-label': t('marksNext') }, on: { click: (e) => e.isTrusted && reveal(1) } }, '›'))
    : null;
  void findings;
  box.replaceChildren(h(document, 'p', { class: 'page' }, check.title || check.url), ...(nav ? [nav] : []), list);
}

async function refresh(): Promise<void> {
  const tab = await activeTab();
  if (tab?.id === undefined) return show(undefined, -1);
  const key = checkKey(tab.id);
  const stored = (await browser.storage.session?.get(key).catch(() => ({}))) as Record<string, PageCheckOnPage | undefined> | undefined;
  const check = stored?.[key];
  show(check && check.url === tab.url ? check : undefined, tab.id);
}

$('check').addEventListener('click', async (e) => {
  if (!e.isTrusted) return;
  const tab = await activeTab();
  const box = $('result');
  if (tab?.id === undefined) return void box.replaceChildren(h(document, 'p', { class: 'error' }, t('siteUnavailable')));
  box.replaceChildren(h(document, 'p', { class: 'muted' }, t('checking')));
  try {
    show(await ask({ type: 'check-page', tabId: tab.id }), tab.id);
  } catch (error) {
    box.replaceChildren(h(document, 'p', { class: 'error' }, `${t('checkFailed')}${userMessage(error)}`));
  }
});

browser.tabs.onActivated.addListener(() => void refresh());
browser.tabs.onUpdated.addListener((_id, change) => change.url !== undefined && void refresh());
browser.storage.onChanged.addListener((_changes, area) => area === 'session' && void refresh());
void refresh();
