import { describe, expect, it } from 'vitest';
import { sentenceAround, sentenceAt, sentenceRanges } from '../src/xref/sentences.js';

/** What sentenceAround replaced: the sentence holding the figure from a split of the whole text, cut to `max` either side. */
function reference(text: string, start: number, end: number, max: number): [number, number] {
  const found = sentenceAt(sentenceRanges(text), start)!;
  return [Math.max(found[0], start - max), Math.min(found[1], end + max)];
}

describe('sentenceAround (a figure\'s sentence read from the figure outwards)', () => {
  it('equals the sentence of the whole-text split, cut to the window, on random texts', () => {
    let seed = 11;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const alphabet = '项目总投资亿元，。！？!?\n \t12';
    for (let t = 0; t < 2000; t++) {
      const n = 1 + Math.floor(rand() * 80);
      let text = Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
      const start = Math.floor(rand() * n);
      text = text.slice(0, start) + '3' + text.slice(start + 1); // a figure starts with a content character
      const end = Math.min(n, start + 1 + Math.floor(rand() * 4));
      const max = 1 + Math.floor(rand() * 30);
      expect(sentenceAround(text, start, end, max)).toEqual(reference(text, start, end, max));
    }
  });
});
