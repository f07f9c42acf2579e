import { localisePage, t } from '../../lib/i18n.js';
import { ask } from '../../lib/messages.js';
import { renderHits } from '../../lib/render-results.js';

localisePage(document);
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const open = (id: string) => (location.href = `/reader.html?id=${encodeURIComponent(id)}`);

async function search(): Promise<void> {
  const query = $<HTMLInputElement>('query').value.trim();
  const url = new URL(location.href);
  url.searchParams.set('q', query);
  history.replaceState(null, '', url);
  if (!query) return void $('results').replaceChildren();
  const from = $<HTMLInputElement>('from').value.trim() || undefined;
  const to = $<HTMLInputElement>('to').value.trim() || undefined;
  const hits = await ask({ type: 'search', query, options: { limit: 50, ...(from ? { from } : {}), ...(to ? { to } : {}) } });
  renderHits(document, $('results'), hits, open);
}

$('search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  void search();
});
void ask({ type: 'archive-info' }).then((info) => ($('archive').textContent = t('archiveSummary', [info.name, String(info.articleCount)])));
const initial = new URLSearchParams(location.search).get('q');
if (initial) {
  $<HTMLInputElement>('query').value = initial;
  void search();
}
