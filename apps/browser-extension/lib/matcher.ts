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
  return {
    findAll: (text) => withoutPapersPlaces(text, /[\n\r\t]/.test(text) ? findAllAcrossBreaks(matcher, text) : matcher.findAll(text)),
  };
}

/**
 * A place that begins a paper's or a broadcaster's name (太原日报, 山西晚报, 晋中新闻网) is part of that name, not
 * the place: a page's masthead, its nav of sister papers and every "据太原日报报道" would otherwise mark the city.
 * Names the lexicon holds whole (太原日报 as an organisation) already match whole; this covers those it lacks.
 */
const MEDIA_SUFFIX = /^(?:日报|晚报|晨报|早报|都市报|商报|时报|周报|法制报|新闻网|广播电视台|电视台|广播电台|报社|报业|融媒体中心)/;
export function withoutPapersPlaces<M extends { kind: string; end: number }>(text: string, matches: M[]): M[] {
  return matches.filter((m) => m.kind !== 'place' || !MEDIA_SUFFIX.test(text.slice(m.end, m.end + 6)));
}
