import { articleBody, type Article } from '../article.js';
import type { Archive } from '../archive.js';
import { runSteps, runStepsInSlices } from '../host.js';
import { kgramHashes, winnow } from './kgrams.js';
import { toMatchText } from './normalize.js';

/** k-gram length and winnowing window of the archive index: any shared run of K + W − 1 = 8 content characters shares a fingerprint. */
export const INDEX_K = 5;
export const INDEX_W = 4;

/**
 * Winnowed k-gram fingerprint → articles, as sorted typed arrays (CSR): about
 * 9 bytes per fingerprint, so the 9.9-million-character xwlb archive takes
 * ~35 MB where a Map of arrays would take several times that. A fingerprint's
 * document frequency (how many articles hold it) is what tells common
 * phrasing (本报讯, 以习近平新时代中国特色社会主义思想为指导) from reuse.
 */
export interface FingerprintIndex {
  /** Distinct fingerprint hashes, ascending. */
  keys: Uint32Array;
  /** Postings of keys[i] are docs[starts[i] .. starts[i+1]). */
  starts: Uint32Array;
  /** Article indexes (into archive.articles). */
  docs: Uint32Array;
  articleCount: number;
  /** A fingerprint held by at least this many articles is common phrasing. */
  commonDf: number;
  /**
   * Every article's matching-text codes, concatenated: article `doc` is
   * codes[codeStarts[doc] .. codeStarts[doc+1]). Kept from the build (2 bytes a
   * character) so aligning a draft does not normalise each candidate article again.
   */
  codes: Uint16Array;
  codeStarts: Uint32Array;
  /** Start in `keys` of each value of the top 16 hash bits, built on the first lookup (see findKey). */
  top?: Uint32Array;
}

/** Matching-text codes of article `doc` (a view, no copy). */
export function articleCodes(index: FingerprintIndex, doc: number): Uint16Array {
  return index.codes.subarray(index.codeStarts[doc]!, index.codeStarts[doc + 1]!);
}

const DOC_BITS = 2 ** 21; // hash·2^21 + doc stays exact in a double (53 bits)

/** Articles whose fingerprints go into the index: the body only (titles are matched separately by search). */
export function buildFingerprintIndex(articles: readonly Pick<Article, 'paragraphs'>[]): FingerprintIndex {
  return runSteps(buildSteps(articles));
}

/**
 * The same build, yielding to the event loop every `sliceMs` of work: on the
 * 19,876-story xwlb archive the index takes ~2 s to build, which in one piece
 * would freeze a VS Code extension host or a service worker.
 */
export function buildFingerprintIndexAsync(articles: readonly Pick<Article, 'paragraphs'>[], sliceMs = 10): Promise<FingerprintIndex> {
  return runStepsInSlices(buildSteps(articles), sliceMs);
}

/** Articles between yields in the first phase, and the number of hash buckets (by top bits) sorted one at a time. */
const ARTICLES_PER_STEP = 64;
const BUCKET_BITS = 8;

/**
 * The build as small resumable steps. Fingerprint·doc pairs are collected per
 * article, scattered into buckets by the hash's top bits, and each bucket is
 * sorted on its own: bucket order is key order, so the CSR arrays fill bucket
 * by bucket (and 256 small sorts are faster than one 3.5-million-element sort).
 * The loops live in plain functions: V8 does not optimise a long loop inside a
 * generator while it runs (no on-stack replacement there).
 */
function* buildSteps(articles: readonly Pick<Article, 'paragraphs'>[]): Generator<void, FingerprintIndex> {
  if (articles.length >= DOC_BITS) throw new Error(`archive too large for the xref index: ${articles.length} articles (limit ${DOC_BITS - 1})`);
  let chars = 0;
  for (const a of articles) for (const p of a.paragraphs) chars += p.length + 1;
  // Winnowing keeps about 2/(W+1) of the k-grams: sized once, grown only for unusual text.
  const collected: Collected = {
    pairs: new Float64Array(Math.max(1 << 16, Math.ceil((chars * 2.2) / (INDEX_W + 1)))),
    n: 0,
    codes: new Uint16Array(chars),
    codeStarts: new Uint32Array(articles.length + 1),
    c: 0,
    bucketSizes: new Uint32Array((1 << BUCKET_BITS) + 1),
  };
  for (let doc = 0; doc < articles.length; doc += ARTICLES_PER_STEP) {
    collectArticles(articles, doc, Math.min(doc + ARTICLES_PER_STEP, articles.length), collected);
    yield;
  }
  const { n, bucketSizes } = collected;
  for (let b = 1; b < bucketSizes.length; b++) bucketSizes[b]! += bucketSizes[b - 1]!;
  const bucketed = new Float64Array(n);
  const fill = bucketSizes.slice(0, -1);
  for (let i = 0; i < n; i += SCATTER_PER_STEP) {
    scatter(collected.pairs, i, Math.min(i + SCATTER_PER_STEP, n), bucketed, fill);
    yield;
  }
  collected.pairs = new Float64Array(0);
  const csr: Csr = { keys: new Uint32Array(n), starts: new Uint32Array(n + 1), docs: new Uint32Array(n), k: -1, d: 0, prev: -1 };
  for (let b = 0; b < 1 << BUCKET_BITS; b++) {
    appendBucket(bucketed.subarray(bucketSizes[b]!, bucketSizes[b + 1]!).sort(), csr);
    yield;
  }
  const { keys, starts, docs, k, d } = csr;
  starts[k + 1] = d;
  collected.codeStarts[articles.length] = collected.c;
  const count = articles.length;
  // Views, not copies: copying ~50 MB here cost a long GC pause on xwlb; the unused tails are a few MB.
  return {
    keys: keys.subarray(0, k + 1),
    starts: starts.subarray(0, k + 2),
    docs: docs.subarray(0, d),
    articleCount: count,
    // At least 3 articles, and 0.2 % of a large archive (40 of xwlb's 19,876 stories).
    commonDf: Math.max(3, Math.ceil(count * 0.002)),
    codes: collected.codes.subarray(0, collected.c),
    codeStarts: collected.codeStarts,
  };
}

// Pairs scattered per step: 2^18 took ~50 ms a step on xwlb (~90 ms in a busy VS Code extension host: random writes
// into a fresh 28 MB array, page faults included), so 2^16.
const SCATTER_PER_STEP = 1 << 16;
const BUCKET_SHIFT = 32 - BUCKET_BITS;

interface Collected {
  pairs: Float64Array;
  n: number;
  codes: Uint16Array;
  codeStarts: Uint32Array;
  c: number;
  /** Pairs per bucket, at index bucket + 1 (prefix sums later give each bucket's start). */
  bucketSizes: Uint32Array;
}

/** Matching text and winnowed fingerprint·doc pairs of articles [from, to). */
function collectArticles(articles: readonly Pick<Article, 'paragraphs'>[], from: number, to: number, out: Collected): void {
  for (let doc = from; doc < to; doc++) {
    const text = toMatchText(articleBody(articles[doc]!));
    out.codeStarts[doc] = out.c;
    out.codes.set(text.codes, out.c);
    out.c += text.length;
    const hashes = kgramHashes(text.codes, INDEX_K);
    const picks = winnow(hashes, INDEX_W);
    if (out.n + picks.length > out.pairs.length) {
      const grown = new Float64Array(Math.max(out.pairs.length * 2, out.n + picks.length));
      grown.set(out.pairs.subarray(0, out.n));
      out.pairs = grown;
    }
    const pairs = out.pairs;
    const sizes = out.bucketSizes;
    let n = out.n;
    for (let i = 0; i < picks.length; i++) {
      const hash = hashes[picks[i]!]!;
      pairs[n++] = hash * DOC_BITS + doc;
      sizes[(hash >>> BUCKET_SHIFT) + 1]!++;
    }
    out.n = n;
  }
}

function scatter(pairs: Float64Array, from: number, to: number, bucketed: Float64Array, fill: Uint32Array): void {
  for (let i = from; i < to; i++) {
    const v = pairs[i]!;
    bucketed[fill[Math.floor(v / DOC_BITS) >>> BUCKET_SHIFT]!++] = v;
  }
}

interface Csr {
  keys: Uint32Array;
  starts: Uint32Array;
  docs: Uint32Array;
  k: number;
  d: number;
  prev: number;
}

/** Appends one sorted bucket of fingerprint·doc pairs to the CSR arrays. */
function appendBucket(sorted: Float64Array, csr: Csr): void {
  const { keys, starts, docs } = csr;
  let { k, d, prev } = csr;
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i]!;
    if (v === prev) continue; // the same fingerprint twice in one article counts once
    prev = v;
    const hash = Math.floor(v / DOC_BITS);
    if (k < 0 || keys[k] !== hash) {
      keys[++k] = hash;
      starts[k] = d;
    }
    docs[d++] = v - hash * DOC_BITS;
  }
  csr.k = k;
  csr.d = d;
  csr.prev = prev;
}

/**
 * Where each value of a hash's top 16 bits starts in `keys` (65,537 entries): a lookup then searches the ~50 keys
 * of its slice, close together in memory, instead of 22 steps across 14 MB (each a cache miss; the fact checks
 * look up every position near a figure).
 */
function topTable(keys: Uint32Array): Uint32Array {
  const top = new Uint32Array(65537);
  for (let i = 0; i < keys.length; i++) top[(keys[i]! >>> 16) + 1]!++;
  for (let b = 1; b < top.length; b++) top[b]! += top[b - 1]!;
  return top;
}

/** Index of `hash` in keys, or -1. */
export function findKey(index: FingerprintIndex, hash: number): number {
  const keys = index.keys;
  const top = (index.top ??= topTable(keys));
  let lo = top[hash >>> 16]!;
  let hi = top[(hash >>> 16) + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = keys[mid]!;
    if (v < hash) lo = mid + 1;
    else if (v > hash) hi = mid - 1;
    else return mid;
  }
  return -1;
}

const cache = new WeakMap<Archive, FingerprintIndex>();

/** The archive's fingerprint index, built on first use and kept for the archive's lifetime. */
export function getFingerprintIndex(archive: Archive): FingerprintIndex {
  let index = cache.get(archive);
  if (!index) {
    index = buildFingerprintIndex(archive.articles);
    cache.set(archive, index);
  }
  return index;
}

const pending = new WeakMap<Archive, Promise<FingerprintIndex>>();

/**
 * Builds the archive's fingerprint index in the background, in slices, so the
 * first cross-reference does not pay for it in one blocking piece. A
 * `crossReference` that runs before it finishes builds the index itself.
 */
export function prepareFingerprintIndex(archive: Archive, sliceMs?: number): Promise<FingerprintIndex> {
  const ready = cache.get(archive);
  if (ready) return Promise.resolve(ready);
  let promise = pending.get(archive);
  if (!promise) {
    promise = buildFingerprintIndexAsync(archive.articles, sliceMs).then((index) => {
      const existing = cache.get(archive);
      if (existing) return existing;
      cache.set(archive, index);
      return index;
    });
    pending.set(archive, promise);
  }
  return promise;
}
