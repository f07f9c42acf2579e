import type { Archive } from '../archive.js';
import { getMatcher, type TermMatch } from '../matcher/index.js';
import { foldText } from '../text/fold.js';
import { markdownSkipMask, matchTextOfFolded, withoutSpacesOfFolded, type MatchText } from './normalize.js';
import { scanFolded, type ScannedText } from './numbers.js';
import { draftSentences, type DraftSentences } from './draft-sentences.js';

/** Figures of a draft read at most (each may need its neighbourhood looked up): a bound for drafts of nothing but figures. */
export const MAX_FIGURES_READ = 20_000;

/**
 * A draft as every check reads it, made once per check: folded once (width, traditional → simplified, case,
 * quotes; same length, so offsets are the draft's), its Markdown syntax masked, its matching text (content
 * characters with offsets back: reuse, fact lookups, related), its sentences in matching-text positions (reuse),
 * its blank-free form (titles), its figures (numbers), and its named terms (reuse and related). Each check reads
 * these instead of deriving its own.
 */
export interface PreparedDraft {
  /** The draft as given: every offset reported is into it. */
  raw: string;
  /** foldText(raw). */
  folded: string;
  /** Markdown syntax positions (link targets, tags, front matter), left out of the matching text. */
  skip: Uint8Array | undefined;
  match: MatchText;
  /** Sentences of the matching text (a sentence ends at 。！？!? or a line break between content characters). */
  sentences: DraftSentences;
  /** Folded without any whitespace (常书⏎铭 → 常书铭), offsets back: for title patterns. */
  compact: { text: string; offsets: Uint32Array };
  /** Figures (up to MAX_FIGURES_READ), described only when a check asks. */
  figures: ScannedText;
  /** The archive's named terms in the draft (people, places, organisations, policies). */
  terms: TermMatch[];
}

export function prepareDraft(archive: Archive, raw: string, markdown = true): PreparedDraft {
  const folded = foldText(raw);
  const skip = markdown ? markdownSkipMask(raw) : undefined;
  const match = matchTextOfFolded(folded, skip);
  return {
    raw,
    folded,
    skip,
    match,
    sentences: draftSentences(raw, match),
    compact: withoutSpacesOfFolded(folded),
    figures: scanFolded(folded, MAX_FIGURES_READ),
    terms: getMatcher(archive).findAll(raw),
  };
}
