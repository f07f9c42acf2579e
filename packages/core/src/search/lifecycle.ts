import type { Archive } from '../archive.js';
import { runSteps, runStepsInSlices } from '../host.js';
import { prepareTermTableSteps } from '../text/analyze.js';
import { cachedSearchIndex, decodeSearchIndex, getSearchIndex } from './archive-index.js';
import { docTableOf, titlesOf } from './rank.js';
import { nameTableSteps, someNameSound } from './names.js';
import { pinyinTableSteps } from './pinyin.js';
import type { SearchIndex } from './search-index.js';
import { searchWithIndex } from './search.js';
import { squeezedOf } from './verify.js';
import { warmUpQueries, WARM_UP_ROUNDS } from './warm-up.js';

// The index lifecycle of a long-lived host: decode, squeeze the texts, warm up.

/**
 * The same, yielding to the event loop while it decodes (for UI threads);
 * later calls to `getSearchIndex` reuse it. Long-lived hosts load this way,
 * so it also readies the archive for queries (prepareSearch), in slices:
 * the articles' squeezed texts, then a warm-up. (`getSearchIndex` leaves
 * all that to the queries: a one-shot CLI search looks at a few dozen
 * articles and would not gain from it.)
 */
export async function loadSearchIndex(archive: Archive): Promise<SearchIndex> {
  const cached = cachedSearchIndex(archive);
  if (cached) return cached;
  const index = await decodeSearchIndex(archive);
  await prepareSearch(archive, index);
  return index;
}

/** `loadSearchIndex` in one piece (the same work, no yields): for tests and one-piece hosts. */
export function loadSearchIndexSync(archive: Archive): SearchIndex {
  const index = getSearchIndex(archive);
  prepareSearchSync(archive, index);
  return index;
}

/** What `loadSearchIndex` does once it has the index (textSteps, warmUpSteps), for an index loaded apart (the benchmark). */
export async function prepareSearch(archive: Archive, index: SearchIndex): Promise<void> {
  await runStepsInSlices(textSteps(archive));
  // Short slices: a cold warm-up query costs 10–20 ms, and added to a long slice of other work it blocked the
  // event loop for up to 38 ms on the bench. But not one step per turn either: each turn of a host's event loop
  // costs at least a timer's 1 ms, and the several hundred steps (tables, warm-up queries) made the load ~5×
  // longer in wall time than its CPU time (xwlb sample: 3.7 s wall for 0.7 s CPU on a busy machine).
  await runStepsInSlices(warmUpSteps(archive, index), WARM_UP_SLICE_MS);
}

/** The warm-up's slices, in ms of work before yielding (a step may run past it: one cold query). */
const WARM_UP_SLICE_MS = 4;

/** The same in one piece. */
export function prepareSearchSync(archive: Archive, index: SearchIndex): void {
  runSteps(textSteps(archive));
  runSteps(warmUpSteps(archive, index));
}

/**
 * What a long-lived host does after loading an index (prepareSearch: textSteps,
 * then warmUpSteps), in slices:
 *   1. squeeze every article's fields, so queries never do;
 *   2. a JIT warm-up: a few rounds of queries made from the archive itself
 *      (warm-up.ts), so that V8 has compiled the query code, with feedback
 *      for every path, and the first-use tables are built before the user's
 *      first query rather than during it. Measured on the 5,000-story xwlb
 *      bench, pinned to one core: ~170 ms of load (in the bench's Jianbao
 *      load column: 0.09 → 0.21 s sync with the text squeezing), the first
 *      query 43–49 ms → a few ms, the first pass of the 600 queries wall p95
 *      ~5.2–5.9 → ~2.9–3.8 ms (CPU p95 1.2–2.5 → 0.7–0.85 ms; what remains is
 *      mostly V8 still optimising in background threads that share the one
 *      core). 8 or 16 rounds instead of 4 cost 50–180 ms more load for
 *      little. Results are unchanged: what it fills are caches whose
 *      contents do not depend on the queries that filled them.
 */
function* textSteps(archive: Archive): Generator<void, void> {
  const SLICE = 500;
  for (let i = 0; i < archive.articles.length; i += SLICE) {
    for (const article of archive.articles.slice(i, i + SLICE)) squeezedOf(article);
    yield;
  }
}

function* warmUpSteps(archive: Archive, index: SearchIndex): Generator<void, void> {
  // The first-use tables, each in steps of its own: built inside the first warm-up query they froze the
  // VS Code extension host for ~300 ms on xwlb (the lexicon hook's table, the document table, commonTerms).
  if (index.wholeTerms.length) yield* prepareTermTableSteps(index.wholeTerms);
  docTableOf(archive, index);
  yield;
  titlesOf(archive, index);
  yield;
  // The no-hit readings' tables (pinyin, names by sound and by mask): a first pinyin or misspelt-name query built
  // them and cost 130–190 ms CPU on xwlb.
  yield* pinyinTableSteps(index);
  yield* nameTableSteps(index);
  const queries = warmUpQueries(index, archive.articles);
  // And the no-hit paths themselves, so V8 has compiled them: a name's pinyin (pinyin reading), and a clause read
  // backwards, which finds nothing as typed (sounds-alike, one character off, names and words).
  const sound = someNameSound(index);
  if (sound) queries.push(sound);
  const backwards = queries[0] ? [...queries[0]].reverse().join('') : '';
  if (backwards) queries.push(backwards);
  yield;
  for (let round = 0; round < WARM_UP_ROUNDS; round++) {
    for (const query of queries) {
      searchWithIndex(archive, index, query, { limit: 10 });
      yield;
    }
  }
}

/**
 * Squeezes every article's fields ahead of the first search (the loaders
 * call it, so queries do not pay for it): `yieldNow` between slices keeps a
 * UI thread responsive.
 */
export async function prepareSearchTexts(archive: Archive, yieldNow?: () => Promise<void>): Promise<void> {
  const SLICE = 500;
  for (let i = 0; i < archive.articles.length; i += SLICE) {
    for (const article of archive.articles.slice(i, i + SLICE)) squeezedOf(article);
    if (yieldNow) await yieldNow();
  }
}

/** The same, synchronously. */
export function prepareSearchTextsSync(archive: Archive): void {
  for (const article of archive.articles) squeezedOf(article);
}
