/**
 * The matcher as the content script sees it: built from a JSON section the
 * background sends (the content script never holds the archive).
 *
 * Uses core's `loadMatcher` when core exports it. TEMPORARY FALLBACK (until the
 * lexicon/matcher branch lands in main): a naive matcher over the names and
 * aliases in the section, comparing folded text (core's foldText is
 * length-preserving, so offsets stay valid).
 */
import * as core from '@jianbao/core';
import type { Matcher, TermKind, TermMatch } from './archive-types.js';

/** The section shape the temporary fallback produces and reads. */
export interface FallbackMatcherSection {
  fallback: true;
  terms: { id: string; kind: TermKind; names: string[] }[];
}

type CoreMatcherApi = { loadMatcher?: (section: unknown) => Matcher };

export function loadMatcherSection(section: unknown): Matcher {
  const real = (core as unknown as CoreMatcherApi).loadMatcher;
  if (isFallbackSection(section) || !real) return naiveMatcher(section as FallbackMatcherSection);
  return real(section);
}

function isFallbackSection(section: unknown): section is FallbackMatcherSection {
  return typeof section === 'object' && section !== null && (section as { fallback?: unknown }).fallback === true;
}

/** TEMPORARY FALLBACK: leftmost-longest matching of each name, no overlaps. */
export function naiveMatcher(section: FallbackMatcherSection): Matcher {
  const names = section.terms
    .flatMap((t) => t.names.map((n) => ({ name: core.foldText(n), termId: t.id, kind: t.kind })))
    .filter((n) => n.name.length > 0)
    .sort((a, b) => b.name.length - a.name.length);
  return {
    findAll(text: string): TermMatch[] {
      const folded = core.foldText(text);
      const found: TermMatch[] = [];
      for (const n of names) {
        for (let i = folded.indexOf(n.name); i !== -1; i = folded.indexOf(n.name, i + n.name.length)) {
          found.push({ start: i, end: i + n.name.length, text: text.slice(i, i + n.name.length), termId: n.termId, kind: n.kind });
        }
      }
      found.sort((a, b) => a.start - b.start || b.end - a.end);
      const out: TermMatch[] = [];
      let until = 0;
      for (const m of found) if (m.start >= until) (out.push(m), (until = m.end));
      return out;
    },
  };
}
