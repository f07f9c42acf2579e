/** The lexicon's public shapes (mirroring `jianbao terms --json`). */
export type TermKind = 'person' | 'place' | 'organisation' | 'policy';

export const TERM_KINDS: readonly TermKind[] = ['person', 'place', 'organisation', 'policy'];

/** A title or role the archive gives a person, with the article that gives it. */
export interface TermRole {
  title: string;
  articleId: string;
  date: string | null;
}

/** Where a term occurs: offsets into the article's paragraphs joined by "\n" (`articleBody`). */
export interface TermMention {
  articleId: string;
  start: number;
  end: number;
}

export interface Term {
  /** Stable across rebuilds: derived from kind and canonical name. */
  id: string;
  name: string;
  kind: TermKind;
  /** Other surface forms that mean this term (short forms, user aliases). Quote, width and traditional variants need no alias: matching folds them. */
  aliases: string[];
  /** People only: every title the archive gives them. */
  roles: TermRole[];
  mentions: TermMention[];
}

export interface Lexicon {
  terms: Term[];
  get(termId: string): Term | undefined;
}
