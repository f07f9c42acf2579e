/**
 * The agreed core interfaces (HELPER_BRIEF "Agreed core interfaces"), mirrored
 * here so the extension compiles whether or not a piece has landed in
 * @jianbao/core yet. Keep in step with core; archive-service.ts is the only
 * place that binds them to an implementation.
 */

export type TermKind = 'person' | 'place' | 'organisation' | 'policy';
export const TERM_KINDS: readonly TermKind[] = ['person', 'place', 'organisation', 'policy'];

export interface TermRole {
  title: string;
  articleId: string;
  date: string | null;
}

export interface Term {
  id: string;
  name: string;
  kind: TermKind;
  aliases: string[];
  roles: TermRole[];
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

export type { SearchHit, SearchOptions } from '@jianbao/core';

export interface XrefReport {
  related: { id: string; title: string; score: number; reasons: string[] }[];
  reused: {
    start: number;
    end: number;
    text: string;
    articleId: string;
    title: string;
    articleStart: number;
    articleEnd: number;
    similarity: number;
    kind: 'verbatim' | 'edited';
  }[];
  conflicts: { start: number; end: number; text: string; kind: 'title' | 'number'; message: string; expected: string; articleId: string }[];
}
