import { describe, expect, it } from 'vitest';
import { compactText, isTight, isWhitespace } from '../src/text/compact.js';
import { randomText, rng } from '../fuzz/inputs.mjs';

/** The rule, written plainly: whitespace runs between two tight characters go; offsets map back. */
function reference(input: string): { text: string; offsets: number[] } {
  let text = '';
  const offsets: number[] = [];
  for (let i = 0; i < input.length; ) {
    if (isWhitespace(input.charCodeAt(i))) {
      let j = i;
      while (j < input.length && isWhitespace(input.charCodeAt(j))) j++;
      if (text.length && j < input.length && isTight(text.charCodeAt(text.length - 1)) && isTight(input.charCodeAt(j))) {
        i = j;
        continue;
      }
      for (; i < j; i++) (text += input[i], offsets.push(i));
      continue;
    }
    text += input[i];
    offsets.push(i++);
  }
  offsets.push(input.length);
  return { text, offsets };
}

describe('compactText', () => {
  it('gives the same text and offsets as the plain rule on random text', () => {
    const r = rng(5);
    for (let k = 0; k < 300; k++) {
      const input = randomText(r, r.int(400));
      const got = compactText(input);
      const want = reference(input);
      expect(got.text).toBe(want.text);
      expect([...got.offsets]).toEqual(want.offsets);
    }
  });

  it('takes 200,000 characters of digits and blanks (was quadratic: reading back a string built with += flattened it each time)', () => {
    const input = '1 '.repeat(100_000);
    const got = compactText(input);
    expect(got.text).toBe(`${'1'.repeat(100_000)} `);
    expect(got.offsets[99_999]).toBe(199_998);
  });
});
