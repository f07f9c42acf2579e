/** Citations of archive articles as editors write them: 《标题》（报纸，日期） or a Markdown link. */
import type { Article } from '@jianbao/core';

export type CitationStyle = 'plain' | 'markdown';

/** ISO `2024-02-13` → `2024年2月13日`; `2024-02` → `2024年2月`; anything else as is. */
export function chineseDate(iso: string | null): string | null {
  if (!iso) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年` + (m[2] ? `${Number(m[2])}月` : '') + (m[3] ? `${Number(m[3])}日` : '');
}

export function formatCitation(article: Pick<Article, 'title' | 'paper' | 'date'>, style: CitationStyle, link?: string): string {
  const details = [article.paper, chineseDate(article.date)].filter(Boolean).join('，');
  const plain = `《${article.title}》` + (details ? `（${details}）` : '');
  if (style === 'plain' || !link) return plain;
  // Brackets inside a title would end the link text early.
  return `[${plain.replace(/([[\]])/g, '\\$1')}](${link})`;
}
