import { articleBody } from '../article.js';
import type { Archive } from '../archive.js';
import { compactText } from '../text/compact.js';
import { foldText } from '../text/fold.js';
import { alignPassages, SEED_K, type Segment } from './align.js';
import { markCommonPhrases } from './common-phrases.js';
import { findKey, getFingerprintIndex, INDEX_K, INDEX_W, type FingerprintIndex } from './fingerprint-index.js';
import { kgramHashes, winnow } from './kgrams.js';
import { decode, rawRange, toMatchText, type MatchText } from './normalize.js';

export interface ReusedPassage {
  start: number;
  end: number;
  text: string;
  articleId: string;
  title: string;
  articleStart: number;
  articleEnd: number;
  similarity: number;
  kind: 'verbatim' | 'edited';
}

/** Thresholds of a reported passage (matching-text characters). */
export interface ReuseOptions {
  /** Least covered characters that are not common phrasing (default 16). */
  minChars?: number;
  /** Least similarity (default 0.5). */
  minSimilarity?: number;
  /** Candidate articles aligned per draft chunk (default 40). */
  candidates?: number;
}

/** The draft is searched in chunks of this many content characters, so time grows linearly with its length. */
const CHUNK = 6000;
const CHUNK_OVERLAP = 300;
/** A candidate article shares at least this many rare fingerprints with the chunk. */
const MIN_HITS = 2;

/** Per-article evidence from the index, kept for ranking related articles. */
export interface Candidate {
  doc: number;
  /** Rare fingerprints of the draft the article holds. */
  hits: number;
}

export interface ReuseResult {
  reused: ReusedPassage[];
  candidates: Map<number, Candidate>;
  /** Draft positions (matching text) that are common phrasing. */
  common: Uint8Array;
}

/** Draft positions covered by common phrasing: high-document-frequency fingerprints and the listed formulas. */
function commonMask(draft: MatchText, hashes: Uint32Array, picks: Uint32Array, index: FingerprintIndex): Uint8Array {
  const mask = new Uint8Array(draft.length);
  for (let p = 0; p < picks.length; p++) {
    const pos = picks[p]!;
    const key = findKey(index, hashes[pos]!);
    if (key >= 0 && index.starts[key + 1]! - index.starts[key]! >= index.commonDf) mask.fill(1, pos, pos + INDEX_K);
  }
  markCommonPhrases(decode(draft.codes), mask);
  return mask;
}

/** Articles sharing rare fingerprints with draft[from, to), best first. */
function chunkCandidates(index: FingerprintIndex, hashes: Uint32Array, picks: Uint32Array, from: number, to: number, limit: number): Candidate[] {
  const hits = new Map<number, number>();
  for (let p = 0; p < picks.length; p++) {
    const pos = picks[p]!;
    if (pos < from || pos >= to) continue;
    const key = findKey(index, hashes[pos]!);
    if (key < 0) continue;
    const s = index.starts[key]!;
    const e = index.starts[key + 1]!;
    if (e - s >= index.commonDf) continue;
    for (let q = s; q < e; q++) hits.set(index.docs[q]!, (hits.get(index.docs[q]!) ?? 0) + 1);
  }
  return [...hits]
    .filter(([, n]) => n >= MIN_HITS)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, limit)
    .map(([doc, n]) => ({ doc, hits: n }));
}

interface Found extends Segment {
  doc: number;
  article: MatchText;
}

/** Reused passages of a draft against the archive. `skip` masks Markdown syntax of the raw draft. */
export function findReuse(archive: Archive, raw: string, draft: MatchText, options: ReuseOptions = {}): ReuseResult {
  const minChars = options.minChars ?? 16;
  const minSimilarity = options.minSimilarity ?? 0.5;
  const limit = options.candidates ?? 40;
  const index = getFingerprintIndex(archive);
  const hashes = kgramHashes(draft.codes, INDEX_K);
  const picks = winnow(hashes, INDEX_W);
  const common = commonMask(draft, hashes, picks, index);
  const seedHashes = SEED_K === INDEX_K ? hashes : kgramHashes(draft.codes, SEED_K);

  const candidates = new Map<number, Candidate>();
  const found: Found[] = [];
  const texts = new Map<number, MatchText>();
  for (let from = 0; from < Math.max(1, draft.length); from += CHUNK) {
    const to = Math.min(draft.length, from + CHUNK);
    for (const c of chunkCandidates(index, hashes, picks, from, to, limit)) {
      const prev = candidates.get(c.doc);
      if (prev) prev.hits += c.hits;
      else candidates.set(c.doc, { ...c });
      let article = texts.get(c.doc);
      if (!article) texts.set(c.doc, (article = toMatchText(articleBody(archive.articles[c.doc]!))));
      for (const seg of alignPassages(draft, seedHashes, from, Math.min(draft.length, to + CHUNK_OVERLAP), article, common)) {
        if (seg.matchedRare >= minChars && seg.similarity >= minSimilarity) found.push({ ...seg, doc: c.doc, article });
      }
    }
    if (texts.size > 4 * limit) texts.clear(); // bounded memory on huge drafts
  }
  return { reused: report(archive, raw, draft, pickBest(found)), candidates, common };
}

/** One article per stretch of draft: the strongest passage wins, others overlapping it by more than a third are dropped. */
function pickBest(found: Found[]): Found[] {
  const order = [...found].sort((a, b) => b.matchedRare * b.similarity - a.matchedRare * a.similarity || a.doc - b.doc);
  const kept: Found[] = [];
  for (const f of order) {
    const overlap = kept.reduce((sum, k) => sum + Math.max(0, Math.min(k.dEnd, f.dEnd) - Math.max(k.dStart, f.dStart)), 0);
    if (overlap * 3 <= f.dEnd - f.dStart) kept.push(f);
  }
  return kept.sort((a, b) => a.dStart - b.dStart || a.doc - b.doc);
}

/** Layout-free form for the verbatim test: whitespace dropped (compactText, then any left), folded. */
function layoutFree(text: string): string {
  return foldText(compactText(text).text).replace(/\s+/g, '');
}

function report(archive: Archive, raw: string, draft: MatchText, found: Found[]): ReusedPassage[] {
  return found.map((f) => {
    const article = archive.articles[f.doc]!;
    const body = articleBody(article);
    const [start, end] = rawRange(draft, f.dStart, f.dEnd);
    const [articleStart, articleEnd] = rawRange(f.article, f.aStart, f.aEnd);
    const text = raw.slice(start, end);
    const verbatim = layoutFree(text) === layoutFree(body.slice(articleStart, articleEnd));
    return {
      start, end, text,
      articleId: article.id,
      title: article.title,
      articleStart, articleEnd,
      similarity: verbatim ? 1 : Math.round(Math.min(1, f.similarity) * 1000) / 1000,
      kind: verbatim ? 'verbatim' : 'edited',
    };
  });
}
