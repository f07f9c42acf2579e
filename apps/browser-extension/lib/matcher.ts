/**
 * The matcher as the content script sees it: loaded from the JSON section the
 * background sends (core's `matcherSectionOf`), so the content script never
 * holds the archive, its index or its articles.
 */
import { findAllAcrossBreaks, loadMatcher } from '@jianbao/core';
import type { Matcher } from './archive-types.js';

/**
 * Page text often carries source line breaks and layout spaces inside a word
 * (CMS output wrapped at 80 columns: 常书\n铭); core's `findAllAcrossBreaks`
 * matches across them and maps the ranges back to the text as given.
 */
export function loadMatcherSection(section: unknown): Matcher {
  const matcher = loadMatcher(section);
  return { findAll: (text) => findAllAcrossBreaks(matcher, text) };
}
