import { normalizeForSearch, tokenizeNormalized, type SearchIndex } from '@jianbao/core';
import type { Sql } from '../db/types.js';
import { decodePostings, readPostings } from './postings.js';

/** A string as the analyser sees it: folded, layout whitespace gone. */
export const searchKey = (t: string) => normalizeForSearch(t).text.replace(/\s+/g, '');

const bigramsOf = (k: string) => [...new Set(tokenizeNormalized(k).filter((t) => t.kind === 'cjk' && t.term.length === 2).map((t) => t.term))];
/**
 * Single characters the text must hold as tokens of their own: a one-character run of the string with a
 * non-Chinese character on both sides inside it (海 and 天 in 陆、海、天、网) is a one-character run of any text holding it.
 */
const innerSinglesOf = (k: string) => [...new Set(tokenizeNormalized(k).filter((t) => t.kind === 'cjk' && t.term.length === 1 && t.start > 0 && t.end < k.length).map((t) => t.term))];
const longestWord = (k: string) => tokenizeNormalized(k).filter((t) => t.kind === 'word').map((t) => t.term).sort((a, b) => b.length - a.length)[0];

/** At most this many of a string's Chinese pairs are read (the rarest): fewer pairs find a superset, never fewer documents. */
const PAIRS = 3;

/**
 * The stored documents (below `docCount`) whose text may hold any of the
 * strings, from the stored postings (`base` is the stored skeleton): a
 * document whose text holds a string holds every Chinese pair of it, so its
 * candidates are the documents with its rarest pairs. A string with no
 * Chinese pair holds its inner one-character runs (海 in 陆、海、天、网) as tokens;
 * one with neither (APEC, G20) lies inside a Latin or digit word of the text: its
 * candidates are the documents of the vocabulary's terms that contain its
 * longest word. A string with none of these (one character) makes every document a
 * candidate. A superset: the caller reads the candidates' text.
 */
export async function docsHolding(sql: Sql, base: SearchIndex, strings: readonly string[], docCount: number): Promise<Set<number>> {
  const out = new Set<number>();
  const keys = [...new Set(strings.map(searchKey))].filter(Boolean);
  const frequency = (term: string) => {
    const i = base.find(term);
    if (i < 0) return 0;
    const [a, b, c] = base.fieldCounts(i);
    return a + b + c;
  };
  const pairsOf = new Map<string, string[]>();
  const wordTerms = new Map<string, string[]>();
  for (const k of keys) {
    const pairs = bigramsOf(k);
    if (!pairs.length) pairs.push(...innerSinglesOf(k));
    if (pairs.length) {
      // A pair the archive never printed: no stored document holds the string.
      pairsOf.set(k, pairs.some((p) => !frequency(p)) ? [] : pairs.sort((x, y) => frequency(x) - frequency(y)).slice(0, PAIRS));
      continue;
    }
    const w = longestWord(k);
    if (!w) {
      for (let d = 0; d < docCount; d++) out.add(d);
      return out;
    }
    if (wordTerms.has(w)) continue;
    const found = new Set<string>();
    const { joined } = base.terms;
    for (let at = joined.indexOf(w); at >= 0; at = joined.indexOf(w, at + 1)) {
      const start = joined.lastIndexOf('\n', at) + 1;
      const end = joined.indexOf('\n', at);
      found.add(joined.slice(start, end < 0 ? joined.length : end));
    }
    wordTerms.set(w, [...found]);
  }
  const wanted = new Set<string>();
  for (const pairs of pairsOf.values()) for (const p of pairs) wanted.add(p);
  for (const terms of wordTerms.values()) for (const t of terms) wanted.add(t);
  const docs = new Map<string, Set<number>>();
  for (const [term, data] of await readPostings(sql, [...wanted].filter((t) => base.find(t) >= 0))) {
    const p = decodePostings(data);
    const set = new Set<number>();
    for (const list of p.docs) for (const d of list) if (d < docCount) set.add(d);
    docs.set(term, set);
  }
  for (const pairs of pairsOf.values()) {
    if (!pairs.length) continue;
    let candidates = docs.get(pairs[0]!) ?? new Set<number>();
    for (const p of pairs.slice(1)) {
      if (!candidates.size) break;
      const here = docs.get(p) ?? new Set<number>();
      candidates = new Set([...candidates].filter((d) => here.has(d)));
    }
    for (const d of candidates) out.add(d);
  }
  for (const [w, terms] of wordTerms) {
    void w;
    for (const t of terms) for (const d of docs.get(t) ?? []) out.add(d);
  }
  return out;
}
