import type { TermKind } from '../lexicon/types.js';

/** One marked term: UTF-16 offsets into the text exactly as given (DOM Ranges and VS Code positions use them directly). */
export interface TermMatch {
  start: number;
  end: number;
  text: string;
  termId: string;
  kind: TermKind;
}

export interface Matcher {
  /** Leftmost-longest, non-overlapping matches of every surface form, in text order. */
  findAll(text: string): TermMatch[];
}

/** What the matcher needs to know about each term. */
export interface MatcherEntry {
  termId: string;
  kind: TermKind;
  /** Surface forms as printed; they are folded (`foldText`) when the automaton is built. */
  forms: readonly string[];
}

/**
 * The bundle's `matcher` section: JSON-serialisable and self-contained, so a
 * content script can load it without the articles or the index. Typed arrays
 * are base64 of their little-endian bytes.
 */
/**
 * The matcher section's version. 2: forms folded by the fold that keeps
 * simplified characters as they are (version 1 folded 群 to 羣 and 26 others).
 * 3: no failure links (the scan has not read them since the start filter; they
 * were a fifth of the section). An older section is rebuilt from the lexicon on
 * load (matcherSectionOf), as version 1 was.
 */
export const MATCHER_SECTION_VERSION = 3;

export interface MatcherSection {
  format: 'jianbao-matcher';
  version: typeof MATCHER_SECTION_VERSION;
  kinds: TermKind[];
  /** Term ids; a term's index is what the automaton's outputs refer to. */
  termIds: string[];
  /** base64 Uint8Array: index into `kinds`, per term. */
  termKinds: string;
  /** The automaton's alphabet: folded characters in symbol order. */
  alphabet: string;
  /** base64 Int32Arrays of equal length (the double array). */
  base: string;
  check: string;
  /** base64 Int32Array: 0, or (term index << 7 | form length) of the longest form ending at the state. */
  out: string;
  /** base64 Uint8Array: each state's depth. */
  depth: string;
}
