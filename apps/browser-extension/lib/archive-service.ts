/**
 * The one adapter between the extension and core's feature modules (lexicon,
 * matcher, search, cross-referencing): every page of the extension reaches
 * core's features through here, so a change of core's API is a one-file change.
 */
import { crossReference as coreCrossReference, getLexicon, loadSearchIndex, matcherSectionOf, prepareCrossReference, searchArchive as coreSearchArchive, searchQuery, type Archive } from '@jianbao/core';
import type { Lexicon, Matcher, QueryOptions, SearchHit, SearchOptions, SearchResult, XrefReport } from './archive-types.js';
import { loadMatcherSection } from './matcher.js';

export function lexiconOf(archive: Archive): Lexicon {
  return getLexicon(archive);
}

/** The JSON section the background sends to content scripts (they build their matcher from it). */
export function matcherSection(archive: Archive): unknown {
  return matcherSectionOf(archive);
}

/** The matcher exactly as content scripts run it (across line breaks), for the background and tests. */
export function matcherOf(archive: Archive): Matcher {
  return loadMatcherSection(matcherSection(archive));
}

/** Loads (or rebuilds) the archive's search index in slices; searches then use it. */
export async function prepareSearchIndex(archive: Archive): Promise<void> {
  await loadSearchIndex(archive);
}

export function searchArchive(archive: Archive, query: string, options: SearchOptions = {}): SearchHit[] {
  return coreSearchArchive(archive, query, options);
}

/** A query in core's query syntax ("exact", -exclude, title:, paper:, kind:, date ranges, OR, sort:date): hits, total, rewrite notice. */
export function queryArchive(archive: Archive, text: string, options: QueryOptions = {}): SearchResult {
  return searchQuery(archive, text, options);
}

/** What the search page's filters offer: the archive's papers and kinds (most articles first), and its date span. */
export function searchFacets(archive: Archive): SearchFacets {
  const papers = new Map<string, number>();
  const kinds = new Map<string, number>();
  let first: string | null = null;
  let last: string | null = null;
  for (const a of archive.articles) {
    if (a.paper) papers.set(a.paper, (papers.get(a.paper) ?? 0) + 1);
    kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1);
    if (a.date) {
      if (!first || a.date < first) first = a.date;
      if (!last || a.date > last) last = a.date;
    }
  }
  const byCount = (m: Map<string, number>) => [...m].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([name]) => name);
  return { papers: byCount(papers), kinds: byCount(kinds), first, last };
}

export interface SearchFacets {
  papers: string[];
  kinds: string[];
  /** The earliest and latest dates in the archive (ISO), when any article is dated. */
  first: string | null;
  last: string | null;
}

/** Web page and article text is plain text: Markdown syntax is not stripped. */
export function crossReference(archive: Archive, text: string): XrefReport {
  return coreCrossReference(archive, text, { markdown: false });
}

/**
 * The same, after building the archive's cross-reference index in slices
 * (core's prepareCrossReference): a large imported archive then does not stall
 * the background's other messages for seconds on its first check.
 */
export async function crossReferenceWhenReady(archive: Archive, text: string): Promise<XrefReport> {
  await prepareCrossReference(archive);
  return crossReference(archive, text);
}
