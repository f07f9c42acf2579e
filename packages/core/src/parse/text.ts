/**
 * Character-level helpers for OCR'd Chinese text: what ends a sentence, how
 * broken lines join, and the OCR spacing that search should not see.
 */

import { compactText } from '../text/compact.js';
import { foldTable } from '../text/fold.js';

const HAN = '\\p{Script=Han}';
export const HAN_RE = new RegExp(HAN, 'u');

/** Closing quotes/brackets that may follow a sentence end (“……。” ）). */
const CLOSERS = '”’」』》）)】\'"';
/** Sentence-final punctuation (full and half width). */
const FINAL = '。！？!?；;…';

/**
 * True when `text` ends a sentence: final punctuation, possibly followed by
 * closing quotes/brackets; a closing bracket alone (a bracketed note or credit
 * ends the line); or a full date / 特此通告 (signature lines of notices).
 */
export function endsSentence(text: string): boolean {
  // Only the end matters; looking at a bounded tail keeps the `$`-anchored
  // regexes below from scanning a growing paragraph on every line.
  const t = text.trimEnd().slice(-64);
  if (!t) return true;
  let i = t.length - 1;
  while (i >= 0 && CLOSERS.includes(t[i]!)) i--;
  if (i < t.length - 1) {
    // “……。” / ……。） : sentence end inside the closer; a bare ）also closes (notes, credits).
    const closer = t[t.length - 1]!;
    return i < 0 || FINAL.includes(t[i]!) || closer === '）' || closer === ')';
  }
  if (FINAL.includes(t[i]!)) return true;
  if (/\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/.test(t)) return true;
  return /特此(通告|公告|通知|公示)$/.test(t);
}

/** Joins two OCR lines of one paragraph: no space between CJK, one between two Latin words. */
export function joinLine(a: string, b: string): string {
  // trimEnd, not /\s+$/: the regex scans the whole string, and a paragraph
  // grows line by line, so a page of many short lines went quadratic.
  const left = a.trimEnd();
  const right = b.trimStart();
  if (/[A-Za-z]$/.test(left) && /^[A-Za-z]/.test(right)) return `${left} ${right}`;
  return left + right;
}

/**
 * The searchable form of printed text: OCR spacing folded (`2 月 13 日` →
 * `2月13日`, `220 余名` → `220余名`, `丁 洁` → `丁洁`; spaces between Latin
 * words stay). Printed paragraphs keep their spacing for display; search,
 * lexicon and xref index this form (`compactText` gives the offsets back to
 * the printed text where a caller needs them).
 */
export function searchableText(text: string): string {
  return compactText(text).text;
}

/**
 * Removes typesetting letter-spacing from a display line (headlines and
 * bylines are spaced out to fill a column: `读 本》出 版 发 行`, `丁 洁`):
 * a space goes when a one-character Han token stands on either side. Spaces
 * between multi-character tokens (`实干开新局 奋进谱新篇`) stay.
 */
export function collapseLetterSpacing(text: string): string {
  const tokens = text.trim().split(/\s+/);
  if (tokens.length < 2) return text.trim();
  const single = (t: string) => [...t].length === 1 && HAN_RE.test(t);
  const lastHan = (t: string) => HAN_RE.test([...t].at(-1) ?? '') || /[》”）]$/.test(t);
  const firstHan = (t: string) => HAN_RE.test([...t][0] ?? '') || /^[《“（]/.test(t);
  let out = tokens[0]!;
  for (let i = 1; i < tokens.length; i++) {
    const prev = tokens[i - 1]!;
    const cur = tokens[i]!;
    const glue = (single(prev) || single(cur)) && lastHan(prev) && firstHan(cur);
    out += glue ? cur : ` ${cur}`;
  }
  return out;
}

/**
 * The form line recognisers match against: traditional characters folded to
 * simplified and full-width digits to ASCII (`本報記者`, `２０２４年１２月３日`,
 * `（下轉第２版）`), one UTF-16 unit for one, so a match's offsets are the
 * printed text's offsets. Punctuation is left alone: the recognisers tell
 * full- from half-width punctuation themselves.
 */
export function recognitionForm(text: string): string {
  const table = foldTable();
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const han = (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
    const f = c >= 0xff10 && c <= 0xff19 ? c - 0xfee0 : han ? table[c]! : c;
    if (f !== c) {
      out += text.slice(start, i) + String.fromCharCode(f);
      start = i + 1;
    }
  }
  return start === 0 ? text : out + text.slice(start);
}

/** Han character bigrams of a text (spaces and punctuation ignored). */
export function hanBigrams(text: string): Set<string> {
  const chars = [...text].filter((c) => HAN_RE.test(c) || /[A-Za-z0-9]/.test(c));
  const set = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) set.add(chars[i]! + chars[i + 1]!);
  return set;
}

/** Share of `probe`'s bigrams found in `body` (0..1): how much a headline "talks about" a body. */
export function overlap(probe: string | Set<string>, body: string | Set<string>): number {
  const p = typeof probe === 'string' ? hanBigrams(probe) : probe;
  if (!p.size) return 0;
  const b = typeof body === 'string' ? hanBigrams(body) : body;
  let hit = 0;
  for (const g of p) if (b.has(g)) hit++;
  return hit / p.size;
}

/** Number of Han characters. */
export function hanLength(text: string): number {
  let n = 0;
  for (const c of text) if (HAN_RE.test(c)) n++;
  return n;
}
