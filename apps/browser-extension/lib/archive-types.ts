/**
 * The core shapes the extension uses, in one place. XrefReport is mirrored from
 * the agreed interface until core's cross-referencing lands; the rest are core's.
 */

export { TERM_KINDS } from '@jianbao/core';
export type { Lexicon, Matcher, Term, TermKind, TermMatch, TermRole } from '@jianbao/core';
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
