/** Renders archive search hits and page-check reports (shared by the popup and the search page). */
import type { SearchField, SearchHit, SearchResult } from './archive-types.js';
import { h, highlighted } from './dom.js';
import { t } from './i18n.js';
import { relatedReasons } from './related-reasons.js';
import { resultError } from './search-messages.js';
import type { PageCheck } from './messages.js';

export interface RenderOptions {
  /** Say per hit which fields the query matched in (the search page). */
  fields?: boolean;
}

export function renderHits(doc: Document, list: HTMLElement, hits: SearchHit[], open: (id: string) => void, options: RenderOptions = {}): void {
  if (!hits.length) {
    list.replaceChildren(h(doc, 'li', { class: 'muted' }, t('searchNoResults')));
    return;
  }
  list.replaceChildren(
    ...hits.map((hit) =>
      h(doc, 'li', {},
        h(doc, 'button', { class: 'result', attrs: { type: 'button', 'data-id': hit.id }, on: { click: (e) => e.isTrusted && open(hit.id) } },
          h(doc, 'span', { class: 'title' }, hit.title),
          h(doc, 'span', { class: 'muted' }, [hit.paper, hit.date ?? t('undated')].filter(Boolean).join(' · ')),
          h(doc, 'span', { class: 'snippet' }, highlighted(doc, hit.snippet, hit.highlights)),
          options.fields && hit.fields?.length ? h(doc, 'span', { class: 'fields muted', attrs: { 'data-fields': hit.fields.join(' ') } }, t('searchMatched', fieldNames(hit.fields))) : null,
        ),
      ),
    ),
  );
}

/** The matched fields in the reader's language (标题、正文 / title, body). */
export function fieldNames(fields: readonly SearchField[]): string {
  return fields.map((f) => t(`field_${f}`)).join(t('listSeparator'));
}

/** The rewrite notice's text: 显示“韦韬”的结果；仍搜索“韦涛”. */
export function rewriteNotice(rewritten: NonNullable<SearchResult['rewritten']>): { showing: string; asTyped: string } {
  return { showing: t('searchRewritten', rewritten.query), asTyped: t('searchAsTyped', rewritten.original) };
}

/** A query's result in a list (the popup): its one-line error, or the rewrite notice and the hits. */
export function renderResult(doc: Document, list: HTMLElement, result: SearchResult, open: (id: string) => void, options: RenderOptions = {}): void {
  const error = resultError(result);
  if (error) return void list.replaceChildren(h(doc, 'li', { class: 'error' }, t('searchError', error)));
  renderHits(doc, list, result.hits, open, options);
  if (result.rewritten) {
    const notice = rewriteNotice(result.rewritten);
    list.prepend(h(doc, 'li', { class: 'muted rewritten' }, notice.showing + notice.asTyped));
  }
}

/** A long passage shortened to its start and end, so a reprinted article does not fill the popup. */
export function shorten(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 24)} … ${flat.slice(-20)}`;
}

export function renderCheck(doc: Document, box: HTMLElement, check: PageCheck, open: (id: string) => void): void {
  const { report, articles } = check;
  const link = (id: string | null) =>
    id === null ? null : h(doc, 'button', { class: 'result', attrs: { type: 'button', 'data-id': id }, on: { click: (e) => e.isTrusted && open(id) } },
      h(doc, 'span', { class: 'title' }, articles[id]?.title ?? id),
      h(doc, 'span', { class: 'muted' }, [articles[id]?.paper, articles[id]?.date ?? t('undated')].filter(Boolean).join(' · ')),
    );
  const parts: Node[] = [
    h(doc, 'p', { class: 'summary' }, t('checkSummary', [String(report.reused.length), String(report.conflicts.length), String(report.related.length)])),
  ];
  if (report.conflicts.length) {
    parts.push(h(doc, 'h2', {}, t('checkConflicts')));
    parts.push(h(doc, 'ul', { class: 'results conflicts' }, ...report.conflicts.map((c) =>
      // Worded here from core's fields in the UI language (core's own message is a Chinese sentence).
      h(doc, 'li', {}, h(doc, 'span', { class: 'error' }, t(c.kind === 'title' ? 'conflictTitle' : 'conflictNumber')), h(doc, 'span', { class: 'quote' }, `“${shorten(c.text)}” → “${shorten(c.expected)}”`), link(c.articleId)))));
  }
  if (report.reused.length) {
    parts.push(h(doc, 'h2', {}, t('checkReused')));
    parts.push(h(doc, 'ul', { class: 'results reused' }, ...report.reused.slice(0, 20).map((r) =>
      h(doc, 'li', {}, h(doc, 'span', { class: 'quote', attrs: { title: r.text } }, `“${shorten(r.text)}”`), h(doc, 'span', { class: 'muted' }, `${t(r.kind === 'verbatim' ? 'reuseVerbatim' : 'reuseEdited')} · ${Math.round(r.similarity * 100)}%`), link(r.articleId)))));
  }
  if (report.related.length) {
    parts.push(h(doc, 'h2', {}, t('checkRelated')));
    parts.push(h(doc, 'ul', { class: 'results related' }, ...report.related.slice(0, 10).map((r) => {
      const why = relatedReasons(r);
      return h(doc, 'li', {}, link(r.id), why.length ? h(doc, 'span', { class: 'muted reasons' }, why.slice(0, 3).join(' · ')) : null);
    })));
  }
  box.replaceChildren(...parts);
}
