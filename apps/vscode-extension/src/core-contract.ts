/**
 * The agreed core interfaces (search comes from core: see archive-service.ts) (HELPER_BRIEF "Agreed core interfaces") that the
 * extension consumes. While search, lexicon/matcher and xref are still being
 * built in core, these local copies keep the extension type-checked; once all
 * of them are exported by @jianbao/core this file re-exports core's types.
 */

export type TermKind = 'person' | 'place' | 'organisation' | 'policy';

export interface Term {
  id: string;
  name: string;
  kind: TermKind;
  aliases: string[];
  roles: { title: string; articleId: string; date: string | null }[];
  mentions: { articleId: string; start: number; end: number }[];
}

export interface Lexicon {
  terms: Term[];
  get(termId: string): Term | undefined;
}

export interface TermMatch {
  start: number;
  end: number;
  text: string;
  termId: string;
  kind: TermKind;
}

export interface Matcher {
  findAll(text: string): TermMatch[];
}

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
