import { browser } from 'wxt/browser';
import { t, localisePage, tCount } from '../../lib/i18n.js';
import { openCheckPanel, stepMark } from '../../lib/browser-actions.js';
import { UserError, userMessage } from '../../lib/errors.js';
import { ask } from '../../lib/messages.js';
import { renderCheck, renderResult } from '../../lib/render-results.js';
import { showServerStatus } from '../../lib/server-status.js';
import { handOverQuery } from '../../lib/search-handoff.js';
import { loadSettings, markingDisabledOn, updateSettings } from '../../lib/settings.js';
import { DEFAULT_NEWS_DOMAINS, hostInDomain, patternsForDomain } from '../../lib/sites.js';
import { pageArticleText, targetTab } from '../../lib/tabs.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
localisePage(document);

const openReader = (id: string) => void ask({ type: 'open-reader', id }).then(() => closeUnlessTest());
const isTest = new URLSearchParams(location.search).has('target');
const closeUnlessTest = () => !isTest && window.close();

async function showArchive(): Promise<void> {
  const info = await ask({ type: 'archive-info' });
  $('archive').textContent = tCount('archiveSummary', info.articleCount, [info.name, String(info.articleCount)]);
  showServerStatus($('server-status'), info);
}

let searchTimer: ReturnType<typeof setTimeout> | undefined;
let searchSeq = 0;
async function search(): Promise<void> {
  const query = $<HTMLInputElement>('query').value.trim();
  const list = $('results');
  const seq = ++searchSeq;
  if (!query) return void list.replaceChildren();
  // Core's query syntax, as on the search page and in VS Code.
  const result = await ask({ type: 'query', text: query, options: { limit: 8 } });
  if (seq === searchSeq) renderResult(document, list, result, openReader);
}
$('query').addEventListener('input', () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => void search(), 150);
});
$('search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  void search();
});

async function setUpSiteToggle(): Promise<void> {
  const tab = await targetTab(location);
  const toggle = $<HTMLInputElement>('site-toggle');
  const host = tab?.url && /^https?:/.test(tab.url) ? new URL(tab.url).hostname : null;
  if (!host) {
    toggle.disabled = true;
    $('site-label').textContent = t('siteUnavailable');
    return;
  }
  const render = async () => {
    const settings = await loadSettings();
    const listed = settings.everywhere || [...DEFAULT_NEWS_DOMAINS, ...settings.userSites].some((d) => hostInDomain(host, d)) || isTest;
    toggle.checked = listed && !markingDisabledOn(settings, host);
    $('site-label').textContent = t('siteToggle', host);
    $('site-note').textContent = listed ? '' : t('siteNotListed');
  };
  await render();
  toggle.addEventListener('change', async (e) => {
    if (!e.isTrusted) return;
    if (toggle.checked) {
      const settings = await loadSettings();
      const listed = settings.everywhere || [...DEFAULT_NEWS_DOMAINS, ...settings.userSites].some((d) => hostInDomain(host, d)) || isTest;
      if (!listed) {
        // Adding a site asks for its host permission (in this click's user gesture) and registers the content script.
        const granted = await browser.permissions.request({ origins: patternsForDomain(host) });
        if (!granted) return void render();
        await updateSettings((s) => void (s.userSites = [...new Set([...s.userSites, host])]));
        await ask({ type: 'sync-sites' });
      }
      await updateSettings((s) => void (s.disabledSites = s.disabledSites.filter((d) => !hostInDomain(host, d))));
    } else {
      await updateSettings((s) => void (s.disabledSites = [...new Set([...s.disabledSites, host])]));
    }
    await render();
  });
}

$('check').addEventListener('click', async (e) => {
  if (!e.isTrusted) return;
  const box = $('check-result');
  box.replaceChildren(t('checking'));
  try {
    const tab = await targetTab(location);
    if (tab?.id === undefined) throw new UserError(t('siteUnavailable'));
    // The findings are painted on the page and listed in the panel that stays (opened in this click's gesture).
    if (!isTest) openCheckPanel(tab.id);
    const check = await ask({ type: 'check-page', tabId: tab.id });
    renderCheck(document, box, check, openReader);
  } catch (error) {
    box.replaceChildren(Object.assign(document.createElement('p'), { className: 'error', textContent: `${t('checkFailed')}${userMessage(error)}` }));
  }
});

/** The page's mark count, and previous/next (each opens the mark's card on the page). */
async function setUpMarks(): Promise<void> {
  const tab = await targetTab(location);
  const label = $('marks-count');
  const show = (info: { count: number; index: number } | null) => {
    const none = !info || info.count === 0;
    label.textContent = none ? t('marksNone') : info.index >= 0 ? `${tCount('marksCount', info.count, String(info.count))} · ${t('marksAt', [String(info.index + 1), String(info.count)])}` : tCount('marksCount', info.count, String(info.count));
    for (const id of ['marks-prev', 'marks-next']) $<HTMLButtonElement>(id).disabled = none;
  };
  const info = tab?.id === undefined ? null : await browser.tabs.sendMessage(tab.id, { type: 'mark-info' }).catch(() => null) as { count: number; index: number } | null;
  show(info);
  for (const [id, delta] of [['marks-prev', -1], ['marks-next', 1]] as const) {
    $(id).addEventListener('click', async (e) => {
      if (!e.isTrusted || tab?.id === undefined) return;
      show(await stepMark(tab, delta));
    });
  }
}

$('open-search').addEventListener('click', (e) => {
  e.preventDefault();
  // The typed query goes to the search page through extension storage, not its URL (no query in the history).
  void handOverQuery($<HTMLInputElement>('query').value.trim())
    .then(() => browser.tabs.create({ url: browser.runtime.getURL('/search.html') }))
    .then(closeUnlessTest);
});
$('open-options').addEventListener('click', (e) => {
  e.preventDefault();
  void browser.runtime.openOptionsPage().then(closeUnlessTest);
});

void showArchive();
void setUpSiteToggle();
void setUpMarks();
