import { foldTable } from '../text/fold.js';
import { fromCharCodes } from '../arrays.js';

/**
 * The matching form of a text: folded (width, traditional→simplified, case,
 * quotes) and reduced to its content characters — ideographs, Latin letters,
 * digits (and a decimal point between digits, so 25.8 and 258 stay apart).
 * Punctuation, spacing and OCR line breaks are dropped altogether, which is
 * what makes "punctuation and spacing changed" reuse match exactly; it
 * subsumes `compactText` (which only drops whitespace between CJK characters).
 * `offsets[i]` is the raw UTF-16 offset of `codes[i]`, so any range found here
 * maps back to an exact range of the text as given.
 */
export interface MatchText {
  codes: Uint16Array;
  offsets: Uint32Array;
  length: number;
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** A content character of the folded text (see MatchText). */
export function isContent(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xd800 && c <= 0xdfff) ||
    c === 0x3007 ||
    isDigit(c) ||
    (c >= 0x61 && c <= 0x7a) ||
    c === 0x25
  );
}

/** Reduces `raw` to its matching form; positions where `skip[i]` is set (Markdown syntax) are left out too. */
export function toMatchText(raw: string, skip?: Uint8Array): MatchText {
  return matchText(raw, skip, foldTable());
}

/** The same for text already folded (a prepared draft: folded once for every check). */
export function matchTextOfFolded(folded: string, skip?: Uint8Array): MatchText {
  return matchText(folded, skip, null);
}

function matchText(raw: string, skip: Uint8Array | undefined, table: Uint16Array | null): MatchText {
  const codes = new Uint16Array(raw.length);
  const offsets = new Uint32Array(raw.length + 1);
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    if (skip && skip[i]) continue;
    const c = table ? table[raw.charCodeAt(i)]! : raw.charCodeAt(i);
    if (isContent(c)) {
      codes[n] = c;
      offsets[n++] = i;
    } else if (c === 0x2e && n > 0 && isDigit(codes[n - 1]!) && i + 1 < raw.length && isDigit(table ? table[raw.charCodeAt(i + 1)]! : raw.charCodeAt(i + 1))) {
      codes[n] = c;
      offsets[n++] = i;
    }
  }
  offsets[n] = raw.length;
  return { codes: codes.subarray(0, n), offsets: offsets.subarray(0, n + 1), length: n };
}

/** Raw range [start, end) of the matching-text range [from, to). */
export function rawRange(text: MatchText, from: number, to: number): [number, number] {
  return [text.offsets[from]!, text.offsets[to - 1]! + 1];
}

export function decode(codes: Uint16Array, from = 0, to = codes.length): string {
  return fromCharCodes(codes.subarray(from, to));
}

/**
 * Marks the Markdown syntax of a draft that is not prose: front matter, link
 * and image targets, autolinks and bare URLs, HTML tags, reference
 * definitions and code-fence info strings. Headings, emphasis, quotes and list
 * markers are punctuation and fall away in `toMatchText` anyway.
 */
export function markdownSkipMask(raw: string): Uint8Array {
  const skip = new Uint8Array(raw.length);
  const mark = (from: number, to: number) => skip.fill(1, from, to);
  const front = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(raw);
  if (front) mark(0, front[0].length);
  const patterns: RegExp[] = [
    // Each class excludes the character that opens the pattern: a failed match then reads only up to the
    // next opening, not to the line's end ('['.repeat(20000) took 1.5 s).
    /!?\[[^[\]\n]*\]\(([^()\n]*)\)/g, // link / image: keep the text, drop the target
    /<https?:\/\/[^<>\s]*>/gi,
    /https?:\/\/[^\s)\]>，。、；]+/gi,
    /<\/?[a-z][^<>\n]*>/gi,
    /^[ \t]*\[[^\]\n]+\]:[ \t]*\S.*$/gm,
    /^[ \t]*(?:```|~~~).*$/gm,
  ];
  for (const re of patterns) {
    for (const m of raw.matchAll(re)) {
      const start = m.index;
      if (re === patterns[0]) {
        // mask only "](target)" — the link text stays prose
        const close = m[0].lastIndexOf('](');
        mark(start + close, start + m[0].length);
      } else mark(start, start + m[0].length);
    }
  }
  return skip;
}

/**
 * The text folded and without any whitespace, with offsets back — for title
 * and name patterns, which must see 常书\n铭 as 常书铭. Like `compactText`
 * (which keeps spaces between Latin words), but built in typed arrays: this
 * runs over whole drafts, and compactText's per-character string building
 * took 1.1 s on a 300,000-character draft.
 */
export function withoutSpaces(raw: string): { text: string; offsets: Uint32Array } {
  return blankFree(raw, foldTable());
}

/** The same for text already folded. */
export function withoutSpacesOfFolded(folded: string): { text: string; offsets: Uint32Array } {
  return blankFree(folded, null);
}

function blankFree(raw: string, table: Uint16Array | null): { text: string; offsets: Uint32Array } {
  const codes = new Uint16Array(raw.length);
  const offsets = new Uint32Array(raw.length + 1);
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = table ? table[raw.charCodeAt(i)]! : raw.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0) continue;
    codes[n] = c;
    offsets[n++] = i;
  }
  offsets[n] = raw.length;
  return { text: decode(codes, 0, n), offsets: offsets.subarray(0, n + 1) };
}
