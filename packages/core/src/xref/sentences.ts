/** Sentence ranges [start, end) of a text: split after 。！？ and at line breaks (not at ；: one statement often lists its figures with it, and a draft may swap it for ，). */
export function sentenceRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '。' || c === '！' || c === '？' || c === '\n' || c === '!' || c === '?') {
      if (i + 1 > start) out.push([start, c === '\n' ? i : i + 1]);
      start = i + 1;
    }
  }
  if (start < text.length) out.push([start, text.length]);
  return out.filter(([s, e]) => text.slice(s, e).trim().length > 0);
}

/** The sentence range holding offset `at`. */
export function sentenceAt(ranges: [number, number][], at: number): [number, number] | undefined {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const [s, e] = ranges[mid]!;
    if (at < s) hi = mid - 1;
    else if (at >= e) lo = mid + 1;
    else return ranges[mid];
  }
  return undefined;
}

const isSentenceEnd = (c: number) => c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x0a || c === 0x21 || c === 0x3f; // 。！？⏎!?

/**
 * The sentence (as sentenceRanges cuts it) holding the figure at [start, end) of `text`, cut to at most `max`
 * characters on either side of the figure: sentenceAt(sentenceRanges(text), start) clamped to
 * [start - max, end + max], read from the figure outwards only that far (an article's first figure checked no
 * longer splits the whole article). `start` must be a content character (a figure's numeral).
 */
export function sentenceAround(text: string, start: number, end: number, max: number): [number, number] {
  let from = Math.max(0, start - max);
  for (let i = start - 1; i >= from; i--) {
    if (isSentenceEnd(text.charCodeAt(i))) {
      from = i + 1;
      break;
    }
  }
  let to = Math.min(text.length, end + max);
  for (let i = start; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isSentenceEnd(c)) {
      to = c === 0x0a ? i : i + 1;
      break;
    }
  }
  return [from, to];
}
