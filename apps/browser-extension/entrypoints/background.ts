import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { loadMatcher } from '@jianbao/core';
import { loadDefaultArchive } from '@jianbao/core/default-archive';
import { readImportedBundle, readServerMatcher, writeServerMatcher } from '../lib/archive-store.js';
import { loadServerSetting } from '../lib/server-settings.js';
import { BackgroundService } from '../lib/background-service.js';
import type { Reply, Request, Responses } from '../lib/messages.js';
import { syncSiteRegistration } from '../lib/site-registration.js';
import { checkTab, createMenus, openCheckPanel, openSearch, SEARCH_MENU_ID, stepMark, toggleMarking, type CommandName } from '../lib/browser-actions.js';

const E2E = import.meta.env.MODE === 'e2e';
const READER = '/reader.html';

/**
 * The background holds the archive (default or imported) and answers every
 * question about it; content scripts hold only the matcher.
 */
export default defineBackground(() => {
  const service = new BackgroundService({
    loadDefault: loadDefaultArchive,
    readImported: readImportedBundle,
    // Network requests only when a newsroom server is set in Options, and then only to it.
    readServer: loadServerSetting,
    sectionCache: { read: readServerMatcher, write: writeServerMatcher },
    onRevision: (revision) => void browser.storage.local.set({ archiveRevision: revision }),
  });

  async function handle(request: Request): Promise<Responses[Request['type']]> {
    switch (request.type) {
      case 'matcher':
        return service.matcher();
      case 'card':
        return service.card(request.termId);
      case 'search':
        return service.search(request.query, request.options);
      case 'query':
        return service.query(request.text, request.options);
      case 'search-facets':
        return service.searchFacets();
      case 'article':
        return service.article(request.id);
      case 'check':
        return service.check(request.text);
      case 'check-page':
        return checkTab(request.tabId, (text) => service.check(text));
      case 'open-reader':
        await browser.tabs.create({ url: browser.runtime.getURL(`${READER}?id=${encodeURIComponent(request.id)}`) });
        return true;
      case 'open-page':
        // Test builds only: Firefox refuses navigation to moz-extension:// from automation.
        if (!E2E) throw new Error('open-page is only available in test builds');
        await browser.tabs.create({ url: browser.runtime.getURL(request.path as '/reader.html') });
        return true;
      case 'archive-info':
        return service.info();
      case 'server-changed': {
        const info = await service.serverChanged();
        await browser.storage.local.set({ archiveRevision: info.revision });
        return info;
      }
      case 'archive-changed': {
        const info = await service.reload();
        // The revision of what marks pages now: the server's when one answers, else the local archive's.
        await browser.storage.local.set({ archiveRevision: (await service.info()).revision });
        return info;
      }
      case 'sync-sites':
        return syncSiteRegistration();
    }
  }

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    const request = message as Request;
    if (!request || typeof request.type !== 'string' || request.type === ('page-text' as string)) return;
    // Only the extension's own pages and content scripts talk to us (no externally_connectable).
    if (sender.id !== browser.runtime.id) return;
    handle(request).then(
      (value) => sendResponse({ ok: true, value } satisfies Reply<typeof request.type>),
      (error: unknown) => sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
    return true; // answers asynchronously (sendResponse works in every browser; a returned Promise does not)
  });

  async function command(name: CommandName, tab?: Browser.tabs.Tab): Promise<unknown> {
    const active = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    switch (name) {
      case 'toggle-marking':
        return toggleMarking(active);
      case 'open-search':
        return openSearch();
      case 'check-page':
        if (active?.id === undefined) return null;
        openCheckPanel(active.id); // first, while the command's user gesture lasts
        return checkTab(active.id, (text) => service.check(text));
      case 'next-mark':
      case 'previous-mark':
        return stepMark(active, name === 'next-mark' ? 1 : -1);
    }
  }
  browser.commands.onCommand.addListener((name, tab) => void command(name as CommandName, tab).catch((error) => console.warn('jianbao: command', name, error)));
  browser.runtime.onInstalled.addListener(() => createMenus());
  browser.runtime.onStartup?.addListener(() => createMenus());
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId === SEARCH_MENU_ID && info.selectionText) void openSearch(info.selectionText);
  });

  void syncSiteRegistration().catch((error) => console.warn('jianbao: cannot register the content script for user sites:', error));
  // Test builds only: the service for e2e tests, and core's matcher loader for the matcher benchmark in Chromium (e2e/measure-matcher.ts).
  if (E2E) Object.assign(globalThis, { jianbaoService: service, jianbaoLoadMatcher: loadMatcher, jianbaoCommand: command, jianbaoMenuClick: (text: string) => openSearch(text) });
});
