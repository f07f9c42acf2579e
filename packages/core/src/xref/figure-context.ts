import { isContent } from './normalize.js';

/**
 * The words around a figure in a folded text, read the same way for a draft's figures (numbers.ts) and an
 * archive's (figure-table.ts): what tells two statements of one fact apart from others.
 */

/** How far lead and trail look for their content characters. */
const LOOK = 32;
/** Content characters kept by context(). */
const CONTEXT = 10;
const SENTENCE_END = new Set([...'。！？!?\n']);
const NUMERAL = new Set([...'0123456789.零〇一二两三四五六七八九十百千万亿%']);
const CLAUSE_END = new Set([...'，,、；;：:。！？!?（）()\n']);

/** Part of a longer number, or an ordinal (第3次): not a quantity of something. */
export function notAQuantity(folded: string, start: number): boolean {
  const before = folded.charCodeAt(start - 1);
  return (before >= 0x30 && before <= 0x39) || before === 0x2e || before === 0x7b2c; // 第
}

/** The content characters next to a figure (see Quantity.before), read from `from` in direction `dir`. */
export function context(text: string, from: number, dir: 1 | -1): string {
  let out = '';
  for (let i = dir > 0 ? from : from - 1, steps = 0; i >= 0 && i < text.length && out.length < CONTEXT && steps < LOOK; i += dir, steps++) {
    const ch = text[i]!;
    if (SENTENCE_END.has(ch) && !(dir < 0 && ocrBreak(text, i))) break;
    if (!isContent(ch.charCodeAt(0)) || NUMERAL.has(ch)) continue;
    out = dir > 0 ? out + ch : ch + out;
  }
  return out;
}

/** Up to 8 content characters (no digits) before the figure at `start` in its clause (Quantity.lead). */
export function leadOf(folded: string, start: number): string {
  let lead = '';
  for (let i = start - 1; i >= Math.max(0, start - LOOK) && lead.length < 8; i--) {
    const ch = folded[i]!;
    if (CLAUSE_END.has(ch) && !ocrBreak(folded, i)) break;
    if (isContent(ch.charCodeAt(0)) && !(ch >= '0' && ch <= '9')) lead = ch + lead;
  }
  return lead;
}

/** Up to 8 content characters (no digits) after the figure ending at `end` in its clause (Quantity.trail). */
export function trailOf(folded: string, end: number): string {
  let trail = '';
  for (let i = end; i < Math.min(folded.length, end + LOOK) && trail.length < 8; i++) {
    const ch = folded[i]!;
    if (CLAUSE_END.has(ch)) break;
    if (isContent(ch.charCodeAt(0)) && !(ch >= '0' && ch <= '9')) trail += ch;
  }
  return trail;
}

/**
 * A line break between two content characters (项目⏎总投资): OCR's line end inside a sentence, or a heading's end
 * (headings print no 。). The words before a figure (lead, context before) read across it: they are compared from
 * the figure outwards, so a heading's words at their far end do no harm; the words after a figure do not.
 */
export function ocrBreak(text: string, i: number): boolean {
  if (text.charCodeAt(i) !== 0x0a) return false;
  let a = i - 1;
  while (a >= 0 && (text.charCodeAt(a) === 0x20 || text.charCodeAt(a) === 0x0d || text.charCodeAt(a) === 0x3000)) a--;
  let b = i + 1;
  while (b < text.length && (text.charCodeAt(b) === 0x20 || text.charCodeAt(b) === 0x3000)) b++;
  return a >= 0 && b < text.length && isContent(text.charCodeAt(a)) && isContent(text.charCodeAt(b));
}
