import type { Run, Segment } from './align.js';
import type { DraftSentences } from './draft-sentences.js';

/** A stretch of whole sentences copied exactly inside an edited passage is reported on its own from this many content characters. */
const WITHIN_MIN = 24;
/** Pieces of the passage left either side shorter than this (content characters) are dropped: a stub, not a passage. */
const STUB = 5;

export interface Piece {
  dStart: number;
  dEnd: number;
  aStart: number;
  aEnd: number;
  similarity: number;
  /** Candidate for verbatim: whole sentences inside one shared run (the raw texts are still to be compared). */
  whole: boolean;
}

/**
 * An edited passage cut around the whole sentences it holds that lie inside
 * one shared run: a paragraph copied with edits here and there but one
 * sentence untouched reads as edited (0.92) unless that sentence is reported
 * as what it is. The caller compares the raw texts of `whole` pieces (the
 * matching text has no punctuation) and reports them verbatim when equal.
 * Positions are matching-text positions; one piece (the passage) when there is
 * nothing to cut.
 */
export function cutAtWholeSentences(seg: Segment, sentences: DraftSentences): Piece[] {
  const cuts: { from: number; to: number; run: Run }[] = [];
  for (const run of seg.pieces) {
    const from = Math.max(run.d, seg.dStart);
    const to = Math.min(run.d + run.len, seg.dEnd);
    if (to - from < WITHIN_MIN) continue;
    // First sentence starting at or after `from`, last ending at or before `to`.
    let s = sentences.of[from]!;
    if (sentences.starts[s]! < from) s++;
    let e = sentences.of[to - 1]!;
    if (sentences.starts[e + 1]! > to) e--;
    if (e < s) continue;
    const a = sentences.starts[s]!;
    const z = sentences.starts[e + 1]!;
    if (z - a >= WITHIN_MIN && z - a < seg.dEnd - seg.dStart && (!cuts.length || a >= cuts[cuts.length - 1]!.to)) cuts.push({ from: a, to: z, run });
  }
  if (!cuts.length) return [{ dStart: seg.dStart, dEnd: seg.dEnd, aStart: seg.aStart, aEnd: seg.aEnd, similarity: seg.similarity, whole: false }];
  const out: Piece[] = [];
  let at = seg.dStart;
  for (const c of cuts) {
    if (c.from - at >= STUB) {
      const rest = edited(seg, at, c.from);
      if (rest) out.push(rest);
    }
    const shift = c.run.a - c.run.d;
    out.push({ dStart: c.from, dEnd: c.to, aStart: c.from + shift, aEnd: c.to + shift, similarity: 1, whole: true });
    at = c.to;
  }
  if (seg.dEnd - at >= STUB) {
    const rest = edited(seg, at, seg.dEnd);
    if (rest) out.push(rest);
  }
  return out;
}

/** The part [from, to) of the passage: its article range and similarity from the runs inside it. */
function edited(seg: Segment, from: number, to: number): Piece | null {
  let aStart = Infinity;
  let aEnd = 0;
  let matched = 0;
  for (const r of seg.pieces) {
    const s = Math.max(r.d, from);
    const e = Math.min(r.d + r.len, to);
    if (e <= s) continue;
    aStart = Math.min(aStart, r.a + (s - r.d));
    aEnd = Math.max(aEnd, r.a + (e - r.d));
    matched += e - s; // runs of one passage may overlap in the draft: an upper bound, capped below
  }
  if (!matched) return null;
  matched = Math.min(matched, to - from, aEnd - aStart);
  return { dStart: from, dEnd: to, aStart, aEnd, similarity: Math.min(seg.similarity, (2 * matched) / (to - from + aEnd - aStart)), whole: false };
}
