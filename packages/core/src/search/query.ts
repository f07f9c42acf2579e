import { isCjk, normalizeForSearch, tokenizeNormalized, type AnalyzeOptions } from '../text/analyze.js';
import { squeeze } from './match.js';
import type { SearchIndex } from './search-index.js';
import { pushAll } from '../arrays.js';
import type { QueryPart } from './syntax.js';

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
  /**
   * The distinctive part: tokens no story has or few do (a name, a rare term). A hit must hold them — as typed,
   * or within one wrong character (a typo match) — not just the segment's common words (see quality.ts).
   */
  distinctive: string[];
  /** How many tokens no story has: the phrase cannot be there exactly, and more than two rule out a typo too. */
  absent: number;
  /** A distinctive token no story has: only a typo match (one character off) can hold this segment. */
  distinctiveAbsent: boolean;
  /** Quoted ("…"): only the phrase as typed counts, and a hit must hold it. */
  exact: boolean;
  /** title:…: only the title counts, and a hit must hold it there. */
  titleOnly: boolean;
}

/** A bigram held by at most this share of the stories (at least one story), or by none, is rare. */
const RARE_SHARE = 0.001;

/**
 * The distinctive tokens of a segment: runs of two or more overlapping rare bigrams (a name-like stretch of three
 * characters or more: 曜岚芯微 in 曜岚芯微半导体有限公司, 澈岚 岚湖 in 澈岚湖国家湿地公园). A rare bigram alone is usually
 * where two common words meet (村环 in 农村环境整治) and stays tolerated, as in a paraphrase.
 */
function distinctiveRuns(counts: { t: string; n: number }[], rare: number): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length >= 2) pushAll(out, run);
    run = [];
  };
  for (const { t, n } of counts) {
    const joins = run.length > 0 && run[run.length - 1]!.length === 2 && t.length === 2 && run[run.length - 1]![1] === t[0];
    if (n > rare || t.length !== 2) flush();
    else {
      if (!joins) flush();
      run.push(t);
    }
  }
  flush();
  return out;
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

export function planQuery(parts: readonly (string | QueryPart)[], options: AnalyzeOptions, index: SearchIndex): Segment[] {
  const rare = Math.floor(index.docCount * RARE_SHARE); // 0 below 1,000 stories: there only absent bigrams count
  const df = (t: string) => {
    const i = index.find(t);
    return i < 0 ? 0 : index.documentFrequency(i);
  };
  const segments: Segment[] = [];
  for (const given of parts) {
    const { text: part, exact = false, title = false } = typeof given === 'string' ? { text: given } : given;
    const norm = normalizeForSearch(part).text;
    const tokens = tokenizeNormalized(norm, options);
    const base = [...new Set(tokens.filter((t) => t.kind !== 'term').map((t) => t.term))].slice(0, 32);
    if (!base.length) continue;
    const phrase = squeeze(part).text;
    const chinese = [...phrase].some((c) => isCjk(c.charCodeAt(0)));
    // Only Chinese bigrams and words: a lone character (expanded) or a Latin word is matched as typed anyway.
    const counts = chinese ? base.filter((t) => t.length >= 2).map((t) => ({ t, n: df(t) })) : [];
    const distinctive = distinctiveRuns(counts, rare);
    segments.push({
      phrase,
      tokens: base,
      extra: [...new Set(tokens.filter((t) => t.kind === 'term').map((t) => t.term))],
      chinese,
      distinctive,
      absent: counts.filter((c) => c.n === 0).length,
      distinctiveAbsent: counts.some((c) => c.n === 0 && distinctive.includes(c.t)),
      exact,
      titleOnly: title,
    });
  }
  return segments.slice(0, 8);
}
