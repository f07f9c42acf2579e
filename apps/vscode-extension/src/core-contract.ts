/**
 * The agreed core interfaces (search, lexicon and matcher come from core: see archive-service.ts) (HELPER_BRIEF "Agreed core interfaces") that the
 * extension consumes. While search, lexicon/matcher and xref are still being
 * built in core, these local copies keep the extension type-checked; once all
 * of them are exported by @jianbao/core this file re-exports core's types.
 */

export type { Lexicon, Matcher, Term, TermKind, TermMatch } from '@jianbao/core';

export interface XrefRelated {
  id: string;
  title: string;
  score: number;
  reasons: string[];
}

export interface XrefReuse {
  start: number;
  end: number;
  text: string;
  articleId: string;
  title: string;
  articleStart: number;
  articleEnd: number;
  similarity: number;
  kind: 'verbatim' | 'edited';
}

export interface XrefConflict {
  start: number;
  end: number;
  text: string;
  kind: 'title' | 'number';
  message: string;
  expected: string;
  articleId: string;
}

export interface XrefReport {
  related: XrefRelated[];
  reused: XrefReuse[];
  conflicts: XrefConflict[];
}
