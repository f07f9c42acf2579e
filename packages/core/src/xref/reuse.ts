import { articleBody } from '../article.js';
import type { Archive } from '../archive.js';
import { compactText } from '../text/compact.js';
import { foldText } from '../text/fold.js';
import { alignPassages, type Run, type Segment } from './align.js';
import { markCommonPhrases } from './common-phrases.js';
import { articleCodes, findKey, getFingerprintIndex, INDEX_K, INDEX_W, type FingerprintIndex } from './fingerprint-index.js';
import { kgramHashes, winnow } from './kgrams.js';
import { POST_GLOBAL } from './titles.js';
import { decode, rawRange, toMatchText, type MatchText } from './normalize.js';
import { copiesSentences, type DraftSentences } from './draft-sentences.js';
import type { PreparedDraft } from './prepared-draft.js';
import { cutAtWholeSentences, type Piece } from './verbatim-within.js';

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
  /** Least covered characters that are not common phrasing (default 20). */
  minChars?: number;
  /** Least similarity (default 0.5). */
  minSimilarity?: number;
  /** Most draft regions aligned against a candidate article (default 64 + one per 25 characters). */
  candidates?: number;
  /**
   * Raw ranges of the draft's named terms (default: the prepared draft's) (people, places, organisations,
   * policies): two texts sharing names and titles (晋中市委书记常书铭,
   * 太原晋中一体化发展) are about the same people, not one copying the other,
   * so these characters do not count as reused wording.
   */
  terms?: readonly { start: number; end: number }[];
  /** Align against every article instead of the index's candidates: the brute-force baseline (slow; benchmarks and tests). */
  exhaustive?: boolean;
}

/** A shared run this long is reuse even when it is mostly names and titles. */
const LONG_RUN = 30;
/** Rare-fingerprint hits of one article further apart than this start a new region of the draft. */
const REGION_GAP = 120;
/** Alignment looks this far beyond a region's first and last hit. */
const MARGIN = 60;
/** A region needs at least this many rare fingerprints the article shares. */
const MIN_HITS = 4;

/** Per-article evidence from the index, kept for ranking related articles. */
export interface Candidate {
  doc: number;
  /** Rare fingerprints of the draft the article holds. */
  hits: number;
}

/** How a reported passage was aligned: the runs it was chained from (matching-text positions) and the article's matching text. */
export interface PassageAlignment {
  runs: readonly Run[];
  article: MatchText;
}

export interface ReuseResult {
  reused: ReusedPassage[];
  /** Parallel to `reused`: each passage's alignment, for the fact checks to find a draft figure's place in the source. */
  alignments: PassageAlignment[];
  /** Stretches of the draft (matching-text positions) that share rare fingerprints with an article: where the same event may be told. */
  regions: Region[];
  candidates: Map<number, Candidate>;
  /** Draft positions (matching text) that are common phrasing. */
  common: Uint8Array;
  /** The draft's winnowed fingerprint positions (ascending) and their index keys (-1: in no article): the fact checks look up what is near a figure. */
  picks: Uint32Array;
  keyOf: Int32Array;
  /** Hash of the k-gram at every draft position (not only the picks): a short clause may share a fingerprint the draft's winnowing skipped. */
  hashes: Uint32Array;
}

/** A stretch of the draft [from, to) worth aligning against one article. */
export interface Region {
  doc: number;
  from: number;
  to: number;
  hits: number;
}

/** First matching-text position at or after raw offset `at`. */
export function matchPosition(draft: MatchText, at: number): number {
  let lo = 0;
  let hi = draft.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (draft.offsets[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Draft positions that are not evidence of reuse: common phrasing
 * (high-document-frequency fingerprints, the listed formulas), named terms
 * and official titles.
 */
function commonMask(draft: MatchText, hashes: Uint32Array, picks: Uint32Array, keyOf: Int32Array, index: FingerprintIndex, terms: ReuseOptions['terms']): Uint8Array {
  const mask = new Uint8Array(draft.length);
  // 2: a name or title; 1 (set last, so it wins): common phrasing.
  for (const t of terms ?? []) mask.fill(2, matchPosition(draft, t.start), matchPosition(draft, t.end));
  const flat = decode(draft.codes);
  for (const m of flat.matchAll(POST_GLOBAL)) mask.fill(2, m.index, m.index + m[0].length);
  for (let p = 0; p < picks.length; p++) {
    const key = keyOf[p]!;
    if (key >= 0 && index.starts[key + 1]! - index.starts[key]! >= index.commonDf) mask.fill(1, picks[p]!, picks[p]! + INDEX_K);
  }
  markCommonPhrases(flat, mask);
  return mask;
}

/**
 * Where each article shares rare fingerprints with the draft, grouped into
 * regions of the draft: the work then grows with the draft's length, not with
 * the archive's, and a passage competes only with what is near it.
 */
function candidateRegions(index: FingerprintIndex, picks: Uint32Array, keyOf: Int32Array, length: number, limit: number) {
  // Draft positions of each article's rare fingerprints, bucketed by article in typed arrays (count, then fill):
  // a Map of arrays here took more time than the rest of the search, as a draft's fingerprints reach thousands of articles.
  const { count, begin, fill } = perArticle(index);
  const touched: number[] = []; // articles in order of first hit
  try {
    return regionsOf(index, picks, keyOf, length, limit, count, begin, fill, touched);
  } finally {
    for (const doc of touched) count[doc] = 0; // the scratch counts left as found: all zero
  }
}

function regionsOf(index: FingerprintIndex, picks: Uint32Array, keyOf: Int32Array, length: number, limit: number, count: Uint32Array, begin: Uint32Array, fill: Uint32Array, touched: number[]) {
  let total = 0;
  for (let p = 0; p < picks.length; p++) {
    const key = keyOf[p]!;
    if (key < 0) continue;
    const s = index.starts[key]!;
    const e = index.starts[key + 1]!;
    if (e - s >= index.commonDf) continue;
    for (let q = s; q < e; q++) {
      const doc = index.docs[q]!;
      const c = count[doc]!;
      if (c === 0) touched.push(doc);
      count[doc] = c + 1;
    }
    total += e - s;
  }
  let at = 0;
  for (const doc of touched) {
    fill[doc] = begin[doc] = at;
    at += count[doc]!;
  }
  const flat = new Uint32Array(total);
  for (let p = 0; p < picks.length; p++) {
    const key = keyOf[p]!;
    if (key < 0) continue;
    const s = index.starts[key]!;
    const e = index.starts[key + 1]!;
    if (e - s >= index.commonDf) continue;
    for (let q = s; q < e; q++) {
      const doc = index.docs[q]!;
      flat[fill[doc]!++] = picks[p]!;
    }
  }
  const candidates = new Map<number, Candidate>();
  const regions: Region[] = [];
  for (const doc of touched) {
    const n = count[doc]!;
    const o = begin[doc]!; // the article's positions: flat[o, o + n), ascending
    candidates.set(doc, { doc, hits: n });
    if (n < MIN_HITS) continue;
    let first = 0;
    for (let i = 1; i <= n; i++) {
      if (i < n && flat[o + i]! - flat[o + i - 1]! <= REGION_GAP) continue;
      const hits = i - first;
      if (hits >= MIN_HITS) regions.push({ doc, from: Math.max(0, flat[o + first]! - MARGIN), to: Math.min(length, flat[o + i - 1]! + INDEX_K + MARGIN), hits });
      first = i;
    }
  }
  regions.sort((a, b) => b.hits - a.hits || a.doc - b.doc || a.from - b.from);
  return { candidates, regions: regions.slice(0, limit) };
}

/**
 * candidateRegions' per-article arrays, made once per index and reused by every check (three arrays the size of
 * the archive, zeroed and dropped per check, were a share of a warm check on xwlb). Only entries of the articles
 * a check touched are read; `count` is left all zero after each.
 */
const perArticleScratch = new WeakMap<FingerprintIndex, { count: Uint32Array; begin: Uint32Array; fill: Uint32Array }>();
function perArticle(index: FingerprintIndex) {
  let s = perArticleScratch.get(index);
  if (!s) perArticleScratch.set(index, (s = { count: new Uint32Array(index.articleCount), begin: new Uint32Array(index.articleCount), fill: new Uint32Array(index.articleCount) }));
  return s;
}

interface Found extends Segment {
  doc: number;
}

/** Reused passages of a prepared draft against the archive (its matching text, sentences and named terms). */
export function findReuse(archive: Archive, prepared: PreparedDraft, options: ReuseOptions = {}): ReuseResult {
  const { raw, match: draft, sentences } = prepared;
  const minChars = options.minChars ?? 20;
  const minSimilarity = options.minSimilarity ?? 0.5;
  // Regions aligned: enough for a passage every 25 characters, whatever the draft's size.
  const limit = options.candidates ?? 64 + Math.ceil(draft.length / 25);
  const index = getFingerprintIndex(archive);
  const hashes = kgramHashes(draft.codes, INDEX_K);
  const picks = winnow(hashes, INDEX_W);
  const keyOf = new Int32Array(picks.length);
  for (let p = 0; p < picks.length; p++) keyOf[p] = findKey(index, hashes[picks[p]!]!);
  const common = commonMask(draft, hashes, picks, keyOf, index, options.terms ?? prepared.terms);

  const { candidates, regions } = options.exhaustive
    ? { candidates: new Map<number, Candidate>(), regions: archive.articles.map((_, doc) => ({ doc, from: 0, to: draft.length, hits: 0 })) }
    : candidateRegions(index, picks, keyOf, draft.length, limit);
  // Align region by region, in article order.
  regions.sort((a, b) => a.doc - b.doc || a.from - b.from);
  const found: Found[] = [];
  const merged: Region[] = [];
  for (let r = 0; r < regions.length; r++) {
    const region = regions[r]!;
    // The article's matching codes, kept by the fingerprint index: not normalised again.
    const article = { codes: articleCodes(index, region.doc) };
    // Merge overlapping regions of one article.
    let to = region.to;
    let hits = region.hits;
    while (r + 1 < regions.length && regions[r + 1]!.doc === region.doc && regions[r + 1]!.from <= to) {
      to = Math.max(to, regions[++r]!.to);
      hits += regions[r]!.hits;
    }
    if (!options.exhaustive) merged.push({ doc: region.doc, from: region.from, to, hits });
    for (const seg of alignPassages(draft, region.from, to, article, common)) {
      // Enough own wording, one long verbatim stretch whatever it holds, or whole sentences copied with a word or two changed.
      if ((seg.matchedRare >= minChars || seg.longestOwn >= LONG_RUN || copiesSentences(seg, sentences)) && seg.similarity >= minSimilarity) found.push({ ...seg, doc: region.doc });
    }
  }
  const { reused, alignments } = report(archive, raw, draft, pickBest(found, draft.length), sentences);
  return { reused, alignments, regions: merged, candidates, common, picks, keyOf, hashes };
}

/** One article per stretch of draft: the strongest passage wins, others overlapping it by more than a third are dropped. */
function pickBest(found: Found[], length: number): Found[] {
  const order = [...found].sort((a, b) => b.matchedRare * b.similarity - a.matchedRare * a.similarity || a.doc - b.doc);
  const taken = new Uint8Array(length); // linear in the draft, whatever the number of passages
  const kept: Found[] = [];
  for (const f of order) {
    let overlap = 0;
    for (let i = f.dStart; i < f.dEnd; i++) overlap += taken[i]!;
    if (overlap * 3 > f.dEnd - f.dStart) continue;
    kept.push(f);
    taken.fill(1, f.dStart, f.dEnd);
  }
  return kept.sort((a, b) => a.dStart - b.dStart || a.doc - b.doc);
}

/** Layout-free form for the verbatim test: whitespace dropped (compactText, then any left), folded. */
function layoutFree(text: string): string {
  return foldText(compactText(text).text).replace(/\s+/g, '');
}

/**
 * Maximal runs can spill a character or two across a draft paragraph break
 * (…顺利完成。⏎⏎中 against …顺利完成。⏎中…): cut such a stub off either end.
 */
function trimAtBreaks(raw: string, draft: MatchText, f: Found): void {
  const STUB = 4;
  for (let c = 1; c < STUB && f.dEnd - c > f.dStart; c++) {
    const gap = raw.slice(draft.offsets[f.dEnd - c - 1]! + 1, draft.offsets[f.dEnd - c]!);
    if (gap.includes('\n')) {
      f.dEnd -= c;
      f.aEnd -= c;
      break;
    }
  }
  for (let c = 1; c < STUB && f.dStart + c < f.dEnd; c++) {
    const gap = raw.slice(draft.offsets[f.dStart + c - 1]! + 1, draft.offsets[f.dStart + c]!);
    if (gap.includes('\n')) {
      f.dStart += c;
      f.aStart += c;
      break;
    }
  }
}

function report(archive: Archive, raw: string, draft: MatchText, found: Found[], sentences: DraftSentences): Pick<ReuseResult, 'reused' | 'alignments'> {
  const texts = new Map<number, MatchText>();
  const out: ReusedPassage[] = [];
  const alignments: PassageAlignment[] = [];
  for (const f of found) {
    // Every passage reported from this alignment (one, or several cut at whole sentences) gets its runs.
    const reported = out.length;
    trimAtBreaks(raw, draft, f);
    const article = archive.articles[f.doc]!;
    const body = articleBody(article);
    // Offsets back into the article: only for the few articles reported.
    let matchText = texts.get(f.doc);
    if (!matchText) texts.set(f.doc, (matchText = toMatchText(body)));
    const passage = (p: Piece, verbatim: boolean): ReusedPassage => {
      const [start, end] = rawRange(draft, p.dStart, p.dEnd);
      const [articleStart, articleEnd] = rawRange(matchText!, p.aStart, p.aEnd);
      return {
        start, end, text: raw.slice(start, end),
        articleId: article.id,
        title: article.title,
        articleStart, articleEnd,
        // An edit that keeps every character (punctuation, clause order) is still not a copy: below 1.
        similarity: verbatim ? 1 : Math.round(Math.min(0.99, p.similarity) * 1000) / 1000,
        kind: verbatim ? 'verbatim' : 'edited',
      };
    };
    const sameText = (p: Piece) => {
      const [start, end] = rawRange(draft, p.dStart, p.dEnd);
      const [articleStart, articleEnd] = rawRange(matchText!, p.aStart, p.aEnd);
      return layoutFree(raw.slice(start, end)) === layoutFree(body.slice(articleStart, articleEnd));
    };
    const whole: Piece = { dStart: f.dStart, dEnd: f.dEnd, aStart: f.aStart, aEnd: f.aEnd, similarity: f.similarity, whole: true };
    if (sameText(whole)) {
      out.push(passage(whole, true));
      alignments.push({ runs: f.pieces, article: matchText });
      continue;
    }
    // Edited: whole sentences copied exactly inside it are reported verbatim, the rest as edited around them.
    const pieces = cutAtWholeSentences(f, sentences);
    const exact = pieces.map((p) => p.whole && sameText(p));
    if (!exact.some(Boolean)) {
      out.push(passage(whole, false));
      alignments.push({ runs: f.pieces, article: matchText });
      continue;
    }
    let pending: Piece | null = null; // neighbouring edited pieces joined into one
    const flush = () => {
      if (pending) out.push(passage(pending, false));
      pending = null;
    };
    pieces.forEach((p, i) => {
      if (exact[i]) {
        flush();
        out.push(passage(p, true));
      } else if (!pending) pending = { ...p };
      else pending = { dStart: pending.dStart, dEnd: p.dEnd, aStart: Math.min(pending.aStart, p.aStart), aEnd: Math.max(pending.aEnd, p.aEnd), similarity: Math.min(pending.similarity, p.similarity), whole: false };
    });
    flush();
    for (let i = reported; i < out.length; i++) alignments.push({ runs: f.pieces, article: matchText });
  }
  return { reused: out, alignments };
}

/**
 * The raw article offset a draft position (matching text) falls on in an alignment: inside a shared run, the
 * same character; between runs (a changed figure: 35.8 for 25.8), as far past the run before it as the draft is.
 */
export function articleOffsetAt(alignment: PassageAlignment, p: number): number {
  const { runs, article } = alignment;
  let run = runs[0];
  for (const r of runs) {
    if (r.d > p) break;
    run = r;
  }
  if (!run || !article.length) return -1;
  const a = Math.min(article.length - 1, Math.max(0, run.a + (p - run.d)));
  return article.offsets[a]!;
}
