import type { ArticleKind } from '../article.js';

export interface SearchOptions {
  limit?: number;
  paper?: string;
  /** ISO date or prefix (2024, 2024-02, 2024-02-13), inclusive. */
  from?: string;
  to?: string;
  kind?: ArticleKind;
  /** Lexicon hook: extra whole-token terms (see AnalyzeOptions.terms). */
  terms?: readonly string[];
}

export interface SearchHit {
  id: string;
  title: string;
  paper: string | null;
  date: string | null;
  score: number;
  snippet: string;
  /** UTF-16 [start, end) offsets into `snippet`, in reading order. */
  highlights: [number, number][];
}
