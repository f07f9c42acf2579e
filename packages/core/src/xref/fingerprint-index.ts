import { articleBody, type Article } from '../article.js';
import type { Archive } from '../archive.js';
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
}

/** Matching-text codes of article `doc` (a view, no copy). */
export function articleCodes(index: FingerprintIndex, doc: number): Uint16Array {
  return index.codes.subarray(index.codeStarts[doc]!, index.codeStarts[doc + 1]!);
}

const DOC_BITS = 2 ** 21; // hash·2^21 + doc stays exact in a double (53 bits)

/** Articles whose fingerprints go into the index: the body only (titles are matched separately by search). */
export function buildFingerprintIndex(articles: readonly Pick<Article, 'paragraphs'>[]): FingerprintIndex {
  if (articles.length >= DOC_BITS) throw new Error(`archive too large for the xref index: ${articles.length} articles (limit ${DOC_BITS - 1})`);
  let pairs = new Float64Array(1 << 16);
  let n = 0;
  let chars = 0;
  for (const a of articles) for (const p of a.paragraphs) chars += p.length + 1;
  let codes = new Uint16Array(chars);
  const codeStarts = new Uint32Array(articles.length + 1);
  let c = 0;
  for (let doc = 0; doc < articles.length; doc++) {
    const text = toMatchText(articleBody(articles[doc]!));
    codeStarts[doc] = c;
    codes.set(text.codes, c);
    c += text.length;
    const hashes = kgramHashes(text.codes, INDEX_K);
    const picks = winnow(hashes, INDEX_W);
    if (n + picks.length > pairs.length) {
      const grown = new Float64Array(Math.max(pairs.length * 2, n + picks.length));
      grown.set(pairs.subarray(0, n));
      pairs = grown;
    }
    for (let i = 0; i < picks.length; i++) pairs[n++] = hashes[picks[i]!]! * DOC_BITS + doc;
  }
  const sorted = pairs.subarray(0, n).sort();
  const keys = new Uint32Array(n);
  const starts = new Uint32Array(n + 1);
  const docs = new Uint32Array(n);
  let k = -1;
  let d = 0;
  let prev = -1;
  for (let i = 0; i < n; i++) {
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
  starts[k + 1] = d;
  codeStarts[articles.length] = c;
  codes = codes.slice(0, c);
  const count = articles.length;
  return {
    keys: keys.slice(0, k + 1),
    starts: starts.slice(0, k + 2),
    docs: docs.slice(0, d),
    articleCount: count,
    // At least 3 articles, and 0.2 % of a large archive (40 of xwlb's 19,876 stories).
    commonDf: Math.max(3, Math.ceil(count * 0.002)),
    codes,
    codeStarts,
  };
}

/** Index of `hash` in keys, or -1. */
export function findKey(index: FingerprintIndex, hash: number): number {
  const keys = index.keys;
  let lo = 0;
  let hi = keys.length - 1;
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
