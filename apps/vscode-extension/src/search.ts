/**
 * "剪报: Search archive": a quick pick whose results follow the typing (title,
 * paper, date, snippet). Enter opens the article read-only; the item's buttons
 * insert a citation at the cursor of the editor that was active before, or open a preview.
 */
import * as vscode from 'vscode';
import type { Archive, SearchResult, ServerFacets } from '@jianbao/core';
import { searchQuery, type SearchHit } from './archive-service.js';
import { plainText } from './markdown.js';
import { articleCount } from './counts.js';
import { resultError, resultNotices } from './search-messages.js';

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

/** The quick pick's first row when a query was rewritten: Enter runs the query as typed (仍搜索“韦涛”). */
export interface AsTypedItem extends vscode.QuickPickItem {
  asTyped: true;
}

/**
 * The results of a query in core's query syntax ("exact", -exclude, title:, paper:, kind:, date ranges, OR,
 * sort:date), and the line the quick pick shows above them: the error, what the archive lacks, the rewrite
 * notice (显示“韦韬”的结果；仍搜索“韦涛”, in the UI's language) and the count. `asTyped`: no rewriting.
 */
export function searchView(archive: Archive, query: string, buttons: vscode.QuickInputButton[] = [], asTyped = false): { items: SearchItem[]; title: string; asTypedItem?: AsTypedItem } {
  if (!query.trim()) return { items: [], title: '' };
  return resultView(searchQuery(archive, query, { limit: RESULT_LIMIT, ...(asTyped ? { asTyped: true } : {}) }), buttons);
}

/** A query's result as the quick pick shows it, wherever it came from (the local archive or the newsroom server). */
export function resultView(result: SearchResult, buttons: vscode.QuickInputButton[] = []): { items: SearchItem[]; title: string; asTypedItem?: AsTypedItem } {
  const error = resultError(result);
  if (error) return { items: [], title: `⚠ ${error}` };
  const count = vscode.l10n.t('{0} results', `${result.total}${result.totalAtLeast ? '+' : ''}`);
  const notice = result.rewritten ? vscode.l10n.t('Showing results for “{0}”; search instead for “{1}”', result.rewritten.query, result.rewritten.original) : undefined;
  const title = [...resultNotices(result), ...(notice ? [notice] : []), count].join(' · ');
  const asTypedItem: AsTypedItem | undefined = result.rewritten
    ? { label: `$(search) ${vscode.l10n.t('Search instead for “{0}”', result.rewritten.original)}`, alwaysShow: true, asTyped: true }
    : undefined;
  return { items: result.hits.map((hit) => ({
    label: plainText(hit.title) ?? plainText(hit.id) ?? '',
    description: [plainText(hit.paper), plainText(hit.date), fieldsLabel(hit.fields)].filter(Boolean).join(' · '),
    detail: markSnippet(hit),
    // The archive search decides what matches: the quick pick must not filter its results again.
    alwaysShow: true,
    buttons,
    hit,
  })), title, ...(asTypedItem ? { asTypedItem } : {}) };
}

/** Where the query matched (title, subtitle, body), in the UI's language. */
function fieldsLabel(fields: readonly string[] | undefined): string {
  if (!fields?.length) return '';
  const names: Record<string, string> = { title: vscode.l10n.t('title'), subtitle: vscode.l10n.t('subtitle'), body: vscode.l10n.t('body') };
  return vscode.l10n.t('matched in {0}', fields.map((f) => names[f] ?? f).join(', '));
}

/** A filter the quick pick offers: the syntax it adds to the query. */
export interface FilterItem extends vscode.QuickPickItem {
  syntax: string;
}

/**
 * The filters offered for an archive, as the query syntax they add (so what the user sees in the box is what is
 * searched): its papers, its kinds, its years and the months of its latest year, sort by date, and the syntax forms.
 */
export function filterItems(archive: Archive): FilterItem[] {
  const count = (values: (string | null | undefined)[]) => {
    const m = new Map<string, number>();
    for (const v of values) if (v) m.set(v, (m.get(v) ?? 0) + 1);
    return [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  };
  const dates = archive.articles.map((a) => a.date).filter((d): d is string => !!d).sort();
  return filterList(count(archive.articles.map((a) => a.paper)), count(archive.articles.map((a) => a.kind)), dates);
}

/** The same filters from the newsroom server's facets (papers and kinds most articles first, the date span). */
export function serverFilterItems(facets: ServerFacets): FilterItem[] {
  const years: string[] = [];
  if (facets.first && facets.last) for (let y = Number(facets.first.slice(0, 4)); y <= Number(facets.last.slice(0, 4)) && years.length < 50; y++) years.push(String(y));
  const dates = facets.first && facets.last ? [facets.first, ...years.map((y) => `${y}-01`), facets.last].sort() : [];
  return filterList(facets.papers.map((p) => [p, 0]), facets.kinds.map((k) => [k, 0]), dates);
}

function filterList(papers: [string, number][], kinds: [string, number][], dates: string[]): FilterItem[] {
  const quote = (v: string) => (/\s/.test(v) ? `"${v}"` : v);
  const items: FilterItem[] = [];
  const section = (label: string) => items.push({ label, kind: vscode.QuickPickItemKind.Separator, syntax: '' });
  const articles = (n: number) => (n ? { description: articleCount(n) } : {});
  section(vscode.l10n.t('Paper'));
  for (const [paper, n] of papers) items.push({ label: paper, ...articles(n), syntax: `paper:${quote(paper)}` });
  section(vscode.l10n.t('Kind'));
  for (const [kind, n] of kinds) items.push({ label: kind, ...articles(n), syntax: `kind:${kind}` });
  section(vscode.l10n.t('Date (year, month or day; a range with ..)'));
  const years = [...new Set(dates.map((d) => d.slice(0, 4)))].reverse();
  const months = [...new Set(dates.filter((d) => d.length >= 7).map((d) => d.slice(0, 7)))].reverse().slice(0, 12);
  for (const y of years) items.push({ label: y, syntax: `date:${y}` });
  for (const m of months) items.push({ label: m, syntax: `date:${m}` });
  if (dates.length > 1) items.push({ label: `${dates[0]!.slice(0, 7)}..${dates.at(-1)!.slice(0, 7)}`, description: vscode.l10n.t('a range'), syntax: `${dates[0]!.slice(0, 7)}..${dates.at(-1)!.slice(0, 7)}` });
  section(vscode.l10n.t('Order and syntax'));
  items.push({ label: 'sort:date', description: vscode.l10n.t('newest first'), syntax: 'sort:date' });
  items.push({ label: '"…"', description: vscode.l10n.t('an exact phrase'), syntax: '""' });
  items.push({ label: 'title:…', description: vscode.l10n.t('in the title only'), syntax: 'title:' });
  items.push({ label: '-…', description: vscode.l10n.t('exclude a word'), syntax: '-' });
  items.push({ label: 'OR', description: vscode.l10n.t('either side'), syntax: 'OR' });
  return items;
}

/** The query with a filter's syntax added (a filter of the same field replaces the one there). */
export function withFilter(query: string, syntax: string): string {
  const field = /^(paper|kind|date|sort):/.exec(syntax)?.[1];
  let parts = query.trim() ? query.trim().split(/\s+/) : [];
  if (field) parts = parts.filter((p) => !p.startsWith(`${field}:`));
  return [...parts, syntax].join(' ');
}

export interface SearchActions {
  open(id: string, preview?: boolean): Promise<unknown>;
  cite(id: string, editor: vscode.TextEditor | undefined): Promise<unknown>;
}

/** What the quick pick searches: the local archive, or the newsroom server (asynchronous). */
export interface SearchSource {
  name: string;
  articles: number;
  query(text: string, asTyped: boolean): SearchResult | Promise<SearchResult>;
  filters(): FilterItem[] | Promise<FilterItem[]>;
}

export function localSearchSource(archive: Archive): SearchSource {
  return {
    name: archive.meta.name,
    articles: archive.articles.length,
    query: (text, asTyped) => searchQuery(archive, text, { limit: RESULT_LIMIT, ...(asTyped ? { asTyped: true } : {}) }),
    filters: () => filterItems(archive),
  };
}

export const SEARCH_LIMIT = RESULT_LIMIT;

/** Shows the quick pick. `mode` decides what Enter does: open the article, or insert its citation. */
export function showSearch(source: SearchSource, actions: SearchActions, mode: 'open' | 'cite', initial = ''): vscode.QuickPick<SearchItem | AsTypedItem> {
  const editor = vscode.window.activeTextEditor;
  const insertButton: vscode.QuickInputButton = {
    iconPath: new vscode.ThemeIcon('quote'),
    tooltip: vscode.l10n.t('Insert citation'),
  };
  const previewButton: vscode.QuickInputButton = {
    iconPath: new vscode.ThemeIcon('open-preview'),
    tooltip: vscode.l10n.t('Open preview'),
  };
  const filterButton: vscode.QuickInputButton = {
    iconPath: new vscode.ThemeIcon('filter'),
    tooltip: vscode.l10n.t('Filters: paper, kind, date, sort'),
  };
  const pick = vscode.window.createQuickPick<SearchItem | AsTypedItem>();
  pick.buttons = [filterButton];
  let asTyped = false;
  pick.placeholder = mode === 'open'
    ? vscode.l10n.t('Search {0} ({1} articles): Enter opens, the quote button inserts a citation', source.name, source.articles)
    : vscode.l10n.t('Search the archive: Enter inserts a citation');
  pick.matchOnDescription = false;
  pick.matchOnDetail = false;
  let seq = 0;
  const update = async (value: string) => {
    const mine = ++seq;
    if (!value.trim()) {
      pick.items = [];
      pick.title = undefined;
      return;
    }
    pick.busy = true;
    try {
      const result = await source.query(value, asTyped);
      if (mine !== seq) return; // a newer query was typed meanwhile
      const view = resultView(result, [insertButton, previewButton]);
      pick.items = view.asTypedItem ? [view.asTypedItem, ...view.items] : view.items;
      pick.title = view.title || undefined;
    } catch (error) {
      if (mine === seq) pick.title = `⚠ ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      if (mine === seq) pick.busy = false;
    }
  };
  pick.onDidChangeValue((value) => {
    asTyped = false;
    void update(value);
  });
  let choosingFilter = false;
  pick.onDidTriggerButton(async (button) => {
    if (button !== filterButton) return;
    // A second quick pick lists the filters; the chosen one's syntax goes into the query, and the search comes back.
    choosingFilter = true;
    const query = pick.value;
    const chosen = await vscode.window.showQuickPick(Promise.resolve(source.filters()), { title: vscode.l10n.t('Add a filter to the query'), matchOnDescription: true });
    choosingFilter = false;
    pick.value = chosen ? withFilter(query, chosen.syntax) : query;
    void update(pick.value);
    pick.show();
  });
  pick.onDidAccept(() => {
    const item = pick.selectedItems[0];
    if (!item) return;
    if ('asTyped' in item) {
      asTyped = true;
      return void update(pick.value);
    }
    pick.hide();
    void (mode === 'open' ? actions.open(item.hit.id) : actions.cite(item.hit.id, editor));
  });
  pick.onDidTriggerItemButton((e) => {
    if (!('hit' in e.item)) return;
    pick.hide();
    void (e.button === previewButton ? actions.open(e.item.hit.id, true) : actions.cite(e.item.hit.id, editor));
  });
  pick.onDidHide(() => {
    if (!choosingFilter) pick.dispose();
  });
  pick.value = initial;
  void update(initial);
  pick.show();
  return pick;
}
