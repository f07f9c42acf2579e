import { Archive, loadArchive } from '../archive.js';
import type { Bundle } from '../bundle/format.js';
import { getLexicon } from '../lexicon/index.js';
import { matcherEntries } from '../lexicon/build.js';
import { buildMatcherSection, loadMatcher, loadMatcherAsync } from './matcher.js';
import { MATCHER_SECTION_VERSION, type Matcher, type MatcherSection, type TermMatch } from './types.js';
// The same whitespace rule as compactText, so both agree on what a name split across lines is.
import { isTight, isWhitespace as isSpace } from '../text/compact.js';

export * from './types.js';
export { buildMatcher, buildMatcherSection, loadMatcher, loadMatcherAsync } from './matcher.js';
/** The scan's start test on its own, for the matcher benchmark's bounds (benchmarks/src/suites/matcher.ts). */
export { filterChunk, CANDIDATES_AT, FILTER_CHUNK } from './start-filter.js';

const cache = new WeakMap<Archive, Matcher>();

/** The section a host stores on its own (a content script loads it with `loadMatcher`): the bundle's, or built from its lexicon. */
export function matcherSectionOf(bundle: Bundle | Archive): MatcherSection {
  const archive = bundle instanceof Archive ? bundle : null;
  const raw = archive ? archive.bundle : bundle;
  const stored = (raw as Bundle).matcher as MatcherSection | undefined;
  // An older section (folded differently) or a foreign one is rebuilt from the lexicon.
  if (stored && typeof stored === 'object' && stored.format === 'jianbao-matcher' && stored.version === MATCHER_SECTION_VERSION) return stored;
  return buildMatcherSection(matcherEntries(getLexicon(archive ?? loadArchive(raw)).terms));
}

/** The archive's matcher: loaded from the bundle's `matcher` section, or built from its lexicon. */
export function getMatcher(archive: Archive): Matcher {
  let matcher = cache.get(archive);
  if (!matcher) {
    try {
      matcher = loadMatcher(matcherSectionOf(archive));
    } catch {
      // A damaged stored section: rebuild from the lexicon rather than lose marking.
      matcher = loadMatcher(buildMatcherSection(matcherEntries(getLexicon(archive).terms)));
    }
    cache.set(archive, matcher);
  }
  return matcher;
}

/**
 * Loads the archive's matcher in slices (see loadMatcherAsync) and keeps it for
 * getMatcher; hosts call it when an archive loads. A damaged stored section is
 * rebuilt, as getMatcher does.
 */
export async function prepareMatcher(archive: Archive): Promise<Matcher> {
  const ready = cache.get(archive);
  if (ready) return ready;
  let matcher: Matcher;
  try {
    matcher = await loadMatcherAsync(matcherSectionOf(archive));
  } catch {
    matcher = loadMatcher(buildMatcherSection(matcherEntries(getLexicon(archive).terms)));
  }
  const raced = cache.get(archive); // getMatcher may have built it meanwhile
  if (raced) return raced;
  cache.set(archive, matcher);
  return matcher;
}

/**
 * Matches that may run across OCR line breaks and layout spaces (常书\n铭):
 * matches the whitespace-compacted text and maps the ranges back to the
 * original, so a range may contain the break. Use for drafts and OCR text;
 * `findAll` alone for text whose whitespace is meaningful.
 */
export function findAllAcrossBreaks(matcher: Matcher, text: string): TermMatch[] {
  // The same rule as compactText, but built from slices between the removed runs
  // (compactText appends char by char and allocates an offset per character: ~13× a findAll).
  const parts: string[] = [];
  const cuts: number[] = []; // compact offset where a run was removed, and the input offset it resumes at
  let from = 0;
  let removed = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isSpace(text.charCodeAt(i))) continue;
    let j = i;
    while (j < text.length && isSpace(text.charCodeAt(j))) j++;
    if (i > 0 && j < text.length && isTight(text.charCodeAt(i - 1)) && isTight(text.charCodeAt(j))) {
      parts.push(text.slice(from, i));
      cuts.push(i - removed, j);
      removed += j - i;
      from = j;
    }
    i = j - 1;
  }
  if (!cuts.length) return matcher.findAll(text);
  parts.push(text.slice(from));
  const found = matcher.findAll(parts.join(''));
  // Compact offset k maps to k + (characters removed before it); matches come in order, so one walk over the cuts.
  let c = 0;
  let shift = 0;
  const at = (k: number) => {
    while (c < cuts.length && cuts[c]! <= k) {
      shift = cuts[c + 1]! - cuts[c]!;
      c += 2;
    }
    return k + shift;
  };
  return found.map((m) => {
    const start = at(m.start);
    const end = at(m.end - 1) + 1;
    return { ...m, start, end, text: text.slice(start, end) };
  });
}

