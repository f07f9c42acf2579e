import type { MatchText } from './normalize.js';

/** Seeds: exact runs of at least SEED_K content characters shared by draft and article. */
export const SEED_K = 5;
/** Most unmatched draft characters between two runs of one passage (a swapped word or two). */
const MAX_GAP = 10;
/** How far (in article characters) a run may sit outside the passage's article range and still belong to it: clause reorder. */
const REORDER = 60;
/** Draft positions followed per k-gram: more are boilerplate repeated inside the draft. */
const MAX_OCCURRENCES = 8;

/** A passage of the draft that repeats an article: ranges in matching-text positions. */
export interface Segment {
  dStart: number;
  dEnd: number;
  aStart: number;
  aEnd: number;
  /** Draft / article characters covered by shared runs. */
  matchedDraft: number;
  matchedArticle: number;
  /** Covered draft characters that are not common phrasing. */
  matchedRare: number;
  /** Covered draft characters that are not common phrasing, names and titles included. */
  matchedOwn: number;
  /** Runs chained into the passage, and the longest. */
  runs: number;
  longestRun: number;
  /** Longest stretch of a run that is not common phrasing (names and titles included). */
  longestOwn: number;
  /** (matchedDraft + matchedArticle) / (draft span + article span): 1 for an exact copy. */
  similarity: number;
  /** The shared runs chained into the passage, in draft order. */
  pieces: readonly Run[];
}

export interface Run {
  d: number;
  a: number;
  len: number;
}

/** The polynomial k-gram hash of kgrams.ts before its finaliser (a bijection: equal here ⇔ equal there). */
const BASE = 0x01000193;
let powK = 1;
for (let i = 1; i < SEED_K; i++) powK = Math.imul(powK, BASE);

/**
 * Scratch tables of sharedRuns, reused from region to region (a check aligns ~200): a slot is in use only when
 * its stamp is the current region's, so nothing is cleared or allocated between regions.
 */
const scratch = { stamp: new Int32Array(0), keys: new Int32Array(0), heads: new Int32Array(0), next: new Int32Array(0), hashes: new Int32Array(0), gen: 0 };
/** Table slots per draft k-gram for regions up to SPARSE_UP_TO k-grams: an article position's probe then mostly meets an empty slot at once. */
const SPARSE = 8;
const SPARSE_UP_TO = 4096;

/** Tables for a region: the scratch ones, grown as needed, or for a huge region (a merged stretch of a megabyte draft) its own, not kept. */
function tables(size: number, count: number): typeof scratch {
  if (size > MAX_KEPT) return { stamp: new Int32Array(size), keys: new Int32Array(size), heads: new Int32Array(size), next: new Int32Array(count), hashes: new Int32Array(count), gen: 1 };
  if (scratch.stamp.length < size) {
    scratch.stamp = new Int32Array(size);
    scratch.keys = new Int32Array(size);
    scratch.heads = new Int32Array(size);
    scratch.gen = 0;
  }
  if (scratch.next.length < count) {
    scratch.next = new Int32Array(count);
    scratch.hashes = new Int32Array(count);
  }
  if (scratch.gen === 0x7fffffff) {
    scratch.stamp.fill(0);
    scratch.gen = 0;
  }
  scratch.gen++;
  return scratch;
}
const MAX_KEPT = 1 << 16;

/**
 * Maximal exact runs (≥ SEED_K) shared by draft[from, to) and the article.
 * The draft region's k-grams go into a small open-addressing table (typed
 * arrays: a Map here cost 4× the whole search) and the article is scanned once,
 * its k-gram hashes rolled as it is read: no per-article array to make on an
 * article's first check, or to keep (they were cached per article: a first
 * check paid for ~190 of them).
 */
function sharedRuns(draft: Pick<MatchText, 'codes'>, from: number, to: number, article: Pick<MatchText, 'codes'>): Run[] {
  const runs: Run[] = [];
  const D = draft.codes;
  const A = article.codes;
  const last = Math.min(to, D.length) - SEED_K;
  if (last < from || A.length < SEED_K) return runs;
  const count = last - from + 1;
  let bits = 6;
  while (1 << bits < (count <= SPARSE_UP_TO ? SPARSE : 2) * count) bits++;
  const shift = 32 - bits;
  const mask = (1 << bits) - 1;
  const { stamp, keys, heads, next, hashes, gen } = tables(1 << bits, count);
  let h = 0;
  for (let i = from; i < from + SEED_K; i++) h = (Math.imul(h, BASE) + D[i]!) | 0;
  hashes[0] = h;
  for (let i = from + 1; i <= last; i++) {
    h = (h - Math.imul(D[i - 1]!, powK)) | 0;
    h = (Math.imul(h, BASE) + D[i + SEED_K - 1]!) | 0;
    hashes[i - from] = h;
  }
  // Insert right to left so each chain lists draft positions left to right.
  for (let i = last; i >= from; i--) {
    const k = hashes[i - from]!;
    let slot = Math.imul(k, 0x9e3779b1) >>> shift;
    while (stamp[slot] === gen && keys[slot] !== k) slot = (slot + 1) & mask;
    if (stamp[slot] !== gen) {
      stamp[slot] = gen;
      keys[slot] = k;
      heads[slot] = -1;
    }
    next[i - from] = heads[slot]!;
    heads[slot] = i;
  }
  h = 0;
  for (let j = 0; j < SEED_K - 1; j++) h = (Math.imul(h, BASE) + A[j]!) | 0;
  for (let j = 0; j + SEED_K <= A.length; j++) {
    if (j > 0) h = (h - Math.imul(A[j - 1]!, powK)) | 0;
    h = (Math.imul(h, BASE) + A[j + SEED_K - 1]!) | 0;
    let slot = Math.imul(h, 0x9e3779b1) >>> shift;
    while (stamp[slot] === gen && keys[slot] !== h) slot = (slot + 1) & mask;
    if (stamp[slot] !== gen) continue;
    let i = heads[slot]!;
    let seen = 0;
    while (i >= 0 && seen++ < MAX_OCCURRENCES) {
      // Only start a run at its left end (a maximal match), and verify: hashes can collide.
      if (!(i > from && j > 0 && D[i - 1] === A[j - 1])) {
        let len = 0;
        while (i + len < to && j + len < A.length && D[i + len] === A[j + len]) len++;
        if (len >= SEED_K) runs.push({ d: i, a: j, len });
      }
      i = next[i - from]!;
    }
  }
  runs.sort((x, y) => x.d - y.d || y.len - x.len);
  return runs;
}

/**
 * The passages of draft[from, to) that repeat the article: shared runs chained
 * in draft order, allowing small gaps (edits) and runs out of article order
 * (clause reorder). `common[i]` marks draft positions that are common phrasing.
 */
export function alignPassages(draft: Pick<MatchText, 'codes'>, from: number, to: number, article: Pick<MatchText, 'codes'>, common: Uint8Array): Segment[] {
  const runs = sharedRuns(draft, from, to, article);
  const segments: Segment[] = [];
  let cur: Run[] = [];
  let dEnd = 0;
  let aStart = 0;
  let aEnd = 0;
  // A run belongs when it starts near the draft's end of the passage and within reach of its article range:
  // measured from the run's start, not its end (a 74-character run right after an edit reaches far past the range).
  const fits = (r: Run) => r.d <= dEnd + MAX_GAP && r.a <= aEnd + REORDER && r.a + r.len >= aStart - REORDER;
  const close = () => {
    trimEdges(cur);
    if (cur.length) segments.push(summarise(cur, article, common));
    cur = [];
  };
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    if (cur.length) {
      if (run.d + run.len <= dEnd) continue; // nothing new for the draft
      if (fits(run)) {
        cur.push(run);
        dEnd = Math.max(dEnd, run.d + run.len);
        aStart = Math.min(aStart, run.a);
        aEnd = Math.max(aEnd, run.a + run.len);
        continue;
      }
      // A stray run (the same words elsewhere in the article) must not cut a passage short.
      let later = false;
      for (let q = r + 1; q < runs.length && runs[q]!.d <= dEnd + MAX_GAP; q++) if (fits(runs[q]!)) later = true;
      if (later) continue;
      close();
    }
    cur = [run];
    dEnd = run.d + run.len;
    aStart = run.a;
    aEnd = run.a + run.len;
  }
  close();
  return segments;
}

/** A short run hanging off either end of a passage after a gap (…的成效，并现场提出意见建议) is chance, not reuse: drop it. */
const EDGE_RUN = 8;
function trimEdges(runs: Run[]): void {
  const coveredEnd = (upto: number) => runs.slice(0, upto).reduce((m, r) => Math.max(m, r.d + r.len), 0);
  while (runs.length > 1) {
    const last = runs[runs.length - 1]!;
    if (last.len < EDGE_RUN && last.d - coveredEnd(runs.length - 1) >= Math.max(3, last.len)) runs.pop();
    else break;
  }
  while (runs.length > 1) {
    const first = runs[0]!;
    if (first.len < EDGE_RUN && runs[1]!.d - (first.d + first.len) >= Math.max(3, first.len)) runs.shift();
    else break;
  }
}

function summarise(runs: Run[], article: Pick<MatchText, 'codes'>, common: Uint8Array): Segment {
  let dStart = Infinity;
  let dEnd = 0;
  let aStart = Infinity;
  let aEnd = 0;
  let matchedDraft = 0;
  let matchedRare = 0;
  let matchedOwn = 0;
  let covered = -1; // draft runs come in order: count each position once
  let longestRun = 0;
  let longestOwn = 0;
  for (const r of runs) {
    dStart = Math.min(dStart, r.d);
    dEnd = Math.max(dEnd, r.d + r.len);
    aStart = Math.min(aStart, r.a);
    aEnd = Math.max(aEnd, r.a + r.len);
    longestRun = Math.max(longestRun, r.len);
    let streak = 0;
    for (let i = r.d; i < r.d + r.len; i++) {
      // common[i]: 1 = common phrasing, 2 = a name or title (own wording only where 0)
      streak = common[i] === 1 ? 0 : streak + 1;
      if (streak > longestOwn) longestOwn = streak;
      if (i < covered) continue;
      matchedDraft++;
      if (!common[i]) matchedRare++;
      if (common[i] !== 1) matchedOwn++;
    }
    covered = Math.max(covered, r.d + r.len);
  }
  // Article side: union of run ranges (runs may overlap or come out of order).
  const byA = [...runs].sort((x, y) => x.a - y.a);
  let matchedArticle = 0;
  let reach = -1;
  for (const r of byA) {
    const s = Math.max(r.a, reach);
    if (r.a + r.len > s) matchedArticle += r.a + r.len - s;
    reach = Math.max(reach, r.a + r.len);
  }
  const span = dEnd - dStart + (aEnd - aStart);
  return {
    dStart, dEnd, aStart, aEnd, matchedDraft, matchedArticle, matchedRare, matchedOwn,
    runs: runs.length, longestRun, longestOwn,
    similarity: span > 0 ? (matchedDraft + matchedArticle) / span : 0,
    pieces: runs,
  };
}
