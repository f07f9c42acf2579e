import type { Archive } from '../archive.js';
import type { Article } from '../article.js';
import { scoreCandidates, type Scored } from './candidates.js';
import { squeezeText, TYPO } from './match.js';
import { finalScore, MIN_QUALITY, tierOf, type FieldQuality } from './quality.js';
import type { Segment } from './query.js';
import type { SearchIndex } from './search-index.js';
import type { SearchOptions } from './types.js';
import { paraphraseBound, segmentQuality, squeezedOf, typoIn } from './verify.js';

// Ranking: candidates by bound, verified in that order until no later one can enter the top.


export function passesFilters(article: Article, options: SearchOptions): boolean {
  if (options.kind && article.kind !== options.kind) return false;
  if (options.paper && article.paper !== options.paper) return false;
  if (options.from || options.to) {
    if (!article.date) return false;
    if (options.from && article.date.slice(0, options.from.length) < options.from) return false;
    if (options.to && article.date.slice(0, options.to.length) > options.to) return false;
  }
  return true;
}

export interface RankedHit {
  article: Article;
  score: number;
  tier: number;
  /** Per segment, where and how well it matched. */
  matches: FieldQuality[];
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

export function docTableOf(archive: Archive, index: SearchIndex): DocTable {
  let entry = docTables.get(index);
  if (!entry || entry.archive !== archive) {
    // Filled as documents are asked for: a server runs each query pass over an archive object of its own, and
    // looking every document up for each was a third of its CPU per query (20,000 documents).
    entry = { archive, articles: new Array(index.docCount), squeezed: new Array(index.docCount) };
    docTables.set(index, entry);
  }
  return entry;
}

/** Document `doc`'s article (looked up once per table). */
export function articleAt(table: DocTable, index: SearchIndex, doc: number): Article | undefined {
  return (table.articles[doc] ??= table.archive.get(index.docs[doc]!));
}

/**
 * `keep`: a test of a hit's kept squeezed texts that the caller applies to the ranked hits anyway (the names
 * reading's "every part in one field"): the hits returned are those that pass it. When every candidate is verified
 * (no more of them than `limit`, so ranking never stops early) a candidate that fails it is skipped before its
 * checks — the same hits in the same order, without verifying what would be thrown away.
 */
export function rank(archive: Archive, index: SearchIndex, segments: Segment[], options: SearchOptions, limit: number, exclude: readonly string[] = [], keep?: (squeezed: readonly string[]) => boolean): RankedHit[] {
  const table = docTableOf(archive, index);
  const articleOf = (doc: number) => articleAt(table, index, doc);
  const squeezedAt = (doc: number) => (table.squeezed[doc] ??= squeezedOf(articleOf(doc)!));
  const filtered = !!(options.kind || options.paper || options.from || options.to) || exclude.length > 0;
  const joined = segments.map((s) => s.phrase).join('');
  const titleSet = titlesOf(archive, index).get(joined) ?? NONE;
  // Verify in order of an upper bound of (tier, final score) (tier: quality.ts; score: BM25 × best possible
  // quality² × the title bonus): once `limit` verified hits beat the next candidate's bound, no later one can
  // enter the top. What is verified never depends on the limit below KEEP, so neither does the order: the first
  // k hits are the same for any limit ≥ k.
  const candidates = scoreCandidates(index, segments, filtered ? (doc) => {
    const a = articleOf(doc);
    // -exclude: no field may hold an excluded phrase (squeezed, as the query's phrases are compared).
    return !!a && passesFilters(a, options) && !(exclude.length && squeezedAt(doc).some((f) => exclude.some((e) => f.includes(e))));
  } : null, Math.max(KEEP, limit), titleSet);
  // A phrase that occurs as typed is not a typo: when some candidate has it exactly, one-character-off matches
  // of it (的书名 for 常书名… or 常书记 for 常书铭) are not evidence. Decided over all the candidates, not the verified.
  // Decided when a typo check first needs it (most queries stop before any candidate lacks the phrase): scanning
  // every candidate's texts for every segment up front was a sixth of a slow query.
  const exactSomewhere: (boolean | undefined)[] = segments.map(() => undefined);
  const exactAt = (k: number): boolean => (exactSomewhere[k] ??= exactInSome(segments[k]!, k, candidates, squeezedAt));
  const hits: RankedHit[] = [];
  const skip = keep && candidates.length <= limit ? keep : undefined;
  for (const c of candidates) {
    if (hits.length >= limit && beats(hits[limit - 1]!, c.tier, c.upper)) break;
    if (skip && !skip(squeezedAt(c.doc))) continue;
    // Before the costly checks (typo, paraphrase window): which parts are there exactly, from the kept squeezed
    // texts alone. That bounds the tier and the score much tighter than the index could (a part missing as typed
    // scores at most a typo's 0.75; the title bonus needs every part in the title), and a candidate that cannot be
    // a hit, or cannot enter a full top, is skipped: nothing in the top `limit` changes, whatever was skipped.
    const squeezed = squeezedAt(c.doc);
    const bound = textBound(c, segments, joined, squeezed, titleSet.has(c.doc));
    if (bound.score === 0) continue;
    if (hits.length >= limit && beats(hits[limit - 1]!, bound.tier, bound.score)) continue;
    if (!bound.allExact) {
      // Then the typo checks (kept for segmentQuality): what is neither exact nor a typo is at best a paraphrase.
      const score = typoBound(c, segments, squeezed, exactAt);
      if (score === 0 || (hits.length >= limit && beats(hits[limit - 1]!, 0, score))) continue;
    }
    const article = articleOf(c.doc)!;
    const matches = verifyParts(segments, article, squeezed, c.bounds, exactAt);
    if (!matches) continue;
    const score = finalScore(c.bm25, matches, segments, squeezed[0]!);
    if (score > 0) insertSorted(hits, { article, score, tier: tierOf(matches, joined, squeezed, titleSet.has(c.doc)), matches });
  }
  // The best `limit`: what lies beyond depends on which candidates were skipped.
  if (hits.length > limit) hits.length = limit;
  return keep && !skip ? hits.filter((hit) => keep(squeezedOf(hit.article))) : hits;
}

/**
 * Bounds of a candidate's tier and final score (tierOf and finalScore in quality.ts) from its kept squeezed texts,
 * before any typo or paraphrase check: a Chinese part whose phrase is not in a field it may match in (the title
 * for title:) reaches at most a typo's quality (or its index bound, when lower), and a quoted one none; the tier is
 * 0 unless every part can be exact; the title bonus needs every Chinese part in the title. Latin parts (matched by
 * words in the texts) count as possibly whole. score 0: no hit (mean below MIN_QUALITY, or a quoted part missing).
 */
function textBound(c: Scored, segments: readonly Segment[], joined: string, squeezed: readonly string[], titleIsQuery: boolean): { tier: number; score: number; allExact: boolean } {
  let sum = 0;
  let allExact = true;
  let inTitle = true;
  for (let k = 0; k < segments.length; k++) {
    const s = segments[k]!;
    const b = c.bounds[k]!;
    if (b <= 0) {
      // segmentQuality gives nothing without a bound, and finalScore nothing for a quoted, title: or distinctive part that is not there.
      if (s.exact || s.titleOnly || s.distinctive.length > 0) return NO_HIT;
      allExact = false;
      partBound[k] = 0;
      continue;
    }
    partBound[k] = 1;
    if (!s.chinese) {
      // Words are found in the texts themselves, which may hold more of them than the index counted.
      sum += 1;
      continue;
    }
    let exact = false;
    if (b === 1) {
      const fields = s.titleOnly ? 1 : 3;
      for (let f = 0; f < fields && !exact; f++) exact = squeezed[f]!.includes(s.phrase);
    }
    exactPart[k] = exact ? 1 : 0;
    if (exact) {
      sum += 1;
      if (inTitle && !squeezed[0]!.includes(s.phrase)) inTitle = false;
      continue;
    }
    if (s.exact) return NO_HIT;
    allExact = false;
    // A typo needs the index bound to allow it; a paraphrase window scores at most half, and is counted in the
    // squeezed text, where bigrams across punctuation the index never saw can lift it above its index bound.
    partBound[k] = b >= TYPO ? TYPO : PARAPHRASE_MAX;
    sum += partBound[k]!;
  }
  const mean = sum / segments.length;
  if (mean < MIN_QUALITY) return NO_HIT;
  const tier = !allExact ? 0 : titleIsQuery ? 3 : segments.length === 1 || squeezed.some((f) => f.includes(joined)) ? 2 : 1;
  return { tier, score: c.bm25 * mean ** 2 * (allExact && inTitle ? 1.5 : 1), allExact };
}

const NO_HIT = { tier: 0, score: 0, allExact: false };
/** Per segment, whether textBound found its phrase as typed (segments are at most 8; searches are synchronous). */
const exactPart = new Uint8Array(8);
/**
 * Per segment, the most segmentQuality can give it in the candidate being checked: set by textBound, tightened by
 * typoBound (1 exact or Latin, 0.75 a typo, 0.5 a paraphrase's most, 0 nothing).
 */
const partBound = new Float64Array(8);
/** Below this sum of qualities (MIN_QUALITY × parts, less a margin for rounding), a candidate is no hit. */
const belowMin = (sum: number, parts: number) => sum / parts < MIN_QUALITY - 1e-9;

/**
 * segmentQuality of each part, in order, or null as soon as the parts checked and the bounds of the rest cannot
 * reach MIN_QUALITY (finalScore would be 0: the candidate is no hit, and the rest need no check).
 */
function verifyParts(segments: readonly Segment[], article: Article, squeezed: string[], bounds: readonly number[], exactAt: (k: number) => boolean): FieldQuality[] | null {
  let rest = 0;
  for (let k = 0; k < segments.length; k++) rest += partBound[k]!;
  let sum = 0;
  const matches: FieldQuality[] = [];
  for (let k = 0; k < segments.length; k++) {
    const m = segmentQuality(segments[k]!, article, squeezed, bounds[k]!, exactAt, k);
    matches.push(m);
    sum += m.quality;
    rest -= partBound[k]!;
    if (k + 1 < segments.length && belowMin(sum + rest, segments.length)) return null;
  }
  return matches;
}
const PARAPHRASE_MAX = 0.5;

/**
 * The score bound once the typo checks have run (segmentQuality's rules, the same memo): a Chinese part not there
 * exactly is a typo (0.75) or at best a paraphrase (half the share of its tokens held by a field that has all its
 * distinctive tokens, at most 0.5: paraphraseBound), else 0. 0: no hit.
 */
function typoBound(c: Scored, segments: readonly Segment[], squeezed: readonly string[], exactAt: (k: number) => boolean): number {
  let sum = 0;
  let rest = 0;
  for (let k = 0; k < segments.length; k++) rest += partBound[k]!;
  for (let k = 0; k < segments.length; k++) {
    const s = segments[k]!;
    const b = c.bounds[k]!;
    rest -= partBound[k]!;
    if (b <= 0) continue; // textBound ruled out the parts that must be there
    if (!s.chinese || exactPart[k]) {
      sum += 1;
      continue;
    }
    const fields = s.titleOnly ? 1 : 3;
    let q = 0;
    if (b >= TYPO && !exactAt(k)) for (let f = 0; f < fields && q === 0; f++) if (squeezed[f] && typoIn(squeezed[f]!, s) >= 0) q = TYPO;
    if (q === 0 && !s.distinctiveAbsent) {
      // A paraphrase: at most the share of the part's tokens a field holds (one with every distinctive token).
      for (let f = 0; f < fields && q < PARAPHRASE_MAX; f++) {
        const text = squeezed[f]!;
        if (text && s.distinctive.every((t) => text.includes(t))) q = Math.max(q, paraphraseBound(text, s));
      }
    }
    if (q === 0 && (s.distinctive.length > 0 || s.titleOnly)) return 0;
    partBound[k] = q;
    sum += q;
    // The parts checked and the most the rest can give fall short: no hit, whatever the rest hold.
    if (k + 1 < segments.length && belowMin(sum + rest, segments.length)) return 0;
  }
  const mean = sum / segments.length;
  return mean < MIN_QUALITY ? 0 : c.bm25 * mean ** 2;
}

/** Whether some candidate holds segment k's phrase exactly (only candidates whose bound allows it can). */
function exactInSome(s: Segment, k: number, candidates: readonly Scored[], squeezedAt: (doc: number) => string[]): boolean {
  if (!s.chinese || s.absent !== 0) return false;
  return candidates.some((c) => c.bounds[k] === 1 && squeezedAt(c.doc).some((f) => f.includes(s.phrase)));
}

/** At most this many candidates (or `limit`), best bound first, are verified. */
const KEEP = 200;
const NONE: ReadonlySet<number> = new Set();

/** Whether a hit ranks strictly above anything with these bounds. */
function beats(hit: RankedHit, tier: number, upper: number): boolean {
  return hit.tier > tier || (hit.tier === tier && hit.score > upper);
}

/** A title as compared with the query: a leading 【…】 label dropped, squeezed (spaces, punctuation, variants). */
function bareTitleOf(article: Article): string {
  return squeezeText(article.title.replace(/^\s*【[^】]*】/, ''));
}

/** Per index, the documents by bare title: which candidates can be of tier 3 (the title is the query). */
const titleMaps = new WeakMap<SearchIndex, Map<string, Set<number>>>();

export function titlesOf(archive: Archive, index: SearchIndex): Map<string, Set<number>> {
  let map = titleMaps.get(index);
  if (!map) {
    map = new Map();
    const table = docTableOf(archive, index);
    for (let doc = 0; doc < index.docCount; doc++) {
      const a = articleAt(table, index, doc);
      if (!a) continue;
      const key = bareTitleOf(a);
      let set = map!.get(key);
      if (!set) map!.set(key, (set = new Set()));
      set.add(doc);
    }
    titleMaps.set(index, map);
  }
  return map;
}

function insertSorted(hits: RankedHit[], hit: RankedHit): void {
  let i = hits.length;
  while (i > 0 && before(hit, hits[i - 1]!)) i--;
  hits.splice(i, 0, hit);
}

/** The order of hits: tier, score, then id. */
export function before(a: RankedHit, b: RankedHit): boolean {
  return a.tier > b.tier || (a.tier === b.tier && (a.score > b.score || (a.score === b.score && a.article.id < b.article.id)));
}
