import type { Place } from './gazetteer.js';
import type { TermKind } from './types.js';

export interface Candidate {
  kind: TermKind;
  name: string;
  aliases?: string[];
  /** People: the title as printed before the name, and its resolved form (市委书记 → 晋中市委书记). */
  roles?: string[];
  /** A county's short form read only because its city or province precedes it (台州玉环): kept on archive evidence. */
  afterParent?: boolean;
  /** Generic-form resolutions: where in the text the bare form stood (市委 meaning 晋中市委). */
  at?: { start: number; end: number };
}

/** What the rules know about the article's paper: its city (for 市委) and province (for 省委). */
export interface ArticleContext {
  city: Place | null;
  province: Place | null;
  /** Provinces the archive is about (most of its full place names): short forms (太谷) and two-character names (祁县) count only there. */
  homeProvinces?: ReadonlySet<string>;
  /** Where the article's paragraphs start in the text the rules read (a printed title never reaches across one). */
  paragraphStarts?: ReadonlySet<number>;
  /**
   * Where the body starts in that text (after the headline). Bodies and sites named by scanning back from a suffix
   * are read in the body only: a headline is clauses without punctuation (习近平致信祝贺复旦大学), and a name only a
   * headline prints has no mention in any body.
   */
  bodyStart?: number;
}
