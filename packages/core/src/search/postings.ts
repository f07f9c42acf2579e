import { isCjk } from '../text/analyze.js';
import type { Postings, SearchIndex } from './search-index.js';

// What the index says about a query token: its terms, the merged one-character expansion, BM25 weights.

/** BM25 as MiniSearch uses it (k1 1.2, b 0.7, d 0.5), per field with boosts: a title match counts most. */
export const K1 = 1.2;
export const B = 0.7;
export const D = 0.5;
export const BOOSTS = [3, 1.5, 1];

/** Per index, the expansion of single characters (月, 日 in dates): a vocabulary scan and hundreds of lookups each time otherwise. */
const charExpansions = new WeakMap<SearchIndex, Map<string, number[]>>();

export function termIndexes(index: SearchIndex, token: string): number[] {
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
export interface CharPostings {
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
export type TokenSource = { terms: number[]; char?: undefined } | { char: CharPostings; terms?: undefined };

export function tokenSource(index: SearchIndex, token: string): TokenSource {
  return isCharToken(token) ? { char: charPostingsOf(index, token) } : { terms: termIndexes(index, token) };
}

/**
 * Per index and field, the BM25 length norm of each document, K1·(1 − B + B·len/avg):
 * the same value the scoring loop computed per posting (same operations, same
 * order), once per document instead of once per posting.
 */
const lengthNorms = new WeakMap<SearchIndex, Float64Array[]>();

export function normsOf(index: SearchIndex): Float64Array[] {
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
 * Per field, each posting's BM25 share, weight·(D + tf·(K1+1)/(tf + norm)): the scoring loop's own expression,
 * once per posting of a kept (long) list instead of once per query. Reading it in list order replaces a read of
 * the document's norm at a random place in a 160 KB array and a division per posting, and scores add up to
 * exactly the same values. Kept with the decoded postings (which the index keeps for long lists only).
 */
const shares = new WeakMap<Postings, Float64Array[]>();
/** SearchIndex.CACHE_MIN_LENGTH: shorter lists are decoded afresh for each query, their shares made with them. */
const KEPT_LENGTH = 32;

export function postingShares(index: SearchIndex, postings: Postings): Float64Array[] {
  const known = shares.get(postings);
  if (known) return known;
  const n = index.docCount;
  const norms = normsOf(index);
  const { docs, tfs } = postings;
  const all = new Float64Array(docs[0]!.length + docs[1]!.length + docs[2]!.length);
  const out: Float64Array[] = [];
  let offset = 0;
  for (let f = 0; f < 3; f++) {
    const list = docs[f]!;
    const share = all.subarray(offset, offset + list.length);
    offset += list.length;
    out.push(share);
    if (!list.length) continue;
    const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
    const weight = BOOSTS[f]! * idf;
    const norm = norms[f]!;
    const tfList = tfs[f]!;
    for (let i = 0; i < list.length; i++) {
      const tf = tfList[i]!;
      share[i] = weight * (D + (tf * (K1 + 1)) / (tf + norm[list[i]!]!));
    }
  }
  if (all.length >= KEPT_LENGTH) shares.set(postings, out);
  return out;
}
