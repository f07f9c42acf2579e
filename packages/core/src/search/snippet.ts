import { allIndexes, findOneSubstitution, findWord, squeeze, toOriginal, TYPO, type SqueezedText } from './match.js';
import type { Segment } from './query.js';
import type { SegmentMatch } from './verify.js';
import { pushAll } from '../arrays.js';

/** Snippet length in UTF-16 units (about two lines of a result list), and how much context precedes the match. */
const LENGTH = 100;
const BEFORE = 30;

/**
 * A snippet around the best passage and the ranges to highlight in it. The
 * passage is the best match in the body (the title is shown anyway); with no
 * body match, the lead. Highlights are the query's phrases where they occur
 * whole, else the matched passage (typo, paraphrase), else its bigrams —
 * UTF-16 [start, end) offsets into the returned snippet, in reading order.
 */
export function makeSnippet(
  texts: readonly string[],
  matches: SegmentMatch[],
  segments: Segment[],
): { snippet: string; highlights: [number, number][] } {
  const field = texts[2] ? 2 : matches.find((m) => m.field >= 0)?.field ?? 0;
  const text = texts[field] ?? '';
  const anchor = matches.filter((m) => m.field === field).sort((a, b) => b.quality - a.quality)[0];

  let start = anchor ? Math.max(0, anchor.start - BEFORE) : 0;
  if (anchor) {
    // Start at the paragraph when it begins shortly before the match.
    const para = text.lastIndexOf('\n', anchor.start - 1);
    if (para >= start) start = para + 1;
  }
  let end = Math.min(text.length, start + LENGTH);
  if (anchor && end < anchor.end) end = Math.min(text.length, anchor.end + 10);
  if (end - start < LENGTH) start = Math.max(0, end - LENGTH);

  const ranges: [number, number][] = [];
  const inside = (r: [number, number]) => r[0] >= start && r[1] <= end;
  // Only the snippet's own text is squeezed (the fold is per character, so a slice squeezes alike).
  const squeezed = shift(squeeze(text.slice(start, end)), start, text);
  for (const [s, segment] of segments.entries()) {
    const found: [number, number][] = [];
    if (!segment.chinese) {
      for (const t of segment.tokens) pushAll(found, findWord(squeezed, t).filter(inside));
    } else {
      for (const at of allIndexes(squeezed.text, segment.phrase)) {
        const r = toOriginal(squeezed, at, at + segment.phrase.length);
        if (inside(r)) found.push(r);
      }
      const m = matches[s];
      if (!found.length && m && m.field === field && m.quality === TYPO) {
        // A typo: mark every occurrence of the word as printed (常书铭 for 常书名).
        for (let at = findOneSubstitution(squeezed.text, segment.phrase); at >= 0; at = findOneSubstitution(squeezed.text, segment.phrase, at + 1)) {
          found.push(toOriginal(squeezed, at, at + segment.phrase.length));
        }
      } else if (!found.length && m && m.field === field && m.quality < 1 && inside([m.start, m.end])) {
        // A paraphrase: mark its bigrams inside the matched passage.
        for (const t of segment.tokens) {
          for (const at of allIndexes(squeezed.text, t)) {
            const r = toOriginal(squeezed, at, at + t.length);
            if (r[0] >= m.start && r[1] <= m.end) found.push(r);
          }
        }
        if (!found.length) found.push([m.start, m.end]);
      }
      if (!found.length) {
        // No match in the snippet's field (the title matched, or the body holds the query's words apart):
        // the longest runs of three or more of the query's characters that the snippet holds (常书铭书记调研新质生产力 →
        // 常书铭, 调研新质生产力). A shared bigram alone (千万 of 千万家庭 for 千万工程) is no evidence and stays unmarked.
        for (const [a, b] of sharedRuns(squeezed.text, segment.phrase, 3)) {
          for (const at of allIndexes(squeezed.text, segment.phrase.slice(a, b))) found.push(toOriginal(squeezed, at, at + b - a));
        }
      }
    }
    pushAll(ranges, found);
  }
  const prefix = start > 0 ? '…' : '';
  const snippet = prefix + text.slice(start, end).replace(/[\n\r\t]/g, ' ') + (end < text.length ? '…' : '');
  return { snippet, highlights: merge(ranges).map(([a, b]) => [a - start + prefix.length, b - start + prefix.length]) };
}

/** Greedy left to right: the longest pieces [a, b) of `phrase`, each at least `min` long, that occur in `text`. */
function sharedRuns(text: string, phrase: string, min: number): [number, number][] {
  const runs: [number, number][] = [];
  for (let a = 0; a + min <= phrase.length; ) {
    let b = a + min;
    if (!text.includes(phrase.slice(a, b))) {
      a++;
      continue;
    }
    while (b < phrase.length && text.includes(phrase.slice(a, b + 1))) b++;
    runs.push([a, b]);
    a = b;
  }
  return runs;
}

function merge(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** A squeezed slice with its offsets moved to the whole text's. */
function shift(s: SqueezedText, by: number, original: string): SqueezedText {
  return { text: s.text, offsets: s.offsets.map((o) => o + by), original };
}
