import { articleBody, type Article } from '../article.js';
import { isCjk } from '../text/analyze.js';
import type { SearchIndex } from './search-index.js';

/**
 * Queries that a long-lived host runs after loading an index
 * (loadSearchIndex), so that the user's first searches do not pay for
 * first-use work: V8 compiling the ranking, verification and snippet code
 * (the very first query cost ~50 ms instead of ~0.4 ms on the 5,000-story
 * xwlb bench, and a dozen of the next ones 5–20 ms each) and the tables
 * built on first use (squeezing, folding, BM25 length norms).
 *
 * Every path of `rank` must run, or V8 optimises the functions without
 * feedback for the missing one and deoptimises them at each real query that
 * takes it (measured: a warm-up made of common bigrams alone never pruned
 * candidates, and scoreCandidates then deoptimised at every query that did).
 * So they are what users type, made the same way for any archive: the title
 * of two articles at fixed places (a third and two thirds through), a clause
 * of one's text, that clause with one character changed (typo check), cut in
 * two segments, and shortened to a paraphrase; its first character alone
 * (one-character expansion); the index's commonest bigram and Latin/number
 * word. Nothing here depends on any query list.
 */
export function warmUpQueries(index: SearchIndex, articles: readonly Article[]): string[] {
  // Cheapest first (a rare clause: short postings, few candidates): the first query also pays for compiling
  // everything it runs, and each is one slice of a host's event loop. The one-character expansion comes last.
  const queries: string[] = [];
  const picks = [Math.floor(articles.length / 3), Math.floor((2 * articles.length) / 3)].map((i) => articles[i]).filter((a): a is Article => !!a);
  const clause = picks.map((a) => cjkRun(articleBody(a), 12)).find((c) => c.length >= 8);
  if (clause) {
    const mid = clause.length >> 1;
    const other = clause[mid] === '的' ? '是' : '的';
    queries.push(clause, clause.slice(0, mid) + other + clause.slice(mid + 1), `${clause.slice(0, 4)} ${clause.slice(-4)}`, clause.slice(0, 3) + clause.slice(5));
  }
  for (const a of picks) if (a.title.trim()) queries.push(a.title.trim());
  const { common, word } = commonTerms(index);
  if (common) queries.push(common);
  if (word) queries.push(word, (common ?? '') + word);
  if (clause) queries.push(clause[0]!);
  return queries;
}

/** The first run of `length` Chinese characters in `text` (or the longest shorter one). */
function cjkRun(text: string, length: number): string {
  let best = '';
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && isCjk(text.charCodeAt(i))) {
      if (start < 0) start = i;
      if (i + 1 - start === length) return text.slice(start, i + 1);
    } else if (start >= 0) {
      if (i - start > best.length) best = text.slice(start, i);
      start = -1;
    }
  }
  return best;
}

/** The Chinese bigram and the Latin/number word with the longest postings (by encoded size: nothing decoded). */
function commonTerms(index: SearchIndex): { common?: string; word?: string } {
  let common = -1;
  let word = -1;
  let commonSize = 0;
  let wordSize = 0;
  const { starts, terms } = index;
  for (let i = 0; i < terms.length; i++) {
    const size = starts[i + 1]! - starts[i]!;
    if (size <= commonSize && size <= wordSize) continue;
    const term = terms.get(i);
    if (term.length === 2 && isCjk(term.charCodeAt(0)) && isCjk(term.charCodeAt(1))) {
      if (size > commonSize) [common, commonSize] = [i, size];
    } else if (size > wordSize && /^[a-z0-9]+$/.test(term)) [word, wordSize] = [i, size];
  }
  return { common: common >= 0 ? terms.get(common) : undefined, word: word >= 0 ? terms.get(word) : undefined };
}

/** Rounds of the warm-up queries (4 × ~10 queries; measured: 12 or 30 rounds cost more load time for little more, see warmUpSteps in lifecycle.ts). */
export const WARM_UP_ROUNDS = 4;
