import type { Archive } from '../archive.js';
import { searchTermsOf } from '../lexicon/build.js';
import { getLexicon } from '../lexicon/index.js';
import type { Article, ArticleKind } from '../article.js';
import { runSteps, runStepsInSlices, yieldToHost } from '../host.js';
import { foldText } from '../text/fold.js';
import { isCjk, normalizeForSearch, prepareTermTableSteps, tokenizeNormalized, type AnalyzeOptions } from '../text/analyze.js';
import { bestWindow, findOneSubstitution, findWord, squeeze, squeezedFrom, squeezeText, toOriginal, TYPO, type SqueezedText } from './match.js';
import { namesAndWords, namesOneCharacterOff, namesSoundingLikeText } from './names.js';
import { pinyinReadings } from './pinyin.js';
import {
  buildSearchIndex,
  fieldText,
  fieldTexts,
  isCurrentSection,
  searchIndexFromSection,
  searchIndexFromSectionAsync,
  type SearchIndex,
} from './search-index.js';
import { makeSnippet } from './snippet.js';
import { warmUpQueries, WARM_UP_ROUNDS } from './warm-up.js';

export interface SearchOptions {
  limit?: number;
  paper?: string;
  /** ISO date or prefix (2024, 2024-02, 2024-02-13), inclusive. */
  from?: string;
  to?: string;
  kind?: ArticleKind;
  /** Lexicon hook: extra whole-token terms (see AnalyzeOptions.terms). */
  terms?: readonly string[];
}

export interface SearchHit {
  id: string;
  title: string;
  paper: string | null;
  date: string | null;
  score: number;
  snippet: string;
  /** UTF-16 [start, end) offsets into `snippet`, in reading order. */
  highlights: [number, number][];
}

// ---- the index of an archive -------------------------------------------------

const indexes = new WeakMap<Archive, SearchIndex>();

function sectionFits(archive: Archive, section: unknown): boolean {
  if (!isCurrentSection(section)) return false;
  const docs = (section as { docs: string[] }).docs;
  return docs.length === archive.articles.length && docs.every((id, i) => archive.articles[i]!.id === id);
}

/** The archive's search index: the bundle's `search` section, or built from the articles when it is absent or stale. */
export function getSearchIndex(archive: Archive): SearchIndex {
  let index = indexes.get(archive);
  if (!index) {
    const section = archive.bundle.search;
    index = sectionFits(archive, section) ? searchIndexFromSection(section) : rebuildSearchIndex(archive);
    indexes.set(archive, index);
  }
  return index;
}

/** A bundle without a (usable) search section: index as `buildBundle` does, lexicon terms included, so rankings match. */
function rebuildSearchIndex(archive: Archive): SearchIndex {
  return buildSearchIndex(archive.articles, { terms: searchTermsOf(getLexicon(archive).terms) });
}


/**
 * The same, yielding to the event loop while it decodes (for UI threads);
 * later calls to `getSearchIndex` reuse it. Long-lived hosts load this way,
 * so it also readies the archive for queries (prepareSearch), in slices:
 * the articles' squeezed texts, then a warm-up. (`getSearchIndex` leaves
 * all that to the queries: a one-shot CLI search looks at a few dozen
 * articles and would not gain from it.)
 */
export async function loadSearchIndex(archive: Archive): Promise<SearchIndex> {
  const cached = indexes.get(archive);
  if (cached) return cached;
  const section = archive.bundle.search;
  const index = sectionFits(archive, section) ? await searchIndexFromSectionAsync(section) : rebuildSearchIndex(archive);
  indexes.set(archive, index);
  await prepareSearch(archive, index);
  return index;
}

/** `loadSearchIndex` in one piece (the same work, no yields): for tests and one-piece hosts. */
export function loadSearchIndexSync(archive: Archive): SearchIndex {
  const index = getSearchIndex(archive);
  prepareSearchSync(archive, index);
  return index;
}

/** What `loadSearchIndex` does once it has the index (textSteps, warmUpSteps), for an index loaded apart (the benchmark). */
export async function prepareSearch(archive: Archive, index: SearchIndex): Promise<void> {
  await runStepsInSlices(textSteps(archive));
  // One warm-up query per slice: the first ones run cold (10–20 ms each), and added to a slice of other work
  // they blocked the event loop for up to 38 ms on the bench (21 ms before the warm-up existed).
  for (const _ of warmUpSteps(archive, index)) await yieldToHost();
}

/** The same in one piece. */
export function prepareSearchSync(archive: Archive, index: SearchIndex): void {
  runSteps(textSteps(archive));
  runSteps(warmUpSteps(archive, index));
}

/**
 * What a long-lived host does after loading an index (prepareSearch: textSteps,
 * then warmUpSteps), in slices:
 *   1. squeeze every article's fields, so queries never do;
 *   2. a JIT warm-up: a few rounds of queries made from the archive itself
 *      (warm-up.ts), so that V8 has compiled the query code, with feedback
 *      for every path, and the first-use tables are built before the user's
 *      first query rather than during it. Measured on the 5,000-story xwlb
 *      bench, pinned to one core: ~170 ms of load (in the bench's Jianbao
 *      load column: 0.09 → 0.21 s sync with the text squeezing), the first
 *      query 43–49 ms → a few ms, the first pass of the 600 queries wall p95
 *      ~5.2–5.9 → ~2.9–3.8 ms (CPU p95 1.2–2.5 → 0.7–0.85 ms; what remains is
 *      mostly V8 still optimising in background threads that share the one
 *      core). 8 or 16 rounds instead of 4 cost 50–180 ms more load for
 *      little. Results are unchanged: what it fills are caches whose
 *      contents do not depend on the queries that filled them.
 */
function* textSteps(archive: Archive): Generator<void, void> {
  const SLICE = 500;
  for (let i = 0; i < archive.articles.length; i += SLICE) {
    for (const article of archive.articles.slice(i, i + SLICE)) squeezedOf(article);
    yield;
  }
}

function* warmUpSteps(archive: Archive, index: SearchIndex): Generator<void, void> {
  // The first-use tables, each in steps of its own: built inside the first warm-up query they froze the
  // VS Code extension host for ~300 ms on xwlb (the lexicon hook's table, the document table, commonTerms).
  if (index.wholeTerms.length) yield* prepareTermTableSteps(index.wholeTerms);
  docTableOf(archive, index);
  yield;
  const queries = warmUpQueries(index, archive.articles);
  yield;
  for (let round = 0; round < WARM_UP_ROUNDS; round++) {
    for (const query of queries) {
      searchWithIndex(archive, index, query, { limit: 10 });
      yield;
    }
  }
}

// ---- query analysis ------------------------------------------------------------

interface Segment {
  /** Squeezed normalised text of the segment: what an exact phrase must equal. */
  phrase: string;
  /** Distinct index terms (bigrams, words) — what coverage is counted over. */
  tokens: string[];
  /** Lexicon terms found in the segment: a bonus only. */
  extra: string[];
  /** Contains Chinese: phrase and typo checks apply; otherwise whole-word matching via the index. */
  chinese: boolean;
}

/**
 * A query's space-separated parts, with OCR-style spacing undone: a line break
 * inside Chinese (千万\n工程, pasted from a page) and a lone Chinese character
 * set apart (千 万 工 程, 常 书铭) join their neighbours; spaces between words
 * (灵石县 重点项目) still separate parts.
 */
const HAN = /\p{Script=Han}/u;
const BREAK_IN_HAN = /(\p{Script=Han})[ \t\u3000]*[\r\n][\s\u3000]*(?=\p{Script=Han})/gu;
const lone = (part: string) => part.length === 1 && HAN.test(part);

export function queryParts(query: string): string[] {
  const parts: string[] = [];
  for (const part of query.replace(BREAK_IN_HAN, '$1').split(/[\s\u3000]+/)) {
    if (!part) continue;
    const last = parts[parts.length - 1];
    if (last !== undefined && (lone(part) || lone(last)) && HAN.test(last.at(-1)!) && HAN.test(part[0]!)) parts[parts.length - 1] = last + part;
    else parts.push(part);
  }
  return parts;
}

function planQuery(parts: readonly string[], options: AnalyzeOptions): Segment[] {
  const segments: Segment[] = [];
  for (const part of parts) {
    const norm = normalizeForSearch(part).text;
    const tokens = tokenizeNormalized(norm, options);
    const base = [...new Set(tokens.filter((t) => t.kind !== 'term').map((t) => t.term))].slice(0, 32);
    if (!base.length) continue;
    const phrase = squeeze(part).text;
    segments.push({
      phrase,
      tokens: base,
      extra: [...new Set(tokens.filter((t) => t.kind === 'term').map((t) => t.term))],
      chinese: [...phrase].some((c) => isCjk(c.charCodeAt(0))),
    });
  }
  return segments.slice(0, 8);
}

// ---- scoring ---------------------------------------------------------------------

/** BM25 as MiniSearch uses it (k1 1.2, b 0.7, d 0.5), per field with boosts: a title match counts most. */
const K1 = 1.2;
const B = 0.7;
const D = 0.5;
const BOOSTS = [3, 1.5, 1];
/** At most this many candidates (or 3 × limit), best upper bound first, get the costlier text checks. */
const VERIFY = 30;

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
 * is dropped when the phrase as typed occurs (see rank).
 */
const MIN_WINDOW_COVERAGE = 0.6;
const MIN_QUALITY = 0.3;

interface Scored {
  doc: number;
  bm25: number;
  /** Per segment, the best quality its indexed terms allow (see qualityBound). */
  bounds: number[];
  /** An upper bound of the final score. */
  upper: number;
}

/**
 * The best quality a segment can reach in an article, from which of its terms
 * the index says the article has: the exact phrase needs them all; one wrong
 * character removes at most two bigrams; a paraphrase needs 60 %. Lets the
 * ranking skip the text checks of articles that cannot qualify, and stop early.
 */
function qualityBound(found: number, segment: Segment, total: number): number {
  if (!segment.chinese) return found / total;
  if (found === total) return 1;
  if (segment.phrase.length >= 3 && found >= total - 2 && found > 0) return TYPO;
  return found / total >= MIN_WINDOW_COVERAGE ? found / total / 2 : 0;
}

/** Per index, the expansion of single characters (月, 日 in dates): a vocabulary scan and hundreds of lookups each time otherwise. */
const charExpansions = new WeakMap<SearchIndex, Map<string, number[]>>();

function termIndexes(index: SearchIndex, token: string): number[] {
  if (token.length === 1 && isCjk(token.charCodeAt(0))) {
    let cache = charExpansions.get(index);
    if (!cache) charExpansions.set(index, (cache = new Map()));
    let out = cache.get(token);
    if (!out) {
      out = expandChar(index, token);
      if (cache.size >= 4096) cache.clear();
      cache.set(token, out);
    }
    return out;
  }
  const exact = index.find(token);
  return exact >= 0 ? [exact] : [];
}

function expandChar(index: SearchIndex, token: string): number[] {
  const exact = index.find(token);
  // A single Chinese character is not a term of its own (only bigrams are indexed): use every bigram that starts or ends with it.
  const out: number[] = exact >= 0 ? [exact] : [];
  const [lo, hi] = index.prefixRange(token);
  for (let i = lo; i < hi; i++) if (i !== exact) out.push(i);
  // Bigrams ending with it: one pass over the vocabulary string (rare: one-character queries only).
  const { joined } = index.terms;
  for (let at = joined.indexOf(token); at >= 0; at = joined.indexOf(token, at + 1)) {
    const startsTerm = at === 1 || (at > 1 && joined[at - 2] === '\n');
    const endsTerm = at + 1 === joined.length || joined[at + 1] === '\n';
    if (startsTerm && endsTerm && joined[at - 1] !== '\n' && joined[at - 1] !== token) {
      const i = index.terms.termAt(at - 1);
      if (i >= 0) out.push(i);
    }
  }
  return out;
}

/**
 * A one-character token's expansion merged once: every document having any
 * of its terms (the character alone, the bigrams starting or ending with
 * it), with the BM25 those terms add up to there. A date like 4月10日12时
 * expands 月, 日, 时 into hundreds of bigrams each; walking and scoring all
 * their lists on every such query was the slowest kind of query. The sum per
 * document is the same as adding term by term into the query's total (the
 * order of the floating-point additions differs: last-bit differences only).
 */
interface CharPostings {
  docs: Uint32Array;
  weights: Float64Array;
  /** The sum of the terms' document frequencies (what possibleDocs orders tokens by). */
  df: number;
}

const charPostingsCache = new WeakMap<SearchIndex, { map: Map<string, CharPostings>; entries: number }>();
/** Bounded by documents held (12 bytes each): a few megabytes. */
const CHAR_CACHE_ENTRIES = 1 << 19;

function charPostingsOf(index: SearchIndex, token: string): CharPostings {
  let cache = charPostingsCache.get(index);
  if (!cache) charPostingsCache.set(index, (cache = { map: new Map(), entries: 0 }));
  const hit = cache.map.get(token);
  if (hit) {
    cache.map.delete(token);
    cache.map.set(token, hit);
    return hit;
  }
  const n = index.docCount;
  const norms = normsOf(index);
  const sums = new Float64Array(n);
  const seen = new Uint8Array(n);
  let count = 0;
  let df = 0;
  let lastField = -1;
  let weight = 0;
  const visit = (field: number, doc: number, tf: number, fieldCount: number) => {
    if (field !== lastField) {
      lastField = field;
      weight = BOOSTS[field]! * Math.log(1 + (n - fieldCount + 0.5) / (fieldCount + 0.5));
    }
    if (!seen[doc]) {
      seen[doc] = 1;
      count++;
    }
    sums[doc] = sums[doc]! + weight * (D + (tf * (K1 + 1)) / (tf + norms[field]![doc]!));
  };
  for (const termIndex of termIndexes(index, token)) {
    df += index.documentFrequency(termIndex);
    lastField = -1;
    index.visitPostings(termIndex, visit);
  }
  const docs = new Uint32Array(count);
  const weights = new Float64Array(count);
  for (let doc = 0, k = 0; doc < n; doc++) {
    if (!seen[doc]) continue;
    docs[k] = doc;
    weights[k++] = sums[doc]!;
  }
  const entry = { docs, weights, df };
  cache.map.set(token, entry);
  cache.entries += count;
  for (const [old, e] of cache.map) {
    if (cache.entries <= CHAR_CACHE_ENTRIES || old === token) break;
    cache.map.delete(old);
    cache.entries -= e.docs.length;
  }
  return entry;
}

const isCharToken = (token: string) => token.length === 1 && isCjk(token.charCodeAt(0));

/** Where a scored token's documents come from: its term (a bigram, a word), or a merged one-character expansion. */
type TokenSource = { terms: number[]; char?: undefined } | { char: CharPostings; terms?: undefined };

function tokenSource(index: SearchIndex, token: string): TokenSource {
  return isCharToken(token) ? { char: charPostingsOf(index, token) } : { terms: termIndexes(index, token) };
}

/**
 * Long segments (a pasted headline or sentence) are scored on their rarest
 * terms only: an article with the phrase has them all, one with a typo all
 * but two, so candidates are the same, and the commonest bigrams (发展, 中国)
 * — long posting lists, almost no weight in BM25 — are most of the work.
 */
const MAX_SCORED_TERMS = 12;

function scoredTerms(index: SearchIndex, segment: Segment): string[] {
  if (segment.tokens.length <= MAX_SCORED_TERMS) return segment.tokens;
  const df = (t: string) => {
    const i = index.find(t);
    return i < 0 ? 0 : index.documentFrequency(i);
  };
  return segment.tokens
    .map((t) => ({ t, df: df(t) }))
    .sort((a, b) => a.df - b.df)
    .slice(0, MAX_SCORED_TERMS)
    .map((x) => x.t);
}

/**
 * Which documents can still qualify (MaxScore-style early termination): an
 * article needs, per segment, enough of its scored terms for the mean quality
 * bound to reach MIN_QUALITY. Walking the query's tokens rarest first, once
 * the tokens not yet walked could not lift an article that has none of the
 * walked ones to that bound, no article outside the walked postings can be a
 * hit: the commoner tokens (发展, 中国 — the long lists) then only add to
 * articles already marked. Returns null when every article stays possible.
 * Ranking is unchanged: marked articles still get every term's BM25, in the
 * same order.
 */
function possibleDocs(index: SearchIndex, segments: Segment[], scored: string[][], sources: TokenSource[][], alive: Uint8Array): Uint32Array | null {
  const tokens: { s: number; source: TokenSource; df: number }[] = [];
  scored.forEach((terms, s) => terms.forEach((_, t) => {
    const source = sources[s]![t]!;
    let df = 0;
    if (source.char) df = source.char.df;
    else for (const i of source.terms) df += index.documentFrequency(i);
    tokens.push({ s, source, df });
  }));
  tokens.sort((a, b) => a.df - b.df);
  const remaining = scored.map((terms) => terms.length);
  const canStillQualify = () => {
    let sum = 0;
    for (let s = 0; s < segments.length; s++) sum += qualityBound(remaining[s]!, segments[s]!, scored[s]!.length);
    return sum / segments.length >= MIN_QUALITY;
  };
  // How many tokens must be walked depends on the counts only, not on the lists: when it is all of them
  // (most queries of two or more segments: one segment whole still qualifies), no article can be ruled
  // out, and marking their lists would be thrown away.
  let needed = 0;
  for (; needed < tokens.length && canStillQualify(); needed++) remaining[tokens[needed]!.s]!--;
  if (needed === tokens.length) return null;
  scored.forEach((terms, s) => (remaining[s] = terms.length));
  const marked: number[] = [];
  let walked = 0;
  for (; walked < needed; walked++) {
    const token = tokens[walked]!;
    const lists = token.source.char ? [token.source.char.docs] : token.source.terms.flatMap((termIndex) => index.postings(termIndex).docs);
    {
      for (const list of lists) {
        for (let i = 0; i < list.length; i++) {
          const doc = list[i]!;
          if (!alive[doc]) {
            alive[doc] = 1;
            marked.push(doc);
          }
        }
      }
    }
  }
  return Uint32Array.from(marked).sort();
}

/** Scratch for the positions found by `intersect`. */
let found = new Int32Array(1024);

/**
 * The positions in `list` (ascending documents) of the documents of `docs`
 * (ascending) it holds, by galloping search: for a common bigram's list of
 * thousands and a few dozen possible documents, instead of walking the list.
 * Same positions, same order as the walk that skips the other documents.
 */
function intersect(list: Uint32Array, docs: Uint32Array): number {
  if (found.length < docs.length) found = new Int32Array(docs.length * 2);
  let n = 0;
  let i = 0;
  for (let a = 0; a < docs.length && i < list.length; a++) {
    const target = docs[a]!;
    if (list[i]! < target) {
      let step = 1;
      let hi = i + 1;
      while (hi < list.length && list[hi]! < target) {
        i = hi;
        step *= 2;
        hi = i + step;
      }
      let lo = i + 1;
      hi = Math.min(hi, list.length);
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (list[mid]! < target) lo = mid + 1;
        else hi = mid;
      }
      i = lo;
    }
    if (i < list.length && list[i] === target) found[n++] = i++;
  }
  return n;
}

/** Galloping pays when the list is much longer than the possible documents. */
const GALLOP_RATIO = 8;

/** Per-query scratch arrays, reused (searches are synchronous): allocating them per query was much of the GC. */
let scratch: { n: number; bm25: Float64Array; alive: Uint8Array; masks: Uint32Array[] } | undefined;

function scratchFor(n: number, segments: number) {
  if (!scratch || scratch.n !== n) scratch = { n, bm25: new Float64Array(n), alive: new Uint8Array(n), masks: [] };
  while (scratch.masks.length < segments) scratch.masks.push(new Uint32Array(n));
  return scratch;
}

/**
 * Per index and field, the BM25 length norm of each document, K1·(1 − B + B·len/avg):
 * the same value the scoring loop computed per posting (same operations, same
 * order), once per document instead of once per posting.
 */
const lengthNorms = new WeakMap<SearchIndex, Float64Array[]>();

function normsOf(index: SearchIndex): Float64Array[] {
  let norms = lengthNorms.get(index);
  if (!norms) {
    norms = [0, 1, 2].map((f) => {
      const avg = index.avgLength[f]! || 1;
      const out = new Float64Array(index.docCount);
      for (let doc = 0; doc < index.docCount; doc++) out[doc] = K1 * (1 - B + (B * index.lengths[doc * 3 + f]!) / avg);
      return out;
    });
    lengthNorms.set(index, norms);
  }
  return norms;
}

/**
 * The `keep` best candidates by upper bound, best first, ties in the order
 * the documents were first reached — exactly the head of a stable sort of all
 * of them, without sorting (or even making objects for) thousands of
 * candidates of which only the first ~30 are ever verified.
 */
function scoreCandidates(index: SearchIndex, segments: Segment[], accept: ((doc: number) => boolean) | null, keep: number): Scored[] {
  const n = index.docCount;
  const { bm25, alive: aliveBuffer, masks } = scratchFor(n, segments.length);
  const norms = normsOf(index);
  const touched: number[] = [];
  const scored = segments.map((segment) => scoredTerms(index, segment));
  const sources = scored.map((terms) => terms.map((token) => tokenSource(index, token)));
  const possible = possibleDocs(index, segments, scored, sources, aliveBuffer);
  const alive = possible ? aliveBuffer : null;
  try {
    segments.forEach((segment, s) => {
      const terms = scored[s]!;
      const all = [...terms, ...segment.extra];
      const mask = masks[s]!;
      all.forEach((token, t) => {
        const source = t < terms.length ? sources[s]![t]! : { terms: termIndexes(index, token) };
        if (source.char) {
          const { docs, weights } = source.char;
          const bit = 1 << t;
          if (possible && docs.length > GALLOP_RATIO * possible.length) {
            const m = intersect(docs, possible);
            for (let k = 0; k < m; k++) {
              const i = found[k]!;
              const doc = docs[i]!;
              if (bm25[doc] === 0) touched.push(doc);
              bm25[doc] = bm25[doc]! + weights[i]!;
              mask[doc] = mask[doc]! | bit;
            }
            return;
          }
          for (let i = 0; i < docs.length; i++) {
            const doc = docs[i]!;
            if (alive && !alive[doc]) continue;
            if (bm25[doc] === 0) touched.push(doc);
            bm25[doc] = bm25[doc]! + weights[i]!;
            mask[doc] = mask[doc]! | bit;
          }
          return;
        }
        for (const termIndex of source.terms) {
          const { docs, tfs } = index.postings(termIndex);
          for (let f = 0; f < 3; f++) {
            const list = docs[f]!;
            if (!list.length) continue;
            const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
            const weight = BOOSTS[f]! * idf;
            const norm = norms[f]!;
            const bit = t < terms.length ? 1 << t : 0;
            const tfList = tfs[f]!;
            if (possible && list.length > GALLOP_RATIO * possible.length) {
              const m = intersect(list, possible);
              for (let k = 0; k < m; k++) {
                const i = found[k]!;
                const doc = list[i]!;
                const tf = tfList[i]!;
                if (bm25[doc] === 0) touched.push(doc);
                bm25[doc] = bm25[doc]! + weight * (D + (tf * (K1 + 1)) / (tf + norm[doc]!));
                mask[doc] = mask[doc]! | bit;
              }
              continue;
            }
            for (let i = 0; i < list.length; i++) {
              const doc = list[i]!;
              if (alive && !alive[doc]) continue;
              const tf = tfList[i]!;
              if (bm25[doc] === 0) touched.push(doc);
              bm25[doc] = bm25[doc]! + weight * (D + (tf * (K1 + 1)) / (tf + norm[doc]!));
              mask[doc] = mask[doc]! | bit;
            }
          }
        }
      });
    });
    // A bounded heap of [upper, order, doc], worst on top.
    const heap: { upper: number; order: number; doc: number; mean: number }[] = [];
    const single = segments.length === 1;
    const bound = (doc: number, s: number) => segmentBound(masks, segments, scored, doc, s);
    for (let order = 0; order < touched.length; order++) {
      const doc = touched[order]!;
      let sum = 0;
      for (let s = 0; s < segments.length; s++) sum += bound(doc, s);
      const mean = sum / segments.length;
      if (mean < MIN_QUALITY || (accept && !accept(doc))) continue;
      const entry = { upper: bm25[doc]! * mean ** 2 * 1.5, order, doc, mean };
      if (heap.length < keep) {
        heap.push(entry);
        for (let k = heap.length - 1; k > 0; ) {
          const parent = (k - 1) >> 1;
          if (!worse(heap[k]!, heap[parent]!)) break;
          [heap[k], heap[parent]] = [heap[parent]!, heap[k]!];
          k = parent;
        }
      } else if (keep > 0 && worse(heap[0]!, entry)) {
        heap[0] = entry;
        for (let k = 0; ; ) {
          const l = 2 * k + 1;
          const r = l + 1;
          let m = k;
          if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l;
          if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r;
          if (m === k) break;
          [heap[k], heap[m]] = [heap[m]!, heap[k]!];
          k = m;
        }
      }
    }
    heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
    return heap.map(({ doc, mean, upper }) => ({
      doc,
      bm25: bm25[doc]!,
      // segmentBound, not the `bound` closure: called from this inner callback, a closure made per call was a
      // new call target each query, and V8 deoptimised scoreCandidates at every query of two or more segments.
      bounds: single ? [mean] : segments.map((_, s) => segmentBound(masks, segments, scored, doc, s)),
      upper,
    }));
  } finally {
    // Leave the scratch arrays zeroed for the next query.
    for (const doc of touched) {
      bm25[doc] = 0;
      for (let s = 0; s < segments.length; s++) masks[s]![doc] = 0;
    }
    // The marked documents are exactly `possible`. (A loop, not alive.fill: no property call on a value that
    // is null in most queries, which deoptimised this function at each query that pruned, warm-up or not.)
    if (possible) for (let k = 0; k < possible.length; k++) aliveBuffer[possible[k]!] = 0;
  }
}

/** Which heap entry is worse: lower bound, or reached later. (Module level: see segmentBound.) */
function worse(a: { upper: number; order: number }, b: { upper: number; order: number }): boolean {
  return a.upper < b.upper || (a.upper === b.upper && a.order > b.order);
}

function segmentBound(masks: Uint32Array[], segments: Segment[], scored: string[][], doc: number, s: number): number {
  return qualityBound(popcount(masks[s]![doc]!), segments[s]!, scored[s]!.length);
}

function popcount(x: number): number {
  let c = 0;
  for (; x; x &= x - 1) c++;
  return c;
}

export interface SegmentMatch {
  field: number;
  quality: number;
  /** ORIGINAL offsets of the match in that field's text. */
  start: number;
  end: number;
}

/** A field's text with its squeezed form and offset map, made when a check needs it (snippets, Latin words). */
class FieldText {
  private squeezed: SqueezedText | undefined;
  /** `squeezedText`, when given, is `squeezeText(raw)` already made (the kept one): only its offset map is then built, if needed. */
  constructor(readonly raw: string, private readonly squeezedText?: string) {}
  get text(): SqueezedText {
    return (this.squeezed ??= this.squeezedText === undefined ? squeeze(this.raw) : squeezedFrom(this.raw, this.squeezedText));
  }
}

const EMPTY = new FieldText('');

/**
 * The squeezed text of each field of an article, kept for as long as the
 * article lives: ranking verifies ~30 candidates per query, the same long
 * articles are candidates of many queries (they contain every common bigram),
 * and squeezing them again was most of a query's cost. Strings only (about
 * two bytes per character of text: 17 MB for the 19,876-story xwlb archive);
 * the offset maps are made for the shown hits' snippets only.
 */
const squeezedFields = new WeakMap<Article, string[]>();

function squeezedOf(article: Article): string[] {
  let fields = squeezedFields.get(article);
  if (!fields) {
    fields = fieldTexts(article).map((t) => (t ? squeezeText(t) : ''));
    squeezedFields.set(article, fields);
  }
  return fields;
}

/**
 * Squeezes every article's fields ahead of the first search (the loaders
 * call it, so queries do not pay for it): `yieldNow` between slices keeps a
 * UI thread responsive.
 */
export async function prepareSearchTexts(archive: Archive, yieldNow?: () => Promise<void>): Promise<void> {
  const SLICE = 500;
  for (let i = 0; i < archive.articles.length; i += SLICE) {
    for (const article of archive.articles.slice(i, i + SLICE)) squeezedOf(article);
    if (yieldNow) await yieldNow();
  }
}

/** The same, synchronously. */
export function prepareSearchTextsSync(archive: Archive): void {
  for (const article of archive.articles) squeezedOf(article);
}

interface FieldQuality {
  field: number;
  quality: number;
}

/**
 * What `matchSegment` finds for ranking (field and quality, not where), on
 * the kept squeezed texts: the same result, and the texts as printed are
 * looked at only in the rare case that decides a field (see below).
 */
function segmentQuality(segment: Segment, article: Article, squeezed: string[], bound: number): FieldQuality {
  if (bound <= 0) return { field: -1, quality: 0 };
  // Squeezing is idempotent (test/search-fast-paths), so the phrase squeezes to itself and the kept squeezed texts decide.
  if (!segment.chinese) {
    const m = matchSegment(segment, fieldTexts(article).map((t) => new FieldText(t)), bound);
    return { field: m.field, quality: m.quality };
  }
  const phrase = segment.phrase;
  if (bound === 1) {
    for (let f = 0; f < 3; f++) {
      if (!squeezed[f]!.includes(phrase)) continue;
      // matchSegment prefers the first field whose text AS PRINTED has the phrase, else the first whose squeezed
      // text has it. Printed implies squeezed (the phrase squeezes to itself), so no earlier field can be printed.
      // Only fields whose squeezed text has it can (printed implies squeezed); the body is joined only if needed.
      for (let g = f; g < 3; g++) if (squeezed[g]!.includes(phrase) && fieldText(article, g).includes(phrase)) return { field: g, quality: 1 };
      return { field: f, quality: 1 };
    }
  }
  let best: FieldQuality = { field: -1, quality: 0 };
  for (let f = 0; f < 3; f++) {
    const text = squeezed[f]!;
    if (!text) continue;
    if (best.quality >= TYPO) break;
    if (bound >= TYPO && typoIn(text, segment) >= 0) {
      best = { field: f, quality: TYPO };
      continue;
    }
    const window = windowIn(text, segment);
    if (window.coverage >= MIN_WINDOW_COVERAGE && window.coverage / 2 > best.quality) best = { field: f, quality: window.coverage / 2 };
  }
  return best;
}

/**
 * The typo and paraphrase checks of a segment in a squeezed text, remembered
 * for the query (segments are made per query): a hit's snippet asks again
 * what ranking asked about its body, and those scans of whole bodies were
 * a large share of a slow query. Keyed by the kept squeezed strings, whose
 * hash V8 computes once and keeps.
 */
const typoMemo = new WeakMap<Segment, Map<string, number>>();
const windowMemo = new WeakMap<Segment, Map<string, { coverage: number; start: number; end: number }>>();

function typoIn(text: string, segment: Segment): number {
  let memo = typoMemo.get(segment);
  if (!memo) typoMemo.set(segment, (memo = new Map()));
  let at = memo.get(text);
  if (at === undefined) memo.set(text, (at = findOneSubstitution(text, segment.phrase)));
  return at;
}

function windowIn(text: string, segment: Segment): { coverage: number; start: number; end: number } {
  let memo = windowMemo.get(segment);
  if (!memo) windowMemo.set(segment, (memo = new Map()));
  let window = memo.get(text);
  if (!window) memo.set(text, (window = bestWindow(text, segment.tokens, Math.max(12, 2 * segment.phrase.length), MIN_WINDOW_COVERAGE)));
  return window;
}

function matchSegment(segment: Segment, fields: FieldText[], bound = 1): SegmentMatch {
  let best: SegmentMatch = { field: -1, quality: 0, start: 0, end: 0 };
  if (bound <= 0) return best;
  const consider = (field: number, quality: number, range: [number, number]) => {
    if (quality > best.quality) best = { field, quality, start: range[0], end: range[1] };
  };
  if (segment.chinese && bound === 1) {
    // Fast path: the phrase as typed (already normalised) is in the text as printed.
    for (let field = 0; field < fields.length; field++) {
      const at = fields[field]!.raw.indexOf(segment.phrase);
      if (at >= 0) return { field, quality: 1, start: at, end: at + segment.phrase.length };
    }
  }
  fields.forEach((field, f) => {
    if (!field.raw) return;
    const text = field.text;
    if (!segment.chinese) {
      // Latin words and numbers: whole words only (ai is not in said).
      const found = segment.tokens.map((t) => findWord(text, t, 1)[0]).filter((r): r is [number, number] => !!r);
      if (found.length) consider(f, found.length / segment.tokens.length, found[0]!);
      return;
    }
    const exact = bound === 1 ? text.text.indexOf(segment.phrase) : -1;
    if (exact >= 0) return consider(f, 1, toOriginal(text, exact, exact + segment.phrase.length));
    if (best.quality >= TYPO) return;
    const typo = bound >= TYPO ? typoIn(text.text, segment) : -1;
    if (typo >= 0) return consider(f, TYPO, toOriginal(text, typo, typo + segment.phrase.length));
    const window = windowIn(text.text, segment);
    if (window.coverage >= MIN_WINDOW_COVERAGE) consider(f, window.coverage / 2, toOriginal(text, window.start, window.end));
  });
  return best;
}

function passesFilters(article: Article, options: SearchOptions): boolean {
  if (options.kind && article.kind !== options.kind) return false;
  if (options.paper && article.paper !== options.paper) return false;
  if (options.from || options.to) {
    if (!article.date) return false;
    if (options.from && article.date.slice(0, options.from.length) < options.from) return false;
    if (options.to && article.date.slice(0, options.to.length) > options.to) return false;
  }
  return true;
}

interface RankedHit {
  article: Article;
  score: number;
}

/**
 * Per index, its documents' articles and their kept squeezed texts, by document number: a lookup by id and
 * one in the squeezed texts' WeakMap for every candidate were ~4 % of a slow query each.
 */
interface DocTable {
  archive: Archive;
  articles: (Article | undefined)[];
  squeezed: (string[] | undefined)[];
}
const docTables = new WeakMap<SearchIndex, DocTable>();

function docTableOf(archive: Archive, index: SearchIndex): DocTable {
  let entry = docTables.get(index);
  if (!entry || entry.archive !== archive) {
    entry = { archive, articles: index.docs.map((id) => archive.get(id)), squeezed: new Array(index.docCount) };
    docTables.set(index, entry);
  }
  return entry;
}

function rank(archive: Archive, index: SearchIndex, segments: Segment[], options: SearchOptions, limit: number): RankedHit[] {
  const table = docTableOf(archive, index);
  const articleOf = (doc: number) => table.articles[doc];
  const filtered = !!(options.kind || options.paper || options.from || options.to);
  // Verify in order of an upper bound of the final score (BM25 × best possible quality² × the title
  // bonus): once `limit` verified hits beat the next candidate's bound, no later one can enter the top.
  const candidates = scoreCandidates(index, segments, filtered ? (doc) => {
    const a = articleOf(doc);
    return !!a && passesFilters(a, options);
  } : null, Math.max(VERIFY, 3 * limit));
  const cap = candidates.length;
  const hits: RankedHit[] = [];
  const typoSeen: boolean[] = segments.map(() => false);
  const exactSeen: boolean[] = segments.map(() => false);
  const verified: { hit: RankedHit; matches: FieldQuality[]; bm25: number }[] = [];
  for (let i = 0; i < cap; i++) {
    const c = candidates[i]!;
    if (hits.length >= limit && hits[limit - 1]!.score >= c.upper) break;
    const article = articleOf(c.doc)!;
    const squeezed = (table.squeezed[c.doc] ??= squeezedOf(article));
    const matches = segments.map((s, k) => segmentQuality(s, article, squeezed, c.bounds[k]!));
    matches.forEach((m, s) => {
      if (m.quality === 1) exactSeen[s] = true;
      if (m.quality === TYPO) typoSeen[s] = true;
    });
    const hit = { article, score: finalScore(c.bm25, matches, segments, squeezed[0]!) };
    verified.push({ hit, matches, bm25: c.bm25 });
    if (hit.score > 0) insertSorted(hits, hit);
  }
  // A phrase that occurs as typed is not a typo: when it was found exactly somewhere, one-character-off
  // matches of it (的书名 for 常书名… or 常书记 for 常书铭) are not evidence; drop them and re-score.
  if (segments.some((_, s) => exactSeen[s] && typoSeen[s])) {
    hits.length = 0;
    for (const v of verified) {
      const matches = v.matches.map((m, s) => (exactSeen[s] && m.quality === TYPO ? { ...m, quality: 0 } : m));
      v.hit.score = finalScore(v.bm25, matches, segments, squeezedOf(v.hit.article)[0]!);
      if (v.hit.score > 0) insertSorted(hits, v.hit);
    }
  }
  return hits;
}

/**
 * BM25 × mean quality², × 1.5 when the title holds the query as typed. A title
 * holding every part exactly but apart or in another order (为奋进新征程凝心聚力
 * for 凝心聚力 奋进新征程) gets 1.35: the title that reads as the query ranks first.
 */
function finalScore(bm25: number, matches: FieldQuality[], segments: Segment[], squeezedTitle: string): number {
  const quality = matches.reduce((sum, m) => sum + m.quality, 0) / segments.length;
  if (quality < MIN_QUALITY) return 0;
  if (!matches.every((m) => m.field === 0 && m.quality === 1)) return bm25 * quality ** 2;
  const asTyped = segments.length === 1 || squeezedTitle.includes(segments.map((s) => s.phrase).join(''));
  return bm25 * quality ** 2 * (asTyped ? 1.5 : 1.35);
}

function insertSorted(hits: RankedHit[], hit: RankedHit): void {
  let i = hits.length;
  while (i > 0 && (hits[i - 1]!.score < hit.score || (hits[i - 1]!.score === hit.score && hits[i - 1]!.article.id > hit.article.id))) i--;
  hits.splice(i, 0, hit);
}

/**
 * Of several readings of a pinyin query, the one the archive contains most
 * often as a phrase: a reading whose bigrams are each common can still be no
 * phrase at all (前完工程 for qianwan gongcheng), so each is checked in the
 * text of up to 20 articles that have all its bigrams.
 */
function bestReading(archive: Archive, index: SearchIndex, readings: string[]): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const reading of readings) {
    let docs: Set<number> | null = null;
    for (let k = 0; k + 1 < reading.length && (!docs || docs.size); k++) {
      const t = index.find(reading.slice(k, k + 2));
      const here = new Set<number>();
      if (t >= 0) for (const list of index.postings(t).docs) for (const d of list) if (!docs || docs.has(d)) here.add(d);
      docs = here;
    }
    let count = 0;
    for (const doc of [...(docs ?? [])].slice(0, 20)) {
      const article = archive.get(index.docs[doc]!);
      if (article && fieldTexts(article).some((t) => t.includes(reading))) count++;
    }
    if (count > bestCount) {
      best = reading;
      bestCount = count;
    }
  }
  return best ?? readings[0] ?? null;
}

// ---- the public entry point ---------------------------------------------------------

/**
 * Searches an archive. Query words separated by spaces are segments (each a
 * phrase); Chinese is matched by bigrams with the phrase/typo/paraphrase rules
 * above; a query made only of pinyin (qianwan gongcheng, Jinzhong) that finds
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
const SENTENCE_END = /[。！？；!?;\n]/;

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
  let segments = planQuery(parts, analyze);
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
      segments = planQuery([reading], analyze);
      hits = rank(archive, index, segments, options, limit);
    }
  }
  if (!hits.length && parts.length === 1) {
    // Still nothing: read the query as names and words (晋中和太原一体化 → 晋中 太原 一体化), which a hit must then
    // hold exactly, all in one sentence — a paraphrase of what the archive says, not words that merely co-occur
    // (台风 in one paragraph and 登陆艇 in another is no answer to 台风登陆).
    const names = namesAndWords(index, foldText(parts[0]!));
    if (names.length) {
      const partSegments = planQuery(names, analyze);
      const all = rank(archive, index, partSegments, options, limit).filter((hit) =>
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

export type { Segment };
