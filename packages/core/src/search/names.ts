import { pinyin } from 'pinyin-pro';
import type { SearchIndex } from './search-index.js';

/**
 * The archive's names as query aids: the lexicon's names and aliases (the
 * index's whole-term tokens) found by how a query sounds (pinyin) or by a
 * one-character slip (常树铭 → 常书铭). Both rank by how often the name occurs.
 */

const HAN_ONLY = /^[\u4e00-\u9fff]+$/;

/** How many articles hold the name's rarest character pair (0 when one is absent): a cheap upper bound of its frequency. */
function nameFrequency(index: SearchIndex, name: string): number {
  let df = Infinity;
  for (let k = 0; k + 1 < name.length; k++) {
    const t = index.find(name.slice(k, k + 2));
    df = Math.min(df, t < 0 ? 0 : index.documentFrequency(t));
  }
  return df;
}

/** Names present in the index, most frequent first. */
function byFrequency(index: SearchIndex, names: Iterable<string>): string[] {
  return [...names].map((name) => ({ name, df: nameFrequency(index, name) })).filter((r) => r.df > 0).sort((a, b) => b.df - a.df).map((r) => r.name);
}

// ——— by sound ———

const nameSounds = new WeakMap<SearchIndex, Map<string, string[]>>();
const PLACE_LEVELS = new Set('省市县区镇乡村州旗盟'.split(''));

/**
 * The index's whole-term names (Han characters only, 2–8 of them) by their
 * pinyin, letters only (晋中 → jinzhong), and places also without their level
 * (晋中 from 晋中市: a place is typed without its 市).
 */
function namesBySound(index: SearchIndex): Map<string, string[]> {
  const sounds = nameSounds.get(index);
  if (sounds) return sounds;
  for (const _ of namesBySoundSteps(index));
  return nameSounds.get(index)!;
}

/**
 * Builds namesBySound's table a few hundred names a step (pinyin-pro reads each: ~150 ms in one piece on xwlb), or
 * reads it from the index's section, which carries it (version 2). Exported for the build, which carries it.
 */
export function* namesBySoundSteps(index: SearchIndex): Generator<void, void> {
  if (nameSounds.has(index)) return;
  const carried = index.readings.sounds;
  if (carried !== undefined) {
    nameSounds.set(index, parseSounds(carried));
    return;
  }
  const found = new Map<string, Set<string>>();
  let n = 0;
  for (const term of new Set(index.wholeTerms.map((t) => t.replace(/[^\u4e00-\u9fff]/g, '')))) {
    if (term.length < 2 || term.length > 8) continue;
    if (++n % 300 === 0) yield;
    // pinyin-pro reads whole words, so a polyphone takes its reading in the name (长治 → changzhi).
    const syllables = (pinyin(term, { toneType: 'none', type: 'array' }) as string[]).map((x) => x.replace(/ü/g, 'v'));
    if (syllables.length !== term.length || !syllables.every((x) => /^[a-z]+$/.test(x))) continue;
    const add = (m: number) => {
      const key = syllables.slice(0, m).join('');
      found.set(key, (found.get(key) ?? new Set()).add(term.slice(0, m)));
    };
    add(term.length);
    // Only a place's level may be left off: the start of a person's name (刘兴 of 刘兴华) is not a name.
    if (term.length > 2 && PLACE_LEVELS.has(term[term.length - 1]!)) add(term.length - 1);
  }
  if (nameSounds.has(index)) return;
  const table = new Map([...found].map(([key, names]) => [key, [...names]]));
  nameSounds.set(index, table);
  index.readings.sounds = [...table].map(([key, names]) => `${key}\t${names.join('\t')}`).join('\n');
}

/** The carried form back (keys and names never hold tabs or line breaks: letters, and Han characters). */
function parseSounds(text: string): Map<string, string[]> {
  const table = new Map<string, string[]>();
  if (!text) return table;
  for (const line of text.split('\n')) {
    const parts = line.split('\t');
    const key = parts.shift()!;
    if (key && parts.length) table.set(key, parts);
  }
  return table;
}

/**
 * The tables the no-hit readings build on first use (names by sound, names by mask, the names-and-words set), in
 * steps, for the warm-up (lifecycle.ts): built inside a user's first such query they cost it 130–190 ms on xwlb.
 */
export function* nameTableSteps(index: SearchIndex): Generator<void, void> {
  yield* namesBySoundSteps(index);
  warmPinyin();
  maskedNames(index);
  yield;
  namesAndWords(index, '');
  termSetOf(index);
  yield;
}

let pinyinWarm = false;

/**
 * pinyin-pro builds its word table on its first call (~70 ms on xwlb): at load, not in a user's first homophone
 * query (韦涛), now that a carried names-by-sound table no longer calls it there. Once per process.
 */
function warmPinyin(): void {
  if (pinyinWarm) return;
  pinyin('韦韬', { toneType: 'none', type: 'array' });
  pinyinWarm = true;
}

/** A name the archive knows by sound (its pinyin, letters only), for the warm-up's pinyin query; undefined when none. */
export function someNameSound(index: SearchIndex): string | undefined {
  for (const key of namesBySound(index).keys()) if (key.length >= 6) return key;
  return undefined;
}

/** Names of the archive whose pinyin is exactly these letters (晋中 for jinzhong), most frequent first; [] when none occurs. */
export function namesSoundingLike(index: SearchIndex, words: string[]): string[] {
  const key = words.join('').toLowerCase().replace(/'/g, '').replace(/ü/g, 'v');
  return byFrequency(index, namesBySound(index).get(key) ?? []);
}

/**
 * Names that sound exactly like a Chinese query that found nothing: the
 * commonest slip with a pinyin input method is a homophone (韦涛 for 韦韬,
 * 刘兴 for 刘星), which leaves no bigram of a two-character name. Most frequent first.
 */
export function namesSoundingLikeText(index: SearchIndex, text: string): string[] {
  if (text.length < 2 || text.length > 8 || !HAN_ONLY.test(text)) return [];
  const syllables = (pinyin(text, { toneType: 'none', type: 'array' }) as string[]).map((x) => x.replace(/ü/g, 'v'));
  if (syllables.length !== text.length || !syllables.every((x) => /^[a-z]+$/.test(x))) return [];
  // At most half the characters differ: 魏涛 (two of two) is more likely another person than a slip for 韦韬.
  const close = (name: string) => name.length === text.length && [...name].filter((c, i) => c !== text[i]).length <= text.length >> 1;
  return namesSoundingLike(index, syllables).filter((name) => name !== text && close(name));
}

// ——— one character off ———

/**
 * The bigram index already forgives a wrong first or last character of a
 * three-character name (常书名 keeps 常书), but a wrong middle character leaves
 * no bigram of the name. Only names of three or more characters: one character
 * of two leaves too little to go on.
 */
const masks = new WeakMap<SearchIndex, Map<string, string[]>>();

function maskedNames(index: SearchIndex): Map<string, string[]> {
  let byMask = masks.get(index);
  if (byMask) return byMask;
  byMask = new Map();
  for (const name of new Set(index.wholeTerms)) {
    if (name.length < 3 || name.length > 8 || !HAN_ONLY.test(name)) continue;
    for (let i = 0; i < name.length; i++) {
      const key = `${name.slice(0, i)}?${name.slice(i + 1)}`;
      const list = byMask.get(key);
      if (list) list.push(name);
      else byMask.set(key, [name]);
    }
  }
  masks.set(index, byMask);
  return byMask;
}

/** Names differing from `text` in exactly one character, the most frequent first (by their rarest bigram); [] for none. */
export function namesOneCharacterOff(index: SearchIndex, text: string): string[] {
  if (text.length < 3 || text.length > 8 || !HAN_ONLY.test(text)) return [];
  const byMask = maskedNames(index);
  const found = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    for (const name of byMask.get(`${text.slice(0, i)}?${text.slice(i + 1)}`) ?? []) if (name !== text) found.add(name);
  }
  return byFrequency(index, found);
}

// ——— a query read as names and words ———

const termSets = new WeakMap<SearchIndex, { names: Set<string>; longest: number }>();

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;

/**
 * A run-together query split into the archive's names and the words between
 * them (晋中和太原一体化 → 晋中, 太原, 一体化; 刘星市长 → 刘星, 市长): names by longest
 * match against the lexicon, the rest by Intl.Segmenter where the host has it.
 * One-character pieces (和, 的) are dropped. [] unless at least two parts remain.
 */
function termSetOf(index: SearchIndex): { names: Set<string>; longest: number } {
  let set = termSets.get(index);
  if (!set) {
    const names = new Set(index.wholeTerms.filter((t) => t.length >= 2 && HAN_ONLY.test(t)));
    let longest = 0;
    for (const name of names) longest = Math.max(longest, name.length); // a loop: spreading 100,000 names overflows the argument limit
    set = { names, longest };
    termSets.set(index, set);
  }
  return set;
}

export function namesAndWords(index: SearchIndex, text: string): string[] {
  if (text.length < 4 || !HAN_ONLY.test(text)) return [];
  const set = termSetOf(index);
  const parts: string[] = [];
  let gap = '';
  const flushGap = () => {
    if (!gap) return;
    const words = segmenter ? [...segmenter.segment(gap)].map((s) => s.segment) : [gap];
    for (const w of words) if (w.length >= 2) parts.push(w);
    gap = '';
  };
  for (let i = 0; i < text.length; ) {
    let name = '';
    for (let len = Math.min(set.longest, text.length - i); len >= 2 && !name; len--) {
      if (set.names.has(text.slice(i, i + len))) name = text.slice(i, i + len);
    }
    if (name && name !== text) {
      flushGap();
      parts.push(name);
      i += name.length;
    } else {
      gap += text[i];
      i++;
    }
  }
  flushGap();
  return parts.length >= 2 ? parts : [];
}
