/**
 * The ONE adapter between the extension and core's feature modules (lexicon,
 * matcher, search, cross-referencing). Each function uses core's real export
 * when core has it; until that branch lands in main, a clearly marked
 * TEMPORARY FALLBACK keeps the extension working. Swapping to the real thing
 * needs no change here once core exports the agreed names; deleting the
 * fallbacks is then a one-file change.
 */
import * as core from '@jianbao/core';
import { articleBody, foldText, getLexicon, matcherSectionOf, searchArchive as coreSearchArchive, type Archive, type Article } from '@jianbao/core';
import type { Lexicon, Matcher, SearchHit, SearchOptions, XrefReport } from './archive-types.js';
import { loadMatcherSection } from './matcher.js';

interface CoreXrefApi {
  crossReference?: (archive: Archive, draft: string, options?: unknown) => XrefReport;
}
const real = core as unknown as CoreXrefApi;

/** Which parts run on core's implementation (shown in archive-info, asserted nowhere). */
export function implementationStatus(): Record<'lexicon' | 'matcher' | 'search' | 'xref', 'core' | 'fallback'> {
  return { lexicon: 'core', matcher: 'core', search: 'core', xref: real.crossReference ? 'core' : 'fallback' };
}

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

export function searchArchive(archive: Archive, query: string, options: SearchOptions = {}): SearchHit[] {
  return coreSearchArchive(archive, query, options);
}

export function crossReference(archive: Archive, draft: string): XrefReport {
  if (real.crossReference) return real.crossReference(archive, draft);
  return fallbackCrossReference(archive, draft);
}

// ---------------------------------------------------------------------------
// TEMPORARY FALLBACK — delete when core's xref lands.
// ---------------------------------------------------------------------------

function fallbackCrossReference(archive: Archive, draft: string): XrefReport {
  const reused: XrefReport['reused'] = [];
  const foldedDraft = foldText(draft);
  const bodies = archive.articles.map((a: Article) => ({ a, body: foldText(articleBody(a)) }));
  const sentence = /[^。！？!?\n]{12,}[。！？!?]?/g;
  for (let m = sentence.exec(foldedDraft); m; m = sentence.exec(foldedDraft)) {
    const text = m[0].trim();
    const start = m.index + m[0].indexOf(text);
    for (const { a, body } of bodies) {
      const at = body.indexOf(text);
      if (at === -1) continue;
      reused.push({ start, end: start + text.length, text: draft.slice(start, start + text.length), articleId: a.id, title: a.title, articleStart: at, articleEnd: at + text.length, similarity: 1, kind: 'verbatim' });
      break;
    }
  }
  const counts = new Map<string, number>();
  for (const r of reused) counts.set(r.articleId, (counts.get(r.articleId) ?? 0) + 1);
  const related = [...counts].sort((x, y) => y[1] - x[1]).map(([id, n]) => ({ id, title: archive.get(id)?.title ?? id, score: n, reasons: [`${n} shared passage(s)`] }));
  return { related, reused, conflicts: [] };
}
