/**
 * The one adapter between the extension and core's feature modules (lexicon,
 * matcher, search, cross-referencing): every page of the extension reaches
 * core's features through here, so a change of core's API is a one-file change.
 */
import { crossReference as coreCrossReference, getLexicon, loadSearchIndex, matcherSectionOf, prepareCrossReference, searchArchive as coreSearchArchive, type Archive } from '@jianbao/core';
import type { Lexicon, Matcher, SearchHit, SearchOptions, XrefReport } from './archive-types.js';
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
