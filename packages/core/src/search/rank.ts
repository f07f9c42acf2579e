import type { Archive } from '../archive.js';
import type { Article } from '../article.js';
import { scoreCandidates, type Scored } from './candidates.js';
import { squeezeText } from './match.js';
import { finalScore, tierOf, type FieldQuality } from './quality.js';
import type { Segment } from './query.js';
import type { SearchIndex } from './search-index.js';
import type { SearchOptions } from './types.js';
import { segmentQuality, squeezedOf } from './verify.js';

// Ranking: candidates by bound, verified in that order until no later one can enter the top.


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
    entry = { archive, articles: index.docs.map((id) => archive.get(id)), squeezed: new Array(index.docCount) };
    docTables.set(index, entry);
  }
  return entry;
}

export function rank(archive: Archive, index: SearchIndex, segments: Segment[], options: SearchOptions, limit: number, exclude: readonly string[] = []): RankedHit[] {
  const table = docTableOf(archive, index);
  const articleOf = (doc: number) => table.articles[doc];
  const squeezedAt = (doc: number) => (table.squeezed[doc] ??= squeezedOf(articleOf(doc)!));
  const filtered = !!(options.kind || options.paper || options.from || options.to) || exclude.length > 0;
  const joined = segments.map((s) => s.phrase).join('');
  // Verify in order of an upper bound of (tier, final score) (tier: quality.ts; score: BM25 × best possible
  // quality² × the title bonus): once `limit` verified hits beat the next candidate's bound, no later one can
  // enter the top. What is verified never depends on the limit below KEEP, so neither does the order: the first
  // k hits are the same for any limit ≥ k.
  const candidates = scoreCandidates(index, segments, filtered ? (doc) => {
    const a = articleOf(doc);
    // -exclude: no field may hold an excluded phrase (squeezed, as the query's phrases are compared).
    return !!a && passesFilters(a, options) && !(exclude.length && squeezedAt(doc).some((f) => exclude.some((e) => f.includes(e))));
  } : null, Math.max(KEEP, limit), titlesOf(archive, index).get(joined) ?? NONE);
  // A phrase that occurs as typed is not a typo: when some candidate has it exactly, one-character-off matches
  // of it (的书名 for 常书名… or 常书记 for 常书铭) are not evidence. Decided over all the candidates, not the verified.
  // Decided when a typo check first needs it (most queries stop before any candidate lacks the phrase): scanning
  // every candidate's texts for every segment up front was a sixth of a slow query.
  const exactSomewhere: (boolean | undefined)[] = segments.map(() => undefined);
  const exactAt = (k: number): boolean => (exactSomewhere[k] ??= exactInSome(segments[k]!, k, candidates, squeezedAt));
  const hits: RankedHit[] = [];
  for (const c of candidates) {
    if (hits.length >= limit && beats(hits[limit - 1]!, c.tier, c.upper)) break;
    // The tier bound from the index (every term there) is loose: with the top full, a candidate whose texts do
    // not hold every phrase (or the joined query) cannot reach that tier, and skipping it when it then cannot
    // enter the top changes nothing in the top `limit` (spaced queries verified ~200 such candidates each).
    if (hits.length >= limit && c.tier > 0 && beats(hits[limit - 1]!, tierBoundInTexts(c.tier, segments, joined, squeezedAt(c.doc)), c.upper)) continue;
    const article = articleOf(c.doc)!;
    const squeezed = squeezedAt(c.doc);
    const matches = segments.map((s, k) => segmentQuality(s, article, squeezed, c.bounds[k]!, exactAt, k));
    const score = finalScore(c.bm25, matches, segments, squeezed[0]!);
    if (score > 0) insertSorted(hits, { article, score, tier: tierOf(matches, joined, squeezed, bareTitleOf(article)), matches });
  }
  // The best `limit`: what lies beyond depends on which candidates were skipped.
  if (hits.length > limit) hits.length = limit;
  return hits;
}

/**
 * A tighter tier bound (tierOf in quality.ts) from the kept squeezed texts: tier 1 and up need every Chinese
 * segment's phrase in a field it may match in (the title for title:), tier 2 the joined query too (or one segment),
 * tier 3 a title that is the query (already in `tier`). Latin segments match by words: not checked here.
 */
function tierBoundInTexts(tier: number, segments: readonly Segment[], joined: string, squeezed: readonly string[]): number {
  for (const s of segments) {
    if (!s.chinese) continue;
    const fields = s.titleOnly ? 1 : 3;
    let found = false;
    for (let f = 0; f < fields && !found; f++) found = squeezed[f]!.includes(s.phrase);
    if (!found) return 0;
  }
  if (tier === 3) return 3;
  return segments.length === 1 || squeezed.some((f) => f.includes(joined)) ? 2 : 1;
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
    const { articles } = docTableOf(archive, index);
    articles.forEach((a, doc) => {
      if (!a) return;
      const key = bareTitleOf(a);
      let set = map!.get(key);
      if (!set) map!.set(key, (set = new Set()));
      set.add(doc);
    });
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
