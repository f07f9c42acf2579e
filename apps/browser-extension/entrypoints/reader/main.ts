import type { Article } from '@jianbao/core';
import { h } from '../../lib/dom.js';
import { localisePage, t } from '../../lib/i18n.js';
import { userMessage } from '../../lib/errors.js';
import { ask, type ArticleView } from '../../lib/messages.js';
import { relatedReasons } from '../../lib/related-reasons.js';
import { markExtensionPage } from '../../lib/page-marking.js';

localisePage(document);
const main = document.getElementById('main')!;
const aside = document.getElementById('related')!;
const open = (id: string) => (location.href = `/reader.html?id=${encodeURIComponent(id)}`);

function metaList(a: Article): HTMLElement {
  const rows: [string, string | null][] = [
    ['metaPaper', a.paper],
    ['metaDate', a.date],
    ['metaPage', a.page],
    ['metaSection', a.section],
    ['metaByline', a.byline],
    ['metaDateline', a.dateline?.text ?? null],
    ['metaKind', t(`articleKind_${a.kind}`)],
    ['metaSource', a.source],
    ['metaId', a.id],
  ];
  // Not marked: the paper's name (太原日报) and the byline are the record's fields, not the story's text.
  return h(document, 'dl', { class: 'meta', attrs: { 'data-jianbao-ui': 'meta' } }, ...rows.filter(([, v]) => v).flatMap(([k, v]) => [h(document, 'dt', {}, t(k)), h(document, 'dd', {}, v!)]));
}

function render(view: ArticleView): void {
  const a = view.article;
  document.title = `${a.title} — ${t('extName')}`;
  const body = h(document, 'div', { class: 'body' }, ...a.paragraphs.map((p) => h(document, 'p', {}, p)));
  const notes = [a.continuationOf, a.continues].filter((c) => c !== null).map((c) => h(document, 'p', { class: 'muted' }, c!.text));
  const article = h(document, 'article', {},
    h(document, 'h1', {}, a.title),
    a.subtitle ? h(document, 'p', { class: 'subtitle' }, a.subtitle) : null,
    metaList(a),
    body,
    ...notes,
  );
  main.replaceChildren(article);
  aside.replaceChildren(
    h(document, 'h2', {}, t('relatedArticles')),
    view.related.length
      ? h(document, 'ul', { class: 'results' }, ...view.related.map((r) =>
          h(document, 'li', {}, h(document, 'a', { class: 'result', attrs: { href: `/reader.html?id=${encodeURIComponent(r.id)}`, 'data-id': r.id } },
            h(document, 'span', { class: 'title' }, r.title),
            h(document, 'span', { class: 'muted' }, [r.paper, r.date ?? t('undated'), relatedReasons(r).join('、')].filter(Boolean).join(' · '))))))
      : h(document, 'p', { class: 'muted' }, t('noRelated')),
  );
  void markExtensionPage(document, article, open);
}

async function main_(): Promise<void> {
  const id = new URLSearchParams(location.search).get('id');
  if (!id) return void main.replaceChildren(h(document, 'p', { class: 'error' }, t('readerNoId')));
  const view = await ask({ type: 'article', id });
  if (!view) return void main.replaceChildren(h(document, 'p', { class: 'error' }, t('readerNotFound', id)));
  render(view);
}
main_().catch((error) => main.replaceChildren(h(document, 'p', { class: 'error' }, userMessage(error))));
