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
