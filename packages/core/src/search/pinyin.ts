import { polyphonic } from 'pinyin-pro';
import { isCjk } from '../text/analyze.js';
import { namesSoundingLike } from './names.js';
import type { SearchIndex } from './search-index.js';
import { pushAll } from '../arrays.js';

/**
 * Pinyin queries (`qianwan gongcheng`, `Jinzhong`): turned into the Chinese
 * the archive most likely means, using the archive's own vocabulary.
 *
 * pinyin-pro gives every reading of every character the index holds
 * (polyphones included: 重 → zhong/chong); the typed letters are split into
 * syllables (fewest syllables wins: xian is one, not xi-an); then a Viterbi
 * pass picks, per syllable, the character that makes the most frequent chain
 * of bigrams in the index. The result is searched like typed Chinese, so the
 * phrase and typo rules apply unchanged.
 *
 * Names come first: a pinyin query is most often a name, and character-pair
 * counts favour pairs that straddle words (进中 in 推进中国 outnumbers 晋中 235 to 6
 * in the xwlb archive). When the letters spell exactly a name the archive's
 * lexicon knows (the index's whole-term tokens: names and aliases), or the
 * start of one (晋中 of 晋中市), that is the reading.
 */

interface PinyinTable {
  /** syllable → characters with that reading, most frequent first. */
  chars: Map<string, string[]>;
  freq: Map<string, number>;
  longest: number;
}

const tables = new WeakMap<SearchIndex, PinyinTable>();
const CANDIDATES_PER_SYLLABLE = 40;

function tableFor(index: SearchIndex): PinyinTable {
  const table = tables.get(index);
  if (table) return table;
  for (const _ of pinyinTableSteps(index));
  return tables.get(index)!;
}

/**
 * Builds the syllable table in steps (the index's vocabulary, then pinyin-pro's readings 500 characters at a time):
 * for the warm-up, and for the build, which carries it in the section (version 2): then it is only read back.
 */
export function* pinyinTableSteps(index: SearchIndex): Generator<void, void> {
  if (tables.has(index)) return;
  const carried = index.readings.pinyin;
  if (carried !== undefined) {
    tables.set(index, parsePinyinTable(carried));
    return;
  }
  const freq = new Map<string, number>();
  for (let i = 0; i < index.terms.length; i++) {
    if (i % 50_000 === 49_999) yield;
    const term = index.terms.get(i);
    if (term.length > 2 || !isCjk(term.charCodeAt(0))) continue;
    const df = index.documentFrequency(i);
    for (const ch of term) if (isCjk(ch.charCodeAt(0))) freq.set(ch, (freq.get(ch) ?? 0) + df);
  }
  yield;
  const all = [...freq.keys()];
  const readings: string[][] = [];
  for (let at = 0; at < all.length; at += 500) {
    pushAll(readings, polyphonic(all.slice(at, at + 500).join(''), { toneType: 'none', type: 'array' }) as string[][]);
    yield;
  }
  const chars = new Map<string, string[]>();
  let longest = 0;
  all.forEach((ch, i) => {
    for (const syllable of new Set(readings[i] ?? [])) {
      if (!/^[a-zü]+$/.test(syllable)) continue;
      const key = syllable.replace(/ü/g, 'v');
      const list = chars.get(key) ?? [];
      list.push(ch);
      chars.set(key, list);
      longest = Math.max(longest, key.length);
    }
  });
  for (const [key, list] of chars) chars.set(key, list.sort((a, b) => freq.get(b)! - freq.get(a)!).slice(0, CANDIDATES_PER_SYLLABLE));
  if (tables.has(index)) return;
  tables.set(index, { chars, freq, longest });
  index.readings.pinyin = [...chars].map(([key, list]) => `${key}\t${list.join('')}\t${list.map((ch) => freq.get(ch)!).join(',')}`).join('\n');
}

/**
 * The carried form back. Only the characters the lists hold keep a frequency: the only ones a reading looks up
 * (the first syllable's, in pinyinReadings).
 */
function parsePinyinTable(text: string): PinyinTable {
  const chars = new Map<string, string[]>();
  const freq = new Map<string, number>();
  let longest = 0;
  for (const line of text ? text.split('\n') : []) {
    const [key, list, counts] = line.split('\t');
    if (!key || !list) continue;
    const characters = [...list];
    const numbers = (counts ?? '').split(',');
    characters.forEach((ch, i) => freq.set(ch, Number(numbers[i]) || 0));
    chars.set(key, characters);
    longest = Math.max(longest, key.length);
  }
  return { chars, freq, longest };
}

/** Splits letters into known syllables, fewest syllables first; null when they are not pinyin. */
export function splitSyllables(word: string, known: (s: string) => boolean, longest = 6): string[] | null {
  const w = word.toLowerCase().replace(/ü/g, 'v');
  const best: (string[] | null)[] = new Array(w.length + 1).fill(null);
  best[0] = [];
  for (let i = 0; i < w.length; i++) {
    const here = best[i];
    if (!here) continue;
    for (let len = 1; len <= longest && i + len <= w.length; len++) {
      const s = w.slice(i, i + len);
      if (!known(s)) continue;
      const next = best[i + len];
      if (!next || next.length > here.length + 1) best[i + len] = [...here, s];
    }
  }
  return best[w.length] ?? null;
}

const BEAM = 8;

/**
 * The Chinese readings a pinyin query most likely stands for in this archive,
 * best first (a beam search over the syllable lattice, scored by how often
 * each bigram of the reading occurs), or [] when the words are not all pinyin
 * or give fewer than two syllables (a single syllable such as `ai` is far more
 * likely a Latin word). Names the archive knows with exactly that pinyin are
 * returned alone when there are any. The caller picks among them by what the archive
 * actually contains (`searchWithIndex` checks each reading as a phrase).
 */
export function pinyinReadings(index: SearchIndex, words: string[]): string[] {
  if (!words.length || !words.every((w) => /^[a-zA-Zü']+$/.test(w))) return [];
  const named = namesSoundingLike(index, words);
  if (named.length) return named;
  const table = tableFor(index);
  const syllables: string[] = [];
  for (const word of words) {
    for (const part of word.split("'").filter(Boolean)) {
      const split = splitSyllables(part, (s) => table.chars.has(s), table.longest);
      if (!split) return [];
      pushAll(syllables, split);
    }
  }
  if (syllables.length < 2) return [];
  const bigramScore = (a: string, b: string) => {
    const t = index.find(a + b);
    return t < 0 ? -10 : Math.log1p(index.documentFrequency(t));
  };
  let beam = table.chars.get(syllables[0]!)!.slice(0, BEAM).map((ch) => ({ text: ch, score: 0.01 * Math.log1p(table.freq.get(ch) ?? 0) }));
  for (const syllable of syllables.slice(1)) {
    const next: { text: string; score: number }[] = [];
    for (const state of beam) {
      const last = state.text[state.text.length - 1]!;
      for (const ch of table.chars.get(syllable)!) next.push({ text: state.text + ch, score: state.score + bigramScore(last, ch) });
    }
    beam = next.sort((a, b) => b.score - a.score).slice(0, BEAM);
  }
  return beam.map((s) => s.text);
}

/** The single most likely reading (see pinyinReadings), or null. */
export function pinyinToChinese(index: SearchIndex, words: string[]): string | null {
  return pinyinReadings(index, words)[0] ?? null;
}
