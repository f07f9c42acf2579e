/**
 * Citations in drafts: core formats them (house style or GB/T 7714-2015, core/src/cite.ts); here the
 * host only reads the settings and, in Markdown drafts with `jianbao.citationLink`, makes the citation
 * a link to the archive article (its text escaped: archive fields are untrusted, see markdown.ts).
 */
import { formatCitation, nextReferenceNumber, type CitableArticle, type CitationStyle } from '@jianbao/core';
import { markdownLink, markdownText } from './markdown.js';

export type { CitationStyle };

export interface CitationSettings {
  style: CitationStyle;
  link: boolean;
}

/**
 * The settings as configured. `citationStyle` was `plain` | `markdown` before the styles: `plain` is the
 * house style, `markdown` the house style as a link, so settings written then keep their meaning.
 */
export function citationSettings(style: unknown, link: unknown): CitationSettings {
  if (style === 'markdown') return { style: 'house', link: true };
  return { style: style === 'gbt7714' ? 'gbt7714' : 'house', link: link === true };
}

/** The text to insert into a draft of `languageId` whose text is `draft` (GB/T entries are numbered after the draft's last one). */
export function citationFor(article: CitableArticle, settings: CitationSettings, languageId: string, draft: string, target: string): string {
  const index = settings.style === 'gbt7714' ? nextReferenceNumber(draft) : undefined;
  const text = formatCitation(article, settings.style, { index });
  if (!settings.link || languageId !== 'markdown') return text;
  return markdownLink(markdownText(text, 1000) ?? '', target);
}
