import { compactText } from './compact.js';
import { foldTable } from './fold.js';
import { pushAll } from '../arrays.js';

/**
 * The ONE analysis pipeline for search: the index and the query go through
 * exactly these steps, so whatever a user types lands on the same terms the
 * archive was indexed with.
 *
 * 1. normalise (`normalizeForSearch`): core's length-preserving `foldText`
 *    table (full-width → half-width, traditional → simplified, quote and
 *    middle-dot variants, case), NFKC for the remaining compatibility
 *    characters where it stays one code unit (① → 1, ㎞ is three and stays),
 *    then `compactText` to drop OCR spaces between CJK
 *    characters and digits. The result keeps an offset map into the original,
 *    so snippets and highlights point at the text as printed.
 * 2. tokenise (`tokenizeNormalized`): a run of Chinese characters gives its
 *    overlapping character bigrams (a one-character run gives that character);
 *    Latin letters and digits give whole words (`5g`, `1221`, `ai`, `g336`,
 *    `3.5`); optional extra whole-token terms (the lexicon hook) are emitted
 *    where they occur.
 *
 * Bigrams or a word segmenter: measured in benchmarks/src/suites/search.ts,
 * where the same engine runs over Intl.Segmenter words (the "Jianbao,
 * Intl.Segmenter words" row). On the dev queries the two tie (nDCG@10 0.991
 * each) because the phrase, typo and window checks work on characters
 * anyway; as plain tokenizers, MiniSearch with Intl.Segmenter reaches 0.914
 * and an MRR@10 of 0.82 on distinctive xwlb body phrases against 1.00 for
 * MiniSearch's clause tokens — a segmenter splits unknown names and slogans
 * (常书铭, 千万工程) differently in a short query and in running text, and it
 * made indexing ~4× slower. Bigrams need no dictionary and always line up
 * between query and text, so they are the default.
 */

export type TokenKind = 'cjk' | 'word' | 'term';

export interface Token {
  term: string;
  /** Offsets into the NORMALISED text (map through `offsets` for the original). */
  start: number;
  end: number;
  kind: TokenKind;
}

export interface NormalizedText {
  /** Folded and compacted text. */
  text: string;
  /** `offsets[i]` is the original offset of `text[i]`; `offsets[text.length]` is the original length. */
  offsets: Uint32Array;
}

export interface AnalyzeOptions {
  /**
   * Extra whole-token terms (e.g. the lexicon's names: 常书铭, 千万工程), in
   * any form: they are normalised here. Where one occurs it is emitted as a
   * token of its own besides the bigrams, so a lexicon term matches as a unit.
   */
  terms?: readonly string[];
  /** 'bigram' (default) or 'words' (Intl.Segmenter), kept for the benchmark comparison. */
  chinese?: 'bigram' | 'words';
}

export const isCjk = (c: number): boolean =>
  (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3007;

const isAsciiWordChar = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** Other letters and digits (accented Latin, Greek, Cyrillic…) that make words too. */
const LETTER = /[\p{L}\p{N}]/u;
const isOtherWordChar = (c: number): boolean => c >= 0x80 && !isCjk(c) && !(c >= 0xd800 && c <= 0xdfff) && LETTER.test(String.fromCharCode(c));

const nfkcCache = new Map<number, number>();
/** NFKC of one code unit where the result is still one code unit (length-preserving), else the unit itself. */
function nfkcUnit(c: number): number {
  let r = nfkcCache.get(c);
  if (r === undefined) {
    const n = String.fromCharCode(c).normalize('NFKC');
    r = n.length === 1 ? n.charCodeAt(0) : c;
    nfkcCache.set(c, r);
  }
  return r;
}

/** Characters the fold table does not cover but NFKC does (compatibility forms, circled digits, ㎞…): skip the common ranges. */
const mayNeedNfkc = (c: number): boolean => c >= 0xa0 && !(c >= 0x4e00 && c <= 0x9fff) && !(c >= 0x3000 && c <= 0x303f) && !(c >= 0xff00 && c <= 0xffef) && !(c >= 0xd800 && c <= 0xdfff);

/** The fold of one already table-folded code unit beyond ASCII: NFKC where it stays one unit. */
export function foldSearchUnit(c: number): number {
  return mayNeedNfkc(c) ? foldTable()[nfkcUnit(c)]! : c;
}

/** Step 1: fold (+ one-unit NFKC) and remove OCR spaces, keeping a map back to the original. */
export function normalizeForSearch(text: string): NormalizedText {
  const t = foldTable();
  let folded = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let f = t[c]!;
    if (mayNeedNfkc(f)) f = t[nfkcUnit(f)]!;
    if (f !== c) {
      folded += text.slice(start, i) + String.fromCharCode(f);
      start = i + 1;
    }
  }
  folded = start === 0 ? text : folded + text.slice(start);
  return compactText(folded);
}

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;

/** Step 2 on already normalised text. */
export function tokenizeNormalized(text: string, options: AnalyzeOptions = {}): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isCjk(c)) {
      let j = i + 1;
      while (j < n && isCjk(text.charCodeAt(j))) j++;
      if (options.chinese === 'words' && segmenter) {
        for (const s of segmenter.segment(text.slice(i, j))) tokens.push({ term: s.segment, start: i + s.index, end: i + s.index + s.segment.length, kind: 'cjk' });
      } else if (j - i === 1) tokens.push({ term: text[i]!, start: i, end: j, kind: 'cjk' });
      else for (let k = i; k + 1 < j; k++) tokens.push({ term: text.slice(k, k + 2), start: k, end: k + 2, kind: 'cjk' });
      i = j;
    } else if (isAsciiWordChar(c) || isOtherWordChar(c)) {
      const j = wordEnd(text, i);
      tokens.push({ term: text.slice(i, j).replace(/,/g, ''), start: i, end: j, kind: 'word' });
      i = j;
    } else i++;
  }
  if (options.terms?.length) pushAll(tokens, findTerms(text, options.terms));
  return tokens;
}

/** Where the index's pass over a text sends each term (see visitIndexTerms). */
export interface IndexTermSink {
  /** A CJK bigram, as its two code units in one number: first · 65536 + second. */
  bigram(code: number): void;
  /** Any other term (one CJK character, a word, an extra term). */
  term(term: string): void;
}

/**
 * The terms tokenizeNormalized yields for `text`, each sent to `sink`, without Token objects or a string per
 * bigram (building the index made one of each for every character of the archive, most of its time); returns
 * the token count. Same terms, same count: test/search-analyze.test.ts compares the two.
 */
export function visitIndexTerms(text: string, options: AnalyzeOptions, sink: IndexTermSink): number {
  if (options.chinese === 'words') {
    const tokens = tokenizeNormalized(text, options);
    for (const t of tokens) sink.term(t.term);
    return tokens.length;
  }
  let count = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isCjk(c)) {
      let j = i + 1;
      let prev = c;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (!isCjk(d)) break;
        sink.bigram(prev * 0x10000 + d);
        prev = d;
        j++;
      }
      if (j - i === 1) sink.term(text[i]!);
      count += j - i === 1 ? 1 : j - i - 1;
      i = j;
    } else if (isAsciiWordChar(c) || isOtherWordChar(c)) {
      const j = wordEnd(text, i);
      sink.term(text.slice(i, j).replace(/,/g, ''));
      count++;
      i = j;
    } else i++;
  }
  if (options.terms?.length) {
    const table = termTable(options.terms);
    for (let k = 0; k + 2 < n; k++) {
      const list = table.at(text.charCodeAt(k), text.charCodeAt(k + 1));
      if (!list) continue;
      for (const term of list) {
        if (text.startsWith(term, k)) {
          sink.term(term);
          count++;
        }
      }
    }
  }
  return count;
}

/** The end of the word starting at i (letters and digits; a separator between two digits stays inside: 3.5, 1,200). */
function wordEnd(text: string, i: number): number {
  const n = text.length;
  let j = i + 1;
  for (;;) {
    if (j < n && (isAsciiWordChar(text.charCodeAt(j)) || isOtherWordChar(text.charCodeAt(j)))) j++;
    else if (j + 1 < n && (text[j] === '.' || text[j] === ',') && isDigit(text.charCodeAt(j - 1)) && isDigit(text.charCodeAt(j + 1))) j += 2;
    else return j;
  }
}

/** The lexicon hook: every occurrence of an extra term (normalised, ≥ 3 characters so it never collides with a bigram). */
function findTerms(text: string, terms: readonly string[]): Token[] {
  const table = termTable(terms);
  const out: Token[] = [];
  for (let i = 0; i + 2 < text.length; i++) {
    const list = table.at(text.charCodeAt(i), text.charCodeAt(i + 1));
    if (!list) continue;
    for (const term of list) if (text.startsWith(term, i)) out.push({ term, start: i, end: i + term.length, kind: 'term' });
  }
  return out;
}

/**
 * The extra terms by their first two code units (every term has at least three), in the order they were given.
 * Keyed by one character, each common surname held hundreds of names tried at every occurrence of it: with the
 * xwlb lexicon's 20,000 names that was a third of indexing. A bit per hashed pair rejects most positions first.
 */
class TermTable {
  private readonly byPair = new Map<number, string[]>();
  private readonly bits = new Int32Array(1 << 15);

  add(term: string): void {
    const key = term.charCodeAt(0) * 0x10000 + term.charCodeAt(1);
    const list = this.byPair.get(key);
    if (!list) this.byPair.set(key, [term]);
    else if (!list.includes(term)) list.push(term);
    const h = pairHash(term.charCodeAt(0), term.charCodeAt(1));
    this.bits[h >>> 5]! |= 1 << (h & 31);
  }

  /** The terms starting with code units a, b, or undefined. */
  at(a: number, b: number): string[] | undefined {
    const h = pairHash(a, b);
    if ((this.bits[h >>> 5]! & (1 << (h & 31))) === 0) return undefined;
    return this.byPair.get(a * 0x10000 + b);
  }
}

const pairHash = (a: number, b: number): number => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 12;

const termTables = new WeakMap<readonly string[], TermTable>();
function termTable(terms: readonly string[]): TermTable {
  let table = termTables.get(terms);
  if (!table) {
    table = new TermTable();
    addTerms(table, terms, 0, terms.length);
    termTables.set(terms, table);
  }
  return table;
}

function addTerms(table: TermTable, terms: readonly string[], from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const term = normalizeForSearch(terms[i]!).text.replace(/\s+/g, '');
    if (term.length >= 3) table.add(term);
  }
}

/**
 * Builds the lexicon hook's table for `terms` ahead of the first query, `chunk`
 * terms per step (the same table termTable builds): in one piece, inside the
 * first warm-up query, it took ~22 ms on the xwlb lexicon, ~60 ms in a busy
 * VS Code extension host.
 */
export function* prepareTermTableSteps(terms: readonly string[], chunk = 2000): Generator<void, void> {
  if (termTables.has(terms)) return;
  const table = new TermTable();
  for (let i = 0; i < terms.length; i += chunk) {
    addTerms(table, terms, i, Math.min(terms.length, i + chunk));
    yield;
  }
  if (!termTables.has(terms)) termTables.set(terms, table); // a query may have built it meanwhile: the same table
}

/** Both steps: the tokens of a raw text, offsets into its normalised form. */
export function analyze(text: string, options: AnalyzeOptions = {}): { normalized: NormalizedText; tokens: Token[] } {
  const normalized = normalizeForSearch(text);
  return { normalized, tokens: tokenizeNormalized(normalized.text, options) };
}

/** Just the index terms of a text (what MiniSearch's `tokenize` returns). */
export function analyzeTerms(text: string, options: AnalyzeOptions = {}): string[] {
  return tokenizeNormalized(normalizeForSearch(text).text, options).map((t) => t.term);
}
