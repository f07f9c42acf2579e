/** The parser's working form of an article, before it becomes an `Article`. */
import type { ContinuationNote } from './lines.js';

/** A display line above (or, in some layouts, below) a body: headline, kicker, subtitle, label. */
export interface HeadItem {
  text: string;
  /** Markdown heading level; null for a plain line. */
  level: number | null;
  /** Printed after the body (OCR order), not before it. */
  trailing?: boolean;
}

export interface Draft {
  heads: HeadItem[];
  bylines: string[];
  sources: string[];
  /** A document date printed under the title: `(2024年10月12日)`. */
  dateText: string | null;
  paragraphs: string[];
  /** Paragraph indices that are sub-heads, and where each sub-headed segment starts. */
  subheads: number[];
  continues: ContinuationNote | null;
  continuationOf: ContinuationNote | null;
  /** Column label inherited from the page (e.g. briefs under 时政快讯). */
  inheritedSection: string | null;
  photo: boolean;
  /** A 下转 note ends the article on this page: nothing more is appended to it. */
  closed: boolean;
  /** First source line, for stable ordering. */
  line: number;
}

export function newDraft(line: number): Draft {
  return {
    heads: [], bylines: [], sources: [], dateText: null, paragraphs: [], subheads: [],
    continues: null, continuationOf: null, inheritedSection: null, photo: false, closed: false, line,
  };
}

export function draftBody(draft: Draft): string {
  return draft.paragraphs.join('\n');
}
