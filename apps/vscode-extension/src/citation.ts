/** Citations of archive articles as editors write them: 《标题》（报纸，日期） or a Markdown link. */
import type { Article } from '@jianbao/core';
import { markdownLink, markdownText, plainText } from './markdown.js';

export type CitationStyle = 'plain' | 'markdown';

/** ISO `2024-02-13` → `2024年2月13日`; `2024-02` → `2024年2月`; anything else as is. */
export function chineseDate(iso: string | null): string | null {
  if (!iso) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年` + (m[2] ? `${Number(m[2])}月` : '') + (m[3] ? `${Number(m[3])}日` : '');
}

/**
 * The citation. Archive fields are untrusted (see markdown.ts): one line each,
 * capped, a field of the wrong type left out; in a Markdown link every
 * character that could make markup is escaped and the target cannot be cut short.
 */
export function formatCitation(article: Pick<Article, 'title' | 'paper' | 'date'>, style: CitationStyle, link?: string): string {
  const field = style === 'markdown' && link ? markdownText : plainText;
  const date = chineseDate(plainText(article.date) ?? null);
  const details = [field(article.paper), date === null ? undefined : field(date)].filter(Boolean).join('，');
  const cited = `《${field(article.title) ?? ''}》` + (details ? `（${details}）` : '');
  return style === 'markdown' && link ? markdownLink(cited, link) : cited;
}
