import { foldSearchUnit, isCjk } from '../text/analyze.js';
import { foldTable } from '../text/fold.js';
import { fromCharCodes } from '../arrays.js';

/**
 * Phrase checks run on a "squeezed" form of the normalised text: only Chinese
 * characters, letters and digits, so punctuation and quotes do not break a
 * phrase (“1221”战略举措 contains 1221战略举措, “千万工程” contains 千万工程).
 * `toOriginal` maps a squeezed range back to the text as printed.
 */
export interface SqueezedText {
  text: string;
  /** squeezed index → original index. */
  offsets: Uint32Array;
  /** The text it was squeezed from (offsets point into it). */
  original: string;
  /** offsets[i] without building the whole map, where the map is made lazily (squeezedFrom). */
  offsetAt?(i: number): number;
}

let unitTable: Uint16Array | undefined;

/**
 * One lookup per character for squeezing: the folded code unit (fold table,
 * then one-unit NFKC) when it is a word unit (Chinese, letter, digit), else 0.
 * Built once (65,536 entries); a regex per punctuation mark was most of the
 * cost of a query.
 */
function squeezeTable(): Uint16Array {
  if (unitTable) return unitTable;
  const fold = foldTable();
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    let f = fold[c]!;
    if (f >= 0xa0 && !isCjk(f)) f = foldSearchUnit(f);
    const word = isCjk(f) || (f >= 0x61 && f <= 0x7a) || (f >= 0x30 && f <= 0x39) || (f >= 0xc0 && f < 0x3000 && !(f >= 0xd800 && f <= 0xdfff) && /\p{L}/u.test(String.fromCharCode(f)));
    t[c] = word ? f : 0;
  }
  return (unitTable = t);
}

/** Scratch code units for squeezing (searches are synchronous): one buffer instead of one per call. */
let codeScratch = new Uint16Array(4096);

function codesFor(length: number): Uint16Array {
  if (codeScratch.length < length) codeScratch = new Uint16Array(Math.max(length, codeScratch.length * 2));
  return codeScratch;
}

/** Fold (+ one-unit NFKC) and keep only word units, in one pass: this runs on every candidate of every query. */
export function squeeze(original: string): SqueezedText {
  const table = squeezeTable();
  const codes = codesFor(original.length);
  const offsets = new Uint32Array(original.length + 1);
  let n = 0;
  for (let i = 0; i < original.length; i++) {
    const f = table[original.charCodeAt(i)]!;
    if (f !== 0) {
      codes[n] = f;
      offsets[n++] = i;
    }
  }
  offsets[n] = original.length;
  return { text: codesToString(codes.subarray(0, n)), offsets: offsets.subarray(0, n + 1), original };
}

// Every host (Node, browsers, service workers, VS Code) has TextDecoder; core's lib settings do not declare it.
declare const TextDecoder: (new (label: string) => { decode(input: Uint16Array): string }) | undefined;

let utf16: { decode(input: Uint16Array): string } | null | undefined;

/**
 * UTF-16 code units to a string. TextDecoder('utf-16le') is ~10× faster than
 * String.fromCharCode(...chunk) (measured on xwlb bodies: the spread was most
 * of squeeze's cost, and squeeze most of a slow query's). Squeezed units are
 * never surrogates, so decoding cannot replace anything. Falls back where the
 * decoder is missing or the platform is big-endian.
 */
function codesToString(codes: Uint16Array): string {
  if (utf16 === undefined) {
    utf16 = null;
    try {
      const d = typeof TextDecoder === 'function' ? new TextDecoder('utf-16le') : null;
      if (d && d.decode(new Uint16Array([0x4e00, 0x61])) === '\u4e00a') utf16 = d;
    } catch {
      utf16 = null;
    }
  }
  if (utf16) return utf16.decode(codes);
  return fromCharCodes(codes);
}

/**
 * Only the squeezed string, without the offset map: what ranking checks
 * (phrase, typo, window) need. Allocates one code-unit buffer instead of two
 * arrays; the map is built only for the shown hits' snippets.
 */
export function squeezeText(original: string): string {
  const table = squeezeTable();
  const codes = codesFor(original.length);
  let n = 0;
  for (let i = 0; i < original.length; i++) {
    const f = table[original.charCodeAt(i)]!;
    if (f !== 0) codes[n++] = f;
  }
  return codesToString(codes.subarray(0, n));
}

/**
 * A SqueezedText from an already squeezed string (`squeezeText(original)`):
 * the offset map is built on first use only — a snippet whose phrase is
 * found in the text as printed never needs it.
 */
export function squeezedFrom(original: string, text: string): SqueezedText {
  let offsets: Uint32Array | undefined;
  // A forward cursor for offsetAt: a snippet maps one match (two nearby indexes), so scanning the original up
  // to it is cheaper than mapping the whole body (which was ~6 % of a slow query).
  let unit = 0;
  let at = 0;
  return {
    text,
    original,
    offsetAt(i: number): number {
      if (offsets) return offsets[i]!;
      if (i >= text.length) return original.length;
      if (i < unit) {
        unit = 0;
        at = 0;
      }
      const table = squeezeTable();
      for (; ; at++) {
        if (table[original.charCodeAt(at)] === 0) continue;
        if (unit === i) return at;
        unit++;
      }
    },
    get offsets(): Uint32Array {
      if (!offsets) {
        const table = squeezeTable();
        offsets = new Uint32Array(text.length + 1);
        let n = 0;
        for (let i = 0; i < original.length; i++) if (table[original.charCodeAt(i)] !== 0) offsets[n++] = i;
        offsets[n] = original.length;
      }
      return offsets;
    },
  };
}

/** The original range [start, end) of squeezed range [from, to). */
export function toOriginal(s: SqueezedText, from: number, to: number): [number, number] {
  if (s.offsetAt) return [s.offsetAt(from), s.offsetAt(to - 1) + 1];
  return [s.offsets[from]!, s.offsets[to - 1]! + 1];
}

/** Every start of `needle` in `hay`. */
export function allIndexes(hay: string, needle: string, limit = 1000): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = hay.indexOf(needle); i >= 0 && out.length < limit; i = hay.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** The quality of a phrase found with one character wrong (see the no-noise rule in quality.ts). */
export const TYPO = 0.75;

/**
 * The first place where `needle` occurs with exactly one character
 * substituted (常书名 → 常书铭, 集大元高铁 → 集大原高铁), or -1. Only for
 * needles of three or more characters: with two, one wrong character leaves
 * a single character, which is no evidence at all.
 *
 * With one character wrong, the other half of the needle is there exactly,
 * so only the places where its left half or its right half occurs (found by
 * the native indexOf) are compared: the same first position as comparing at
 * every position, which was most of a verification's cost.
 */
export function findOneSubstitution(hay: string, needle: string, from = 0): number {
  const m = needle.length;
  if (m < 3) return -1;
  const h = m >> 1;
  const left = needle.slice(0, h);
  const right = needle.slice(h);
  const last = hay.length - m;
  let a = hay.indexOf(left, from);
  let b = hay.indexOf(right, from + h);
  for (;;) {
    const ca = a >= 0 && a <= last ? a : Infinity;
    const cb = b >= 0 ? b - h : Infinity;
    const i = ca < cb ? ca : cb;
    if (i === Infinity) return -1;
    let misses = 0;
    for (let k = 0; k < m && misses < 2; k++) if (hay.charCodeAt(i + k) !== needle.charCodeAt(k)) misses++;
    if (misses === 1) return i;
    if (ca === i) a = hay.indexOf(left, a + 1);
    if (cb === i) b = hay.indexOf(right, b + 1);
  }
}

/**
 * The tokens of the segment being checked, by first code unit, for one-pass
 * scans: `firstToken[c]` is the first token starting with unit c (or -1),
 * `nextToken[k]` the next one with the same first unit; `secondUnit[k]` is a
 * two-unit token's second unit (-1: one unit, -2: longer, compare in full).
 * A query checks the same segment against ~30 articles in a row, so the
 * table is set up once per segment, not per text.
 */
const firstToken = new Int8Array(0x10000).fill(-1);
const nextToken = new Int8Array(64);
const secondUnit = new Int32Array(64);
let activeTokens: readonly string[] | undefined;

function activate(tokens: readonly string[]): void {
  if (tokens === activeTokens) return;
  if (activeTokens) for (const t of activeTokens) firstToken[t.charCodeAt(0)] = -1;
  // Link in descending order so each chain runs in ascending token order.
  for (let k = tokens.length - 1; k >= 0; k--) {
    const t = tokens[k]!;
    const c = t.charCodeAt(0);
    nextToken[k] = firstToken[c]!;
    firstToken[c] = k;
    secondUnit[k] = t.length === 2 ? t.charCodeAt(1) : t.length === 1 ? -1 : -2;
  }
  activeTokens = tokens;
}

const MAX_HITS_PER_TOKEN = 200;
/** Scratch for bestWindow (searches are synchronous). */
let windowPos = new Int32Array(1024);
let windowTok = new Int32Array(1024);
const windowCounts = new Int32Array(64);
/** Up to this many tokens, bestWindow collects occurrences with indexOf; the next occurrence of each, or -1. */
const FEW_TOKENS = 8;
const fewNext = new Int32Array(FEW_TOKENS);

function growWindowScratch(n: number): void {
  const pos = new Int32Array(n * 2);
  pos.set(windowPos);
  windowPos = pos;
  const tok = new Int32Array(n * 2);
  tok.set(windowTok);
  windowTok = tok;
}
const windowFirst = new Int32Array(64);
/** What bestWindow answers for a text that cannot reach minCoverage: one object, never changed (most calls end so). */
const NO_WINDOW: { readonly coverage: number; readonly start: number; readonly end: number } = Object.freeze({ coverage: 0, start: 0, end: 0 });

/**
 * The densest window: the fraction of distinct `tokens` found within `span`
 * characters of each other, in the query's order, and where. Used for paraphrases (农村环境整治 vs
 * 农村人居环境整治提升): the words must be together, not scattered over the page.
 *
 * The occurrences (up to 200 per token) are collected in one pass over the
 * text, already in position order (ties by token number): the same list as
 * one indexOf loop per token and a stable sort, without either. With
 * `minCoverage`, a text that cannot reach it returns coverage 0 at once.
 */
export function bestWindow(hay: string, tokens: readonly string[], span: number, minCoverage = 0): { coverage: number; start: number; end: number } {
  if (!tokens.length || tokens.length > 64) return bestWindowSlow(hay, tokens, span);
  const counts = windowCounts;
  counts.fill(0, 0, tokens.length);
  let n = 0;
  let present = 0;
  if (tokens.length <= FEW_TOKENS) {
    // A few tokens (most query parts): each one's occurrences by native indexOf, then merged by position (ties by
    // token number) — the same list as the one-pass scan below, which reads every character in JS (several times
    // slower on a long body for two or three tokens). A text that cannot reach minCoverage is left at once.
    let missing = 0;
    for (let k = 0; k < tokens.length; k++) {
      const token = tokens[k]!;
      const at = hay.indexOf(token);
      fewNext[k] = at;
      if (at < 0 && (tokens.length - ++missing) / tokens.length < minCoverage) return NO_WINDOW;
    }
    present = tokens.length - missing;
    for (;;) {
      let k = -1;
      for (let t = 0; t < tokens.length; t++) if (fewNext[t]! >= 0 && (k < 0 || fewNext[t]! < fewNext[k]!)) k = t;
      if (k < 0) break;
      const at = fewNext[k]!;
      if (n === windowPos.length) growWindowScratch(n);
      windowPos[n] = at;
      windowTok[n++] = k;
      fewNext[k] = ++counts[k]! < MAX_HITS_PER_TOKEN ? hay.indexOf(tokens[k]!, at + 1) : -1;
    }
  } else {
    if (minCoverage > 0) {
      // Most texts checked lack too many of the tokens (4 in 5 on the xwlb eval queries): native includes finds that
      // several times faster than the one-pass scan below, which then runs only on texts that can reach minCoverage.
      let missing = 0;
      for (const token of tokens) if (!hay.includes(token) && (tokens.length - ++missing) / tokens.length < minCoverage) return NO_WINDOW;
    }
    activate(tokens);
    for (let i = 0; i < hay.length; i++) {
      for (let k = firstToken[hay.charCodeAt(i)]!; k >= 0; k = nextToken[k]!) {
        const second = secondUnit[k]!;
        if (second >= 0 ? hay.charCodeAt(i + 1) !== second : second === -2 && !hay.startsWith(tokens[k]!, i)) continue;
        if (counts[k]! >= MAX_HITS_PER_TOKEN) continue;
        if (counts[k]!++ === 0) present++;
        if (n === windowPos.length) growWindowScratch(n);
        windowPos[n] = i;
        windowTok[n++] = k;
      }
    }
  }
  // No window can hold more tokens than the whole text: below what the caller needs, skip the windows.
  if (!n || present / tokens.length < minCoverage) return NO_WINDOW;
  const most = present / tokens.length;
  const pos = windowPos;
  const tok = windowTok;
  counts.fill(0, 0, tokens.length);
  let distinct = 0;
  let best = { coverage: 0, start: 0, end: 0 };
  let lo = 0;
  for (let hi = 0; hi < n; hi++) {
    if (counts[tok[hi]!]!++ === 0) distinct++;
    while (pos[hi]! - pos[lo]! > span) if (--counts[tok[lo++]!]! === 0) distinct--;
    const coverage = distinct / tokens.length;
    if (coverage > best.coverage && windowInQueryOrder(pos, tok, lo, hi, tokens.length)) {
      best = { coverage, start: pos[lo]!, end: pos[hi]! + tokens[tok[hi]!]!.length };
      // Only a strictly better window replaces it, and none can hold more tokens than the text: done.
      if (coverage === most) break;
    }
  }
  return best;
}

/** inQueryOrder over the scratch arrays: each token's first position in the window, by token number, never goes back. */
function windowInQueryOrder(pos: Int32Array, tok: Int32Array, lo: number, hi: number, tokenCount: number): boolean {
  const first = windowFirst;
  first.fill(-1, 0, tokenCount);
  for (let k = lo; k <= hi; k++) if (first[tok[k]!] === -1) first[tok[k]!] = pos[k]!;
  let last = -1;
  for (let t = 0; t < tokenCount; t++) {
    const p = first[t]!;
    if (p === -1) continue;
    if (p < last) return false;
    last = p;
  }
  return true;
}

/** The reference implementation (and the fallback for more than 64 tokens): one indexOf loop per token, then a sort. */
export function bestWindowSlow(hay: string, tokens: readonly string[], span: number): { coverage: number; start: number; end: number } {
  const hits: { pos: number; token: number }[] = [];
  tokens.forEach((t, token) => {
    for (const pos of allIndexes(hay, t, MAX_HITS_PER_TOKEN)) hits.push({ pos, token });
  });
  if (!hits.length || !tokens.length) return { coverage: 0, start: 0, end: 0 };
  hits.sort((a, b) => a.pos - b.pos);
  const counts = new Array<number>(tokens.length).fill(0);
  let distinct = 0;
  let best = { coverage: 0, start: 0, end: 0 };
  let lo = 0;
  for (let hi = 0; hi < hits.length; hi++) {
    if (counts[hits[hi]!.token]!++ === 0) distinct++;
    while (hits[hi]!.pos - hits[lo]!.pos > span) if (--counts[hits[lo++]!.token]! === 0) distinct--;
    const coverage = distinct / tokens.length;
    if (coverage > best.coverage && inQueryOrder(hits, lo, hi)) {
      best = { coverage, start: hits[lo]!.pos, end: hits[hi]!.pos + tokens[hits[hi]!.token]!.length };
    }
  }
  return best;
}

/** The window's words come in the query's order (环境…整治, not 整治…环境): first occurrences, by token number. */
function inQueryOrder(hits: { pos: number; token: number }[], lo: number, hi: number): boolean {
  const first = new Map<number, number>();
  for (let k = lo; k <= hi; k++) if (!first.has(hits[k]!.token)) first.set(hits[k]!.token, hits[k]!.pos);
  let last = -1;
  for (const token of [...first.keys()].sort((a, b) => a - b)) {
    const pos = first.get(token)!;
    if (pos < last) return false;
    last = pos;
  }
  return true;
}

/** The reference implementation of findOneSubstitution (compares at every position), kept for tests. */
export function findOneSubstitutionSlow(hay: string, needle: string, from = 0): number {
  const m = needle.length;
  if (m < 3) return -1;
  const first = needle.charCodeAt(0);
  const second = needle.charCodeAt(1);
  for (let i = from; i + m <= hay.length; i++) {
    if (hay.charCodeAt(i) !== first && hay.charCodeAt(i + 1) !== second) continue;
    let misses = 0;
    for (let k = 0; k < m && misses < 2; k++) if (hay.charCodeAt(i + k) !== needle.charCodeAt(k)) misses++;
    if (misses === 1) return i;
  }
  return -1;
}

const isWordChar = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);

/** Original ranges of whole-word occurrences of a Latin/number token (`ai` does not match inside `said`, nor `5g` in `5 g`). */
export function findWord(s: SqueezedText, word: string, limit = 1000): [number, number][] {
  const fold = foldTable();
  const isWordAt = (i: number) => i >= 0 && i < s.original.length && isWordChar(fold[s.original.charCodeAt(i)]!);
  const out: [number, number][] = [];
  for (let i = s.text.indexOf(word); i >= 0 && out.length < limit; i = s.text.indexOf(word, i + 1)) {
    const start = s.offsets[i]!;
    const end = s.offsets[i + word.length - 1]! + 1;
    if (end - start !== word.length || isWordAt(start - 1) || isWordAt(end)) continue;
    out.push([start, end]);
  }
  return out;
}
