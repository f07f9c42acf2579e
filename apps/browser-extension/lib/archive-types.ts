/** The core shapes the extension uses, in one place. */

export { TERM_KINDS } from '@jianbao/core';
export type { Lexicon, Matcher, Term, TermKind, TermMatch, TermRole } from '@jianbao/core';
export type { QueryOptions, SearchField, SearchHit, SearchMessage, SearchOptions, SearchResult } from '@jianbao/core';

export type { XrefReport } from '@jianbao/core';
