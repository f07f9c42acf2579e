import { qualityBound, MIN_QUALITY } from './quality.js';
import { postingShares, termIndexes, tokenSource, type TokenSource } from './postings.js';
import type { Segment } from './query.js';
import type { SearchIndex } from './search-index.js';

// Candidate scoring: BM25 over the postings with MaxScore-style pruning, the best few by an upper bound of the final score.

export interface Scored {
  doc: number;
  bm25: number;
  /** Per segment, the best quality its indexed terms allow (see qualityBound). */
  bounds: number[];
  /** An upper bound of the final score. */
  upper: number;
  /** An upper bound of the tier (quality.ts). */
  tier: number;
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
  const marked = markedScratch.length >= alive.length ? markedScratch : (markedScratch = new Uint32Array(alive.length));
  let count = 0;
  for (let walked = 0; walked < needed; walked++) {
    const token = tokens[walked]!;
    const lists = token.source.char ? [token.source.char.docs] : token.source.terms.flatMap((termIndex) => index.postings(termIndex).docs);
    for (const list of lists) {
      for (let i = 0; i < list.length; i++) {
        const doc = list[i]!;
        if (!alive[doc]) {
          alive[doc] = 1;
          marked[count++] = doc;
        }
      }
    }
  }
  // Many marked: reading them off the marks, in document order, is cheaper than sorting them.
  if (count > alive.length >> 5) {
    const out = new Uint32Array(count);
    for (let doc = 0, k = 0; k < count; doc++) if (alive[doc]) out[k++] = doc;
    return out;
  }
  return marked.slice(0, count).sort();
}

/** Scratch for the documents possibleDocs marks (each at most once: one per document). */
let markedScratch = new Uint32Array(0);

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
let scratch: { n: number; bm25: Float64Array; alive: Uint8Array; masks: Uint32Array[]; touched: Uint32Array } | undefined;

function scratchFor(n: number, segments: number) {
  if (!scratch || scratch.n !== n) scratch = { n, bm25: new Float64Array(n), alive: new Uint8Array(n), masks: [], touched: new Uint32Array(n) };
  while (scratch.masks.length < segments) scratch.masks.push(new Uint32Array(n));
  return scratch;
}

/**
 * Adds one posting list's BM25 shares into the query's scratch, marking the term's bit: every posting, or those of
 * the possible documents (galloped to when the list is much longer). A document's first share appends it to
 * `touched` (at `count`, returned advanced): the order documents are first reached, which breaks ties of bounds.
 */
function addList(docs: Uint32Array, shares: Float64Array, mask: Uint32Array, bit: number, possible: Uint32Array | null, alive: Uint8Array | null, bm25: Float64Array, touched: Uint32Array, count: number): number {
  if (possible && docs.length > GALLOP_RATIO * possible.length) {
    const m = intersect(docs, possible);
    for (let k = 0; k < m; k++) {
      const i = found[k]!;
      const doc = docs[i]!;
      if (bm25[doc] === 0) touched[count++] = doc;
      bm25[doc] = bm25[doc]! + shares[i]!;
      mask[doc] = mask[doc]! | bit;
    }
    return count;
  }
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i]!;
    if (alive && !alive[doc]) continue;
    if (bm25[doc] === 0) touched[count++] = doc;
    bm25[doc] = bm25[doc]! + shares[i]!;
    mask[doc] = mask[doc]! | bit;
  }
  return count;
}

/**
 * The `keep` best candidates by upper bound, best first, ties in the order
 * the documents were first reached — exactly the head of a stable sort of all
 * of them, without sorting (or even making objects for) thousands of
 * candidates of which only the first ~30 are ever verified.
 */
export function scoreCandidates(
  index: SearchIndex,
  segments: Segment[],
  accept: ((doc: number) => boolean) | null,
  keep: number,
  titleIsQuery: ReadonlySet<number>,
): Scored[] {
  const n = index.docCount;
  const { bm25, alive: aliveBuffer, masks, touched } = scratchFor(n, segments.length);
  const scored = segments.map((segment) => scoredTerms(index, segment));
  const sources = scored.map((terms) => terms.map((token) => tokenSource(index, token)));
  const possible = possibleDocs(index, segments, scored, sources, aliveBuffer);
  const alive = possible ? aliveBuffer : null;
  let count = 0;
  try {
    for (let s = 0; s < segments.length; s++) {
      const terms = scored[s]!;
      const all = [...terms, ...segments[s]!.extra];
      const mask = masks[s]!;
      for (let t = 0; t < all.length; t++) {
        const source = t < terms.length ? sources[s]![t]! : { terms: termIndexes(index, all[t]!) };
        if (source.char) {
          count = addList(source.char.docs, source.char.weights, mask, 1 << t, possible, alive, bm25, touched, count);
          continue;
        }
        for (const termIndex of source.terms) {
          const postings = index.postings(termIndex);
          const shares = postingShares(index, postings);
          for (let f = 0; f < 3; f++) {
            if (postings.docs[f]!.length) count = addList(postings.docs[f]!, shares[f]!, mask, t < terms.length ? 1 << t : 0, possible, alive, bm25, touched, count);
          }
        }
      }
    }
    // A bounded heap of [upper, order, doc], worst on top.
    const heap: { tier: number; upper: number; order: number; doc: number; mean: number }[] = [];
    const single = segments.length === 1;
    const table = boundTable(segments, scored);
    for (let order = 0; order < count; order++) {
      const doc = touched[order]!;
      let sum = 0;
      for (let s = 0; s < segments.length; s++) sum += table[s * BOUND_STRIDE + popcount(masks[s]![doc]!)]!;
      const mean = sum / segments.length;
      if (mean < MIN_QUALITY) continue;
      const tier = mean === 1 ? (titleIsQuery.has(doc) ? 3 : 2) : 0;
      const upper = bm25[doc]! * mean ** 2 * 1.5;
      // Most of thousands of documents do not enter a full heap: compared before an entry is made for them (and
      // before the filters, which may scan their texts for an exclusion).
      if (heap.length >= keep && !(keep > 0 && worseThan(heap[0]!, tier, upper, order))) continue;
      if (accept && !accept(doc)) continue;
      const entry = { tier, upper, order, doc, mean };
      if (heap.length < keep) {
        heap.push(entry);
        for (let k = heap.length - 1; k > 0; ) {
          const parent = (k - 1) >> 1;
          if (!worse(heap[k]!, heap[parent]!)) break;
          [heap[k], heap[parent]] = [heap[parent]!, heap[k]!];
          k = parent;
        }
      } else {
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
    return heap.map(({ doc, mean, upper, tier }) => ({
      tier,
      doc,
      bm25: bm25[doc]!,
      // segmentBound, not a closure: called from this inner callback, a closure made per call was a new call
      // target each query, and V8 deoptimised scoreCandidates at every query of two or more segments.
      bounds: single ? [mean] : segments.map((_, s) => segmentBound(table, masks, doc, s)),
      upper,
    }));
  } finally {
    // Leave the scratch arrays zeroed for the next query.
    for (let k = 0; k < count; k++) {
      const doc = touched[k]!;
      bm25[doc] = 0;
      for (let s = 0; s < segments.length; s++) masks[s]![doc] = 0;
    }
    // The marked documents are exactly `possible`. (A loop, not alive.fill: no property call on a value that
    // is null in most queries, which deoptimised this function at each query that pruned, warm-up or not.)
    if (possible) for (let k = 0; k < possible.length; k++) aliveBuffer[possible[k]!] = 0;
  }
}

/** Which heap entry is worse: lower tier bound, lower bound, or reached later. (Module level: see segmentBound.) */
function worse(a: { tier: number; upper: number; order: number }, b: { tier: number; upper: number; order: number }): boolean {
  return a.tier < b.tier || (a.tier === b.tier && (a.upper < b.upper || (a.upper === b.upper && a.order > b.order)));
}

/** worse(a, { tier, upper, order }) without the object. */
function worseThan(a: { tier: number; upper: number; order: number }, tier: number, upper: number, order: number): boolean {
  return a.tier < tier || (a.tier === tier && (a.upper < upper || (a.upper === upper && a.order > order)));
}

function segmentBound(table: Float64Array, masks: Uint32Array[], doc: number, s: number): number {
  return table[s * BOUND_STRIDE + popcount(masks[s]![doc]!)]!;
}

/** Room per segment in boundTable: a count of scored terms, 0 to MAX_SCORED_TERMS. */
const BOUND_STRIDE = MAX_SCORED_TERMS + 1;

/**
 * qualityBound of every count of a segment's scored terms an article may hold, per segment (at
 * s·BOUND_STRIDE + count): the same values, looked up for each of the thousands of articles reached instead of
 * worked out again.
 */
function boundTable(segments: Segment[], scored: string[][]): Float64Array {
  const table = new Float64Array(segments.length * BOUND_STRIDE);
  for (let s = 0; s < segments.length; s++) {
    const total = scored[s]!.length;
    for (let count = 0; count <= total; count++) table[s * BOUND_STRIDE + count] = qualityBound(count, segments[s]!, total);
  }
  return table;
}

function popcount(x: number): number {
  let c = 0;
  for (; x; x &= x - 1) c++;
  return c;
}
