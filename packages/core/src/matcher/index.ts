import { Archive, loadArchive } from '../archive.js';
import type { Bundle } from '../bundle/format.js';
import { getLexicon } from '../lexicon/index.js';
import { matcherEntries } from '../lexicon/build.js';
import { compactText } from '../text/compact.js';
import { buildMatcherSection, loadMatcher } from './matcher.js';
import type { Matcher, MatcherSection, TermMatch } from './types.js';

export * from './types.js';
export { buildMatcher, buildMatcherSection, loadMatcher } from './matcher.js';

const cache = new WeakMap<Archive, Matcher>();

/** The section a host stores on its own (a content script loads it with `loadMatcher`): the bundle's, or built from its lexicon. */
export function matcherSectionOf(bundle: Bundle | Archive): MatcherSection {
  const archive = bundle instanceof Archive ? bundle : null;
  const raw = archive ? archive.bundle : bundle;
  const stored = (raw as Bundle).matcher as MatcherSection | undefined;
  if (stored && typeof stored === 'object' && stored.format === 'jianbao-matcher' && stored.version === 1) return stored;
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
 * Matches that may run across OCR line breaks and layout spaces (常书\n铭):
 * matches the whitespace-compacted text and maps the ranges back to the
 * original, so a range may contain the break. Use for drafts and OCR text;
 * `findAll` alone for text whose whitespace is meaningful.
 */
export function findAllAcrossBreaks(matcher: Matcher, text: string): TermMatch[] {
  const compact = compactText(text);
  if (compact.text.length === text.length) return matcher.findAll(text);
  return matcher.findAll(compact.text).map((m) => {
    const start = compact.offsets[m.start]!;
    const end = compact.offsets[m.end - 1]! + 1;
    return { ...m, start, end, text: text.slice(start, end) };
  });
}
