/**
 * OCR and layout put whitespace where the printed text has none: inside
 * numbers and dates (`2 月 13 日`, `220 余名`) and in names broken across lines
 * (`常书\n铭`). `compactText` removes whitespace that stands between two
 * CJK characters or digits (keeping it between Latin words) and returns, for
 * each character of the result, its offset in the input — so matches found in
 * the compact text map back to exact ranges of the original.
 */
import { fromCharCodes } from '../arrays.js';

export interface CompactText {
  text: string;
  /** `offsets[i]` is the input offset of `text[i]`; `offsets[text.length]` is the input length. */
  offsets: Uint32Array;
}

/** Layout whitespace: what OCR and line wrapping insert. */
export const isWhitespace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3000 || c === 0xa0;

/** CJK ideographs, CJK punctuation, full-width forms and digits: whitespace between two of these is layout, not text. */
export function isTight(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0x3400 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xff00 && c <= 0xffef) ||
    c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0xb7 ||
    (c >= 0xd800 && c <= 0xdfff)
  );
}

export function compactText(input: string): CompactText {
  const offsets = new Uint32Array(input.length + 1);
  // Code units in an array, the last kept apart: reading back a string built with += flattens it
  // on every read, which made this quadratic (200,000 characters of "1 1 1…" took 20 s to parse).
  const out = new Uint16Array(input.length);
  let n = 0;
  let i = 0;
  while (i < input.length) {
    const c = input.charCodeAt(i);
    if (isWhitespace(c)) {
      let j = i;
      while (j < input.length && isWhitespace(input.charCodeAt(j))) j++;
      const before = n > 0 ? out[n - 1]! : -1;
      const after = j < input.length ? input.charCodeAt(j) : -1;
      if (before >= 0 && after >= 0 && isTight(before) && isTight(after)) {
        i = j;
        continue;
      }
      for (; i < j; i++) {
        offsets[n] = i;
        out[n++] = input.charCodeAt(i);
      }
      continue;
    }
    offsets[n] = i;
    out[n++] = c;
    i++;
  }
  offsets[n] = input.length;
  return { text: n === input.length ? input : fromCharCodes(out.subarray(0, n)), offsets: offsets.slice(0, n + 1) };
}
