/**
 * The matcher as the content script sees it: loaded from the JSON section the
 * background sends (core's `matcherSectionOf`), so the content script never
 * holds the archive, its index or its articles.
 */
import { findAllAcrossBreaks, loadMatcher, loadMatcherAsync, type Matcher as CoreMatcher } from '@jianbao/core';
import type { Matcher } from './archive-types.js';

/**
 * Page text often carries source line breaks inside a word (CMS output wrapped
 * at 80 columns: 常书\n铭); core's `findAllAcrossBreaks` matches across them and
 * maps the ranges back to the text as given. It costs about 3× a plain
 * `findAll` (measured in Node 20: 5 M characters of xwlb broken every 23
 * characters, 263 ms vs 82 ms), so it is used only for text that has a line
 * break or tab.
 */
export function loadMatcherSection(section: unknown): Matcher {
  return acrossBreaks(loadMatcher(section));
}

/** The same, loaded in slices: a large archive's matcher takes ~100 ms to load, which the page should not feel. */
export async function loadMatcherSectionAsync(section: unknown): Promise<Matcher> {
  return acrossBreaks(await loadMatcherAsync(section));
}

function acrossBreaks(matcher: CoreMatcher): Matcher {
  return { findAll: (text) => (/[\n\r\t]/.test(text) ? findAllAcrossBreaks(matcher, text) : matcher.findAll(text)) };
}
