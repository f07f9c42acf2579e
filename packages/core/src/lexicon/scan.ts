import { buildMatcher } from '../matcher/matcher.js';
import type { TermKind } from './types.js';

/** Finds the words of a closed list in text (leftmost-longest), with the matcher itself. */
export interface WordFinder {
  find(text: string): { start: number; end: number; word: string }[];
}

export function wordFinder(words: readonly string[], kind: TermKind = 'policy'): WordFinder {
  const list = [...new Set(words)].filter((w) => w.length >= 2);
  const matcher = buildMatcher(list.map((w) => ({ termId: w, kind, forms: [w] })), { teams: false });
  return {
    find(text) {
      return matcher.findAll(text).map((m) => ({ start: m.start, end: m.end, word: m.termId }));
    },
  };
}

const PUNCT = new Set('，。、；：！？“”‘’（）()《》【】〈〉「」『』—…·,.;:!?"\' \u3000\t\r\n/\\|-'.split(''));

/** Punctuation, whitespace, or outside the text. */
export function isDelimiter(text: string, i: number): boolean {
  return i < 0 || i >= text.length || PUNCT.has(text[i]!);
}

export const isHan = (c: string | undefined) => !!c && c >= '\u4e00' && c <= '\u9fff';

export function allHan(s: string): boolean {
  for (const c of s) if (!isHan(c)) return false;
  return s.length > 0;
}
