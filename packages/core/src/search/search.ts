import type { Archive } from '../archive.js';
import { foldText } from '../text/fold.js';
import type { AnalyzeOptions } from '../text/analyze.js';
import { getSearchIndex } from './archive-index.js';
import { bestReading } from './fallbacks.js';
import { squeezeText } from './match.js';
import { namesAndWords, namesOneCharacterOff, namesSoundingLikeText } from './names.js';
import { pinyinReadings } from './pinyin.js';
import { planQuery, queryParts } from './query.js';
import { rank } from './rank.js';
import { fieldTexts, type SearchIndex } from './search-index.js';
import { makeSnippet } from './snippet.js';
import type { SearchHit, SearchOptions } from './types.js';
import { EMPTY, FieldText, matchSegment, squeezedOf } from './verify.js';

export type { SearchHit, SearchOptions } from './types.js';

const SENTENCE_END = /[。！？；!?;\n]/;
const FALLBACK_POOL = 200;

// The entry point: plan the query, rank, fall back when nothing is found as typed, cut snippets.

/**
 * Searches an archive. Query words separated by spaces are segments (each a
 * phrase); Chinese is matched by bigrams with the phrase/typo/paraphrase rules
 * of quality.ts; a query made only of pinyin (qianwan gongcheng, Jinzhong) that finds
 * nothing as Latin words is read as the Chinese it most likely spells.
 */
export function searchArchive(archive: Archive, query: string, options: SearchOptions = {}): SearchHit[] {
  return searchWithIndex(archive, getSearchIndex(archive), query, options);
}

/**
 * `searchArchive` over a given index — for hosts that keep the index apart
 * and for the benchmark (which also runs the same engine over a word-segmented
 * index: pass the AnalyzeOptions the index was built with as `analyzer`).
 */
export function searchWithIndex(
  archive: Archive,
  index: SearchIndex,
  query: string,
  options: SearchOptions & { analyzer?: AnalyzeOptions } = {},
): SearchHit[] {
  // The lexicon hook: the whole-token terms the index was built with, unless the caller gives its own.
  const terms = options.terms ?? (index.wholeTerms.length ? index.wholeTerms : undefined);
  const analyze: AnalyzeOptions = { ...options.analyzer, ...(terms ? { terms } : {}) };
  const parts = queryParts(query);
  let segments = planQuery(parts, analyze, index);
  if (!segments.length) return [];
  const limit = options.limit ?? 20;
  let hits = rank(archive, index, segments, options, limit);
  if (!hits.length) {
    // Nothing as typed: the query may be pinyin, a name typed with a homophone (韦涛 for 韦韬), or a name with a
    // wrong character (常树铭 for 常书铭).
    const single = parts.length === 1 ? foldText(parts[0]!) : null; // 常 树 铭 too: one part
    const reading =
      bestReading(archive, index, pinyinReadings(index, parts)) ??
      (single ? (bestReading(archive, index, namesSoundingLikeText(index, single)) ?? namesOneCharacterOff(index, single)[0]) : undefined);
    if (reading) {
      segments = planQuery([reading], analyze, index);
      hits = rank(archive, index, segments, options, limit);
    }
  }
  if (!hits.length && parts.length === 1) {
    // Still nothing: read the query as names and words (晋中和太原一体化 → 晋中 太原 一体化), which a hit must then
    // hold exactly, all in one sentence — a paraphrase of what the archive says, not words that merely co-occur
    // (台风 in one paragraph and 登陆艇 in another is no answer to 台风登陆).
    const names = namesAndWords(index, foldText(parts[0]!));
    if (names.length && !dropsAStretch(foldText(parts[0]!), names)) {
      const partSegments = planQuery(names, analyze, index);
      // Filtered after ranking: rank as many as any limit up to FALLBACK_POOL would, so the first k never depend on the limit.
      const all = rank(archive, index, partSegments, options, Math.max(FALLBACK_POOL, limit)).filter((hit) =>
        fieldTexts(hit.article).some((field) => field.split(SENTENCE_END).some((sentence) => {
          const squeezed = squeezeText(sentence); // squeezing drops the punctuation that ends sentences: split first
          return partSegments.every((s) => squeezed.includes(s.phrase));
        })),
      );
      if (all.length) {
        segments = partSegments;
        hits = all;
      }
    }
  }
  return hits.slice(0, limit).map((hit) => {
    // The snippet is cut from the body: locate each segment there, even where its best match was the title.
    const texts = fieldTexts(hit.article);
    const body = [EMPTY, EMPTY, new FieldText(texts[2], squeezedOf(hit.article)[2])];
    const bodyMatches = segments.map((s) => matchSegment(s, body));
    const { snippet, highlights } = makeSnippet(texts, bodyMatches, segments);
    return {
      id: hit.article.id,
      title: hit.article.title,
      paper: hit.article.paper,
      date: hit.article.date,
      score: Math.round(hit.score * 1000) / 1000,
      snippet,
      highlights,
    };
  });
}

/**
 * Whether reading `text` as `names` (names and words, in order) leaves out two or more characters in a row: one
 * (和 in 晋中和太原一体化) is a particle between words, more is a name of its own — an invented one, say (曜岚芯微 in
 * 曜岚芯微半导体有限公司), which a hit must hold: the reading is then no answer.
 */
function dropsAStretch(text: string, names: readonly string[]): boolean {
  let at = 0;
  for (const name of names) {
    const found = text.indexOf(name, at);
    if (found < 0) return true;
    if (found - at >= 2) return true;
    at = found + name.length;
  }
  return text.length - at >= 2;
}
