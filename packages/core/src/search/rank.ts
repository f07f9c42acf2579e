import type { Archive } from '../archive.js';
import type { Article } from '../article.js';
import { scoreCandidates } from './candidates.js';
import { TYPO } from './match.js';
import { finalScore, type FieldQuality } from './quality.js';
import type { Segment } from './query.js';
import type { SearchIndex } from './search-index.js';
import type { SearchOptions } from './types.js';
import { segmentQuality, squeezedOf } from './verify.js';

// Ranking: candidates by bound, verified in that order until no later one can enter the top.

/** At most this many candidates (or 3 × limit), best upper bound first, get the costlier text checks. */
const VERIFY = 30;

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

export function rank(archive: Archive, index: SearchIndex, segments: Segment[], options: SearchOptions, limit: number): RankedHit[] {
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

function insertSorted(hits: RankedHit[], hit: RankedHit): void {
  let i = hits.length;
  while (i > 0 && (hits[i - 1]!.score < hit.score || (hits[i - 1]!.score === hit.score && hits[i - 1]!.article.id > hit.article.id))) i--;
  hits.splice(i, 0, hit);
}
