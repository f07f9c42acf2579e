/**
 * The search page: core's query syntax, with paper, kind and date filters (year, month or day precision), sort,
 * the total, the rewrite notice, paging and per hit the matched fields. No query in the URL: the page's state is
 * kept in its own history entry's state (history.replaceState with the URL unchanged), and a query typed in the
 * popup arrives through extension storage (lib/search-handoff.ts).
 */
import { userMessage } from '../../lib/errors.js';
import { localisePage, t } from '../../lib/i18n.js';
import { ask } from '../../lib/messages.js';
import { renderHits, rewriteNotice } from '../../lib/render-results.js';
import { takeHandedQuery } from '../../lib/search-handoff.js';
import { resultError, resultNotices } from '../../lib/search-messages.js';
import type { QueryOptions, SearchResult } from '../../lib/archive-types.js';

localisePage(document);
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const PAGE = 20;

interface State {
  query: string;
  paper: string;
  kind: string;
  from: string;
  to: string;
  sort: 'relevance' | 'date';
  page: number;
  /** The user asked for the query as typed (the rewrite notice's link). */
  asTyped: boolean;
}

const FIELDS = ['query', 'paper', 'kind', 'from', 'to', 'sort'] as const;
const input = (id: (typeof FIELDS)[number]) => $<HTMLInputElement | HTMLSelectElement>(id);

function formState(page = 0, asTyped = false): State {
  const v = (id: (typeof FIELDS)[number]) => input(id).value.trim();
  return { query: v('query'), paper: v('paper'), kind: v('kind'), from: v('from'), to: v('to'), sort: v('sort') === 'date' ? 'date' : 'relevance', page, asTyped };
}

function showState(state: State): void {
  for (const id of FIELDS) input(id).value = String(state[id] ?? '');
}

let seq = 0;
async function run(state: State): Promise<void> {
  // The page's own state, never its URL: reloading or coming back from the reader restores it.
  history.replaceState(state, '');
  const mine = ++seq;
  if (!state.query) return void render(null, state);
  const options: QueryOptions = {
    limit: PAGE, offset: state.page * PAGE, sort: state.sort,
    ...(state.paper ? { paper: state.paper } : {}), ...(state.kind ? { kind: state.kind as QueryOptions['kind'] } : {}),
    ...(state.from ? { from: state.from } : {}), ...(state.to ? { to: state.to } : {}), ...(state.asTyped ? { asTyped: true } : {}),
  };
  const result = await ask({ type: 'query', text: state.query, options }).catch((error: unknown): SearchResult => ({ hits: [], total: 0, totalAtLeast: false, notices: [], error: userMessage(error) }));
  if (mine === seq) render(result, state);
}

function render(result: SearchResult | null, state: State): void {
  const list = $('results');
  $('count').textContent = result && !result.error ? t(result.totalAtLeast ? 'searchCountAtLeast' : 'searchCount', String(result.total)) : '';
  const error = result && resultError(result);
  $('error').textContent = error ? t('searchError', error) : result ? resultNotices(result).join(' · ') : '';
  const notice = $('notice');
  notice.replaceChildren();
  if (result?.rewritten) {
    const text = rewriteNotice(result.rewritten);
    const link = Object.assign(document.createElement('button'), { type: 'button', className: 'link', id: 'as-typed', textContent: text.asTyped });
    link.addEventListener('click', (e) => e.isTrusted && void run({ ...state, page: 0, asTyped: true }));
    notice.append(text.showing, link);
  }
  if (!result || result.error) {
    list.replaceChildren();
    $('pager').hidden = true;
    return;
  }
  renderHits(document, list, result.hits, open, { fields: true });
  const pages = Math.max(1, Math.ceil(result.total / PAGE));
  $('pager').hidden = pages <= 1;
  $('page-of').textContent = t('searchPageOf', [String(state.page + 1), `${pages}${result.totalAtLeast ? '+' : ''}`]);
  $<HTMLButtonElement>('prev').disabled = state.page === 0;
  $<HTMLButtonElement>('next').disabled = state.page + 1 >= pages;
}

const open = (id: string) => (location.href = `/reader.html?id=${encodeURIComponent(id)}`);

$('search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  void run(formState());
});
// A filter applies as soon as it changes; the date boxes on change (leaving the box or Enter), not per keystroke.
for (const id of ['paper', 'kind', 'sort', 'from', 'to'] as const) input(id).addEventListener('change', () => void run(formState()));
$('prev').addEventListener('click', () => void run(formState(Math.max(0, (history.state as State | null)?.page ?? 1) - 1)));
$('next').addEventListener('click', () => void run(formState(((history.state as State | null)?.page ?? 0) + 1)));

async function fillFilters(): Promise<void> {
  const facets = await ask({ type: 'search-facets' });
  const option = (value: string, label: string) => Object.assign(document.createElement('option'), { value, textContent: label });
  $('paper').append(...facets.papers.map((p) => option(p, p)));
  $('kind').append(...facets.kinds.map((k) => option(k, t(`articleKind_${k}`))));
  if (facets.first && facets.last) $('date-hint').textContent = `${t('searchDateHint')} · ${facets.first} – ${facets.last}`;
}

async function start(): Promise<void> {
  void ask({ type: 'archive-info' }).then((info) => ($('archive').textContent = t('archiveSummary', [info.name, String(info.articleCount)])));
  await fillFilters();
  // Back from the reader or reloaded: this entry's state. Opened from the popup: the query it handed over.
  const kept = history.state as State | null;
  const handed = kept ? undefined : await takeHandedQuery();
  const state = kept ?? (handed ? { ...formState(), query: handed } : null);
  if (!state) return;
  showState(state);
  await run(state);
}
void start();
