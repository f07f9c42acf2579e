import type { Archive } from '../archive.js';
import type { Article } from '../article.js';
import { foldText } from '../text/fold.js';
import type { AnalyzeOptions } from '../text/analyze.js';
import { getSearchIndex } from './archive-index.js';
import { bestReading } from './fallbacks.js';
import { squeezeText } from './match.js';
import { namesAndWords, namesOneCharacterOff, namesSoundingLikeText } from './names.js';
import { pinyinReadings } from './pinyin.js';
import { planQuery, queryParts } from './query.js';
import { before, passesFilters, rank, type RankedHit } from './rank.js';
import { fieldText, fieldTexts, type SearchIndex } from './search-index.js';
import { makeSnippet } from './snippet.js';
import type { QueryOptions, SearchField, SearchHit, SearchOptions, SearchResult } from './types.js';
import { parseDate, parseQuery, type ParsedQuery, type QueryPart, type QueryProblem } from './syntax.js';
import { englishMessage, searchMessage, type SearchMessage } from './messages.js';
import type { Segment } from './query.js';
import { EMPTY, FieldText, matchSegment, squeezedOf } from './verify.js';

export type { QueryOptions, SearchField, SearchHit, SearchOptions, SearchResult } from './types.js';

const SENTENCE_END = /[。！？；!?;\n]/;
const FALLBACK_POOL = 200;

// The entry point: plan the query, rank, fall back when nothing is found as typed, cut snippets.

/**
 * Searches an archive. Query words separated by spaces are segments (each a
 * phrase); Chinese is matched by bigrams with the phrase/typo/paraphrase rules
 * of quality.ts; a query made only of pinyin (qianwan gongcheng, Jinzhong) that finds
 * nothing as Latin words is read as the Chinese it most likely spells.
 */
export function searchArchive(archive: Archive, query: string, options: SearchOptions = {}): SearchHit[] {
  return searchWithIndex(archive, getSearchIndex(archive), query, options);
}

/**
 * `searchArchive` over a given index — for hosts that keep the index apart
 * and for the benchmark (which also runs the same engine over a word-segmented
 * index: pass the AnalyzeOptions the index was built with as `analyzer`).
 */
export function searchWithIndex(
  archive: Archive,
  index: SearchIndex,
  query: string,
  options: SearchOptions & { analyzer?: AnalyzeOptions } = {},
): SearchHit[] {
  const limit = options.limit ?? 20;
  const run = runSearch(archive, index, [{ text: query }], options, limit, [], false);
  return run.hits.slice(0, limit).map((hit) => toSearchHit(hit, run.segments));
}

/** Hits counted up to this many for `total`, and ranked before sorting by date: beyond it, the total is "at least". */
const COUNT_POOL = 1000;

/**
 * Searches with the query syntax (syntax.ts): quoted phrases, -exclusions, title:, paper:, kind:, date ranges,
 * OR, sort:. Says what was done: the total, a rewritten query, an impossible filter. Every host uses this.
 */
export function searchQuery(archive: Archive, text: string, options: QueryOptions = {}): SearchResult {
  return searchQueryWithIndex(archive, getSearchIndex(archive), text, options);
}

/**
 * `searchQuery` over a given index — for a host that holds the index apart from the articles (the server reads
 * articles from its database as a query needs them): `papers` lists the archive's papers for the paper filter's
 * check, since such an archive does not hold every article.
 */
export function searchQueryWithIndex(
  archive: Archive,
  index: SearchIndex,
  text: string,
  options: QueryOptions & { papers?: readonly string[] } = {},
): SearchResult {
  const checked = checkQuery(text, options);
  if ('error' in checked) return { hits: [], total: 0, totalAtLeast: false, error: checked.error, problem: checked.problem, notices: [], messages: [] };
  const { query: q, filters } = checked;
  const { papers: knownPapers } = options;
  const paperList = () => knownPapers ?? [...new Set(archive.articles.map((a) => a.paper).filter((p): p is string => !!p))];
  if (filters.paper && !paperList().includes(filters.paper)) {
    const papers = paperList();
    const message = searchMessage('no-such-paper', { paper: filters.paper, papers: papers.slice(0, 8), more: papers.length > 8 });
    return { hits: [], total: 0, totalAtLeast: false, notices: [englishMessage(message)], messages: [message] };
  }
  const notices: string[] = [];
  const messages: SearchMessage[] = [];
  const limit = options.limit ?? 20;
  const offset = options.offset ?? 0;
  const sort = options.sort ?? q.sort;
  const pool = Math.max(COUNT_POOL, offset + limit);
  const exclude = q.exclude.map((e) => squeezeText(e)).filter(Boolean);
  // Filters alone (paper:晋中日报, 2025-02..2025-03): what they let through, newest first. Only where the archive
  // holds every article (a host that passes `papers` reads articles as the index finds them).
  if (!q.alternatives.some((parts) => parts.length) && !knownPapers && (filters.paper || filters.kind || filters.from || filters.to || exclude.length)) {
    const listed = archive.articles.filter((a) => passesFilters(a, filters) && !(exclude.length && squeezedOf(a).some((f) => exclude.some((e) => f.includes(e)))));
    listed.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { hits: listed.slice(offset, offset + limit).map(listedHit), total: listed.length, totalAtLeast: false, notices, messages };
  }
  // Each alternative ranked alone; merged in the same order (tier, score, id), a hit keeping its best alternative.
  const best = new Map<string, { hit: RankedHit; segments: Segment[] }>();
  let rewritten: SearchResult['rewritten'];
  for (const parts of q.alternatives) {
    if (!parts.length) continue;
    const run = runSearch(archive, index, parts, filters, pool, exclude, options.asTyped ?? false);
    if (run.reading) rewritten = { query: run.reading, original: text, notice: `显示“${run.reading}”的结果；仍搜索“${text}”` };
    for (const hit of run.hits) {
      const seen = best.get(hit.article.id);
      if (!seen || before(hit, seen.hit)) best.set(hit.article.id, { hit, segments: run.segments });
    }
  }
  const all = [...best.values()].sort((a, b) => (before(a.hit, b.hit) ? -1 : before(b.hit, a.hit) ? 1 : 0));
  if (sort === 'date') all.sort((a, b) => (b.hit.article.date ?? '').localeCompare(a.hit.article.date ?? ''));
  return {
    hits: all.slice(offset, offset + limit).map((h) => toSearchHit(h.hit, h.segments)),
    total: all.length,
    totalAtLeast: all.length >= pool,
    ...(rewritten ? { rewritten } : {}),
    notices,
    messages,
  };
}

/**
 * A query read with its filters checked (the query's own paper:, kind: and dates over the options'), or the
 * problem with it — what searchQuery answers with before searching. A host that asks a server can word a
 * rejected query from this, as searchQuery's `problem` would be.
 */
export function checkQuery(text: string, options: QueryOptions = {}): { query: ParsedQuery; filters: SearchOptions } | QueryProblem {
  const parsed = parseQuery(text);
  if (!parsed.ok) return { error: parsed.error, problem: parsed.problem };
  const q = parsed.query;
  const { papers: _papers, ...rest } = options as QueryOptions & { papers?: unknown };
  const filters: SearchOptions = { ...rest, paper: q.paper ?? options.paper, kind: q.kind ?? options.kind, from: q.from ?? options.from, to: q.to ?? options.to };
  for (const key of ['from', 'to'] as const) {
    const value = filters[key];
    if (value === undefined) continue;
    const d = parseDate(value);
    if ('error' in d) return d;
    filters[key] = d.date;
  }
  return { query: q, filters };
}

/**
 * Ranks the parts (plain ones split at spaces, OCR spacing undone); when nothing is found as typed, tries the
 * readings a user may have meant (pinyin, a name that sounds the same or is one character off, names and words),
 * unless `asTyped`. `reading` is set when one was used.
 */
function runSearch(
  archive: Archive,
  index: SearchIndex,
  given: QueryPart[],
  options: SearchOptions & { analyzer?: AnalyzeOptions },
  limit: number,
  exclude: readonly string[],
  asTyped: boolean,
): { hits: RankedHit[]; segments: Segment[]; reading?: string } {
  // The lexicon hook: the whole-token terms the index was built with, unless the caller gives its own.
  const terms = options.terms ?? (index.wholeTerms.length ? index.wholeTerms : undefined);
  const analyze: AnalyzeOptions = { ...options.analyzer, ...(terms ? { terms } : {}) };
  const plain = given.every((p) => !p.exact && !p.title);
  const expanded: QueryPart[] = given.flatMap((p) => (p.exact || p.title ? [p] : queryParts(p.text).map((text) => ({ text }))));
  const parts = expanded.map((p) => p.text);
  let segments = planQuery(expanded, analyze, index);
  if (!segments.length) return { hits: [], segments };
  let hits = rank(archive, index, segments, options, limit, exclude);
  if (hits.length || !plain || asTyped) return { hits, segments };
  // Nothing as typed: the query may be pinyin, a name typed with a homophone (韦涛 for 韦韬), or a name with a
  // wrong character (常树铭 for 常书铭).
  const single = parts.length === 1 ? foldText(parts[0]!) : null; // 常 树 铭 too: one part
  const reading =
    bestReading(archive, index, pinyinReadings(index, parts)) ??
    (single ? (bestReading(archive, index, namesSoundingLikeText(index, single)) ?? namesOneCharacterOff(index, single)[0]) : undefined);
  if (reading) {
    const readingSegments = planQuery([reading], analyze, index);
    hits = rank(archive, index, readingSegments, options, limit, exclude);
    if (hits.length) return { hits, segments: readingSegments, reading };
  }
  if (parts.length === 1) {
    // Still nothing: read the query as names and words (晋中和太原一体化 → 晋中 太原 一体化), which a hit must then
    // hold exactly, all in one sentence — a paraphrase of what the archive says, not words that merely co-occur
    // (台风 in one paragraph and 登陆艇 in another is no answer to 台风登陆).
    const names = namesAndWords(index, foldText(parts[0]!));
    if (names.length && !dropsAStretch(foldText(parts[0]!), names)) {
      const partSegments = planQuery(names, analyze, index);
      // Filtered after ranking: rank as many as any limit up to FALLBACK_POOL would, so the first k never depend on the limit.
      // A sentence's squeezed text is a stretch of its field's (squeezing maps characters one by one), so a field
      // whose kept squeezed text lacks a part cannot have a sentence holding them all: only the others are split.
      // The field's printed text (the body joined from its paragraphs) is made only for a field that passes.
      const oneField = (kept: readonly string[]) => kept.some((field) => partSegments.every((s) => field.includes(s.phrase)));
      const all = rank(archive, index, partSegments, options, Math.max(FALLBACK_POOL, limit), exclude, oneField).filter((hit) => {
        const kept = squeezedOf(hit.article);
        return [0, 1, 2].some((f) => partSegments.every((s) => kept[f]!.includes(s.phrase)) && fieldText(hit.article, f).split(SENTENCE_END).some((sentence) => {
          const squeezed = squeezeText(sentence); // squeezing drops the punctuation that ends sentences: split first
          return partSegments.every((s) => squeezed.includes(s.phrase));
        }));
      });
      if (all.length) return { hits: all, segments: partSegments, reading: names.join(' ') };
    }
  }
  return { hits, segments };
}

const FIELD_NAMES: SearchField[] = ['title', 'subtitle', 'body'];

/** An article listed by the filters alone: its lead as the snippet, nothing matched or highlighted. */
function listedHit(article: Article): SearchHit {
  const { snippet } = makeSnippet(fieldTexts(article), [], []);
  return { id: article.id, title: article.title, paper: article.paper, date: article.date, score: 0, snippet, highlights: [], fields: [] };
}

function toSearchHit(hit: RankedHit, segments: Segment[]): SearchHit {
  // The snippet is cut from the body: locate each segment there, even where its best match was the title.
  const texts = fieldTexts(hit.article);
  const body = [EMPTY, EMPTY, new FieldText(texts[2], squeezedOf(hit.article)[2])];
  const bodyMatches = segments.map((s) => matchSegment(s, body));
  const { snippet, highlights } = makeSnippet(texts, bodyMatches, segments);
  // Where each part was found (its best field), and every other field holding a part as typed.
  const found = new Set(hit.matches.filter((m) => m.quality > 0 && m.field >= 0).map((m) => m.field));
  const squeezed = squeezedOf(hit.article);
  // The body's answer for a Chinese part is its match above (quality 1 exactly when its squeezed text holds the phrase).
  for (let f = 0; f < 3; f++) {
    if (segments.some((s, k) => s.phrase && (f === 2 && s.chinese ? bodyMatches[k]!.quality === 1 : squeezed[f]!.includes(s.phrase)))) found.add(f);
  }
  return {
    id: hit.article.id,
    title: hit.article.title,
    paper: hit.article.paper,
    date: hit.article.date,
    score: Math.round(hit.score * 1000) / 1000,
    snippet,
    highlights,
    fields: FIELD_NAMES.filter((_, f) => found.has(f)),
  };
}

/**
 * Whether reading `text` as `names` (names and words, in order) leaves out two or more characters in a row: one
 * (和 in 晋中和太原一体化) is a particle between words, more is a name of its own — an invented one, say (曜岚芯微 in
 * 曜岚芯微半导体有限公司), which a hit must hold: the reading is then no answer.
 */
function dropsAStretch(text: string, names: readonly string[]): boolean {
  let at = 0;
  for (const name of names) {
    const found = text.indexOf(name, at);
    if (found < 0) return true;
    if (found - at >= 2) return true;
    at = found + name.length;
  }
  return text.length - at >= 2;
}
