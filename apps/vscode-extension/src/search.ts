/**
 * "剪报: Search archive": a quick pick whose results follow the typing (title,
 * paper, date, snippet). Enter opens the article read-only; the item's buttons
 * insert a citation at the cursor of the editor that was active before, or open a preview.
 */
import * as vscode from 'vscode';
import type { Archive } from '@jianbao/core';
import { searchQuery, type SearchHit } from './archive-service.js';
import { plainText } from './markdown.js';

export interface SearchItem extends vscode.QuickPickItem {
  hit: SearchHit;
}

const RESULT_LIMIT = 30;

/** Marks the snippet's highlights the way a quick pick can show them (it has no highlight API for detail). */
export function markSnippet(hit: SearchHit): string {
  let out = '';
  let at = 0;
  for (const [s, e] of [...hit.highlights].sort((a, b) => a[0] - b[0])) {
    if (s < at) continue;
    out += hit.snippet.slice(at, s) + '【' + hit.snippet.slice(s, e) + '】';
    at = e;
  }
  return plainText((out + hit.snippet.slice(at)).replace(/\s+/g, ' '), 400) ?? '';
}

export function searchItems(archive: Archive, query: string, buttons: vscode.QuickInputButton[] = []): SearchItem[] {
  return searchView(archive, query, buttons).items;
}

/**
 * The results of a query in core's query syntax ("exact", -exclude, title:, paper:, kind:, date ranges, OR,
 * sort:date), and the line the quick pick shows above them: the error, what the archive lacks, the rewrite
 * notice (显示“韦韬”的结果；仍搜索“韦涛”) and the count.
 */
export function searchView(archive: Archive, query: string, buttons: vscode.QuickInputButton[] = []): { items: SearchItem[]; title: string } {
  if (!query.trim()) return { items: [], title: '' };
  const result = searchQuery(archive, query, { limit: RESULT_LIMIT });
  if (result.error) return { items: [], title: `⚠ ${result.error}` };
  const count = vscode.l10n.t('{0} results', `${result.total}${result.totalAtLeast ? '+' : ''}`);
  const title = [...result.notices, ...(result.rewritten ? [result.rewritten.notice] : []), count].join(' · ');
  return { items: result.hits.map((hit) => ({
    label: plainText(hit.title) ?? plainText(hit.id) ?? '',
    description: [plainText(hit.paper), plainText(hit.date)].filter(Boolean).join(' · '),
    detail: markSnippet(hit),
    // The archive search decides what matches: the quick pick must not filter its results again.
    alwaysShow: true,
    buttons,
    hit,
  })), title };
}

export interface SearchActions {
  open(id: string, preview?: boolean): Promise<unknown>;
  cite(id: string, editor: vscode.TextEditor | undefined): Promise<unknown>;
}

/** Shows the quick pick. `mode` decides what Enter does: open the article, or insert its citation. */
export function showSearch(archive: Archive, actions: SearchActions, mode: 'open' | 'cite', initial = ''): vscode.QuickPick<SearchItem> {
  const editor = vscode.window.activeTextEditor;
  const insertButton: vscode.QuickInputButton = {
    iconPath: new vscode.ThemeIcon('quote'),
    tooltip: vscode.l10n.t('Insert citation'),
  };
  const previewButton: vscode.QuickInputButton = {
    iconPath: new vscode.ThemeIcon('open-preview'),
    tooltip: vscode.l10n.t('Open preview'),
  };
  const pick = vscode.window.createQuickPick<SearchItem>();
  pick.placeholder = mode === 'open'
    ? vscode.l10n.t('Search {0} ({1} articles): Enter opens, the quote button inserts a citation', archive.meta.name, archive.articles.length)
    : vscode.l10n.t('Search the archive: Enter inserts a citation');
  pick.matchOnDescription = false;
  pick.matchOnDetail = false;
  const update = (value: string) => {
    const view = searchView(archive, value, [insertButton, previewButton]);
    pick.items = view.items;
    pick.title = view.title || undefined;
  };
  pick.onDidChangeValue(update);
  pick.onDidAccept(() => {
    const item = pick.selectedItems[0];
    if (!item) return;
    pick.hide();
    void (mode === 'open' ? actions.open(item.hit.id) : actions.cite(item.hit.id, editor));
  });
  pick.onDidTriggerItemButton((e) => {
    pick.hide();
    void (e.button === previewButton ? actions.open(e.item.hit.id, true) : actions.cite(e.item.hit.id, editor));
  });
  pick.onDidHide(() => pick.dispose());
  pick.value = initial;
  update(initial);
  pick.show();
  return pick;
}
