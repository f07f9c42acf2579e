/**
 * The core shapes the extension consumes (HELPER_BRIEF "Agreed core interfaces"),
 * under the names the extension's modules use. All come from @jianbao/core.
 */
export type { Lexicon, Matcher, Term, TermKind, TermMatch, XrefReport } from '@jianbao/core';
export type { Conflict as XrefConflict, RelatedArticle as XrefRelated, ReusedPassage as XrefReuse } from '@jianbao/core';
