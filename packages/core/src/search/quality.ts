import { TYPO } from './match.js';
import type { Segment } from './query.js';

/**
 * The no-noise rule. Each query segment (a space-separated part) earns a
 * quality in one field of the article:
 *   1     the exact phrase (punctuation ignored),
 *   0.75  the phrase with one character wrong (typo; phrases of ≥ 3 characters),
 *   c/2   otherwise, if at least 60 % of its bigrams/words occur TOGETHER, in
 *         the query's order, within a window of twice the query's length
 *         (c = that fraction) — a paraphrase such as 农村环境整治 for
 *         农村人居环境整治提升,
 *   0     otherwise: scattered characters are not evidence.
 * An article is a hit only if the mean quality over segments is ≥ 0.3: at
 * least one segment in three is really there, or a paraphrase of the whole
 * query is. A query with nothing relevant therefore returns nothing rather
 * than the articles that merely share a common bigram (台风登陆 does not
 * match an article that only says 登陆). The thresholds are not fitted to
 * any query set: 0.6 is "most of the words", 0.3 is "a real part of the
 * query". Among hits, quality² multiplies BM25, so a phrase ranks above a
 * typo, a typo above a paraphrase, whatever the raw term counts; a typo match
 * is dropped when the phrase as typed occurs in the archive (see rank in rank.ts).
 *
 * No-answer precision: a segment with a distinctive part (a run of rare or
 * absent bigrams — a name, a rare term; query.ts) must be there as typed or
 * one character off; a paraphrase must hold every distinctive token, and an
 * article without the segment at all is no hit, whatever the other segments
 * score. An invented company joined to 半导体有限公司 thus finds nothing rather
 * than another 半导体有限公司.
 *
 * Order: tiers first, then score (then id): 3 the title is the query (spaces
 * and punctuation ignored, a 【…】 label stripped), 2 the query with its spaces
 * removed is in a field as typed (an OCR-spaced phrase), 1 every segment is
 * there exactly, 0 the rest. So an exact title beats a longer title holding it,
 * and an exact phrase beats typos and paraphrases however long the article.
 */
export const MIN_WINDOW_COVERAGE = 0.6;
export const MIN_QUALITY = 0.3;

/**
 * The best quality a segment can reach in an article, from which of its terms
 * the index says the article has: the exact phrase needs them all; one wrong
 * character removes at most two bigrams; a paraphrase needs 60 %. Lets the
 * ranking skip the text checks of articles that cannot qualify, and stop early.
 */
export function qualityBound(found: number, segment: Segment, total: number): number {
  if (!segment.chinese) return segment.exact && found < total ? 0 : found / total;
  if (found === total && segment.absent === 0) return 1;
  if (segment.exact) return 0;
  if (segment.phrase.length >= 3 && found >= total - 2 && found > 0 && segment.absent <= 2) return TYPO;
  if (segment.distinctiveAbsent) return 0;
  return found / total >= MIN_WINDOW_COVERAGE ? found / total / 2 : 0;
}

export interface FieldQuality {
  field: number;
  quality: number;
}

/**
 * BM25 × mean quality², × 1.5 when the title holds the query as typed. A title
 * holding every part exactly but apart or in another order (为奋进新征程凝心聚力
 * for 凝心聚力 奋进新征程) gets 1.35: the title that reads as the query ranks first.
 */
export function finalScore(bm25: number, matches: FieldQuality[], segments: Segment[], squeezedTitle: string): number {
  const quality = matches.reduce((sum, m) => sum + m.quality, 0) / segments.length;
  if (quality < MIN_QUALITY) return 0;
  if (segments.some((s, k) => (s.distinctive.length > 0 || s.titleOnly) && matches[k]!.quality === 0)) return 0;
  if (segments.some((s, k) => s.exact && matches[k]!.quality < 1)) return 0;
  if (!matches.every((m) => m.field === 0 && m.quality === 1)) return bm25 * quality ** 2;
  const asTyped = segments.length === 1 || squeezedTitle.includes(segments.map((s) => s.phrase).join(''));
  return bm25 * quality ** 2 * (asTyped ? 1.5 : 1.35);
}

/** The tier of a hit (see the rule above); `joined` is the query with its spaces removed (the segments' phrases, joined). */
export function tierOf(matches: FieldQuality[], joined: string, squeezed: string[], titleIsQuery: boolean): number {
  if (!matches.every((m) => m.quality === 1)) return 0;
  if (titleIsQuery) return 3;
  if (matches.length === 1 || squeezed.some((f) => f.includes(joined))) return 2;
  return 1;
}

/** The highest tier an article whose segment bounds are these can reach (3 only for a title that is the query). */
export function tierBound(bounds: readonly number[], titleIsQuery: boolean): number {
  if (!bounds.every((b) => b === 1)) return 0;
  return titleIsQuery ? 3 : 2;
}
