import { isCjk, normalizeForSearch, tokenizeNormalized, type AnalyzeOptions } from '../text/analyze.js';
import { squeeze } from './match.js';

// Query planning: a query's parts, each a segment with its phrase and index terms.

export interface Segment {
  /** Squeezed normalised text of the segment: what an exact phrase must equal. */
  phrase: string;
  /** Distinct index terms (bigrams, words) — what coverage is counted over. */
  tokens: string[];
  /** Lexicon terms found in the segment: a bonus only. */
  extra: string[];
  /** Contains Chinese: phrase and typo checks apply; otherwise whole-word matching via the index. */
  chinese: boolean;
}

/**
 * A query's space-separated parts, with OCR-style spacing undone: a line break
 * inside Chinese (千万\n工程, pasted from a page) and a lone Chinese character
 * set apart (千 万 工 程, 常 书铭) join their neighbours; spaces between words
 * (灵石县 重点项目) still separate parts.
 */
const HAN = /\p{Script=Han}/u;
const BREAK_IN_HAN = /(\p{Script=Han})[ \t\u3000]*[\r\n][\s\u3000]*(?=\p{Script=Han})/gu;
const lone = (part: string) => part.length === 1 && HAN.test(part);

export function queryParts(query: string): string[] {
  const parts: string[] = [];
  for (const part of query.replace(BREAK_IN_HAN, '$1').split(/[\s\u3000]+/)) {
    if (!part) continue;
    const last = parts[parts.length - 1];
    if (last !== undefined && (lone(part) || lone(last)) && HAN.test(last.at(-1)!) && HAN.test(part[0]!)) parts[parts.length - 1] = last + part;
    else parts.push(part);
  }
  return parts;
}

export function planQuery(parts: readonly string[], options: AnalyzeOptions): Segment[] {
  const segments: Segment[] = [];
  for (const part of parts) {
    const norm = normalizeForSearch(part).text;
    const tokens = tokenizeNormalized(norm, options);
    const base = [...new Set(tokens.filter((t) => t.kind !== 'term').map((t) => t.term))].slice(0, 32);
    if (!base.length) continue;
    const phrase = squeeze(part).text;
    segments.push({
      phrase,
      tokens: base,
      extra: [...new Set(tokens.filter((t) => t.kind === 'term').map((t) => t.term))],
      chinese: [...phrase].some((c) => isCjk(c.charCodeAt(0))),
    });
  }
  return segments.slice(0, 8);
}
