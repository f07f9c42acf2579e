/**
 * The ONE adapter between the extension and core's feature modules (lexicon,
 * matcher, search, cross-referencing). Each function uses core's real export
 * when core has it; until that branch lands in main, a clearly marked
 * TEMPORARY FALLBACK keeps the extension working. Swapping to the real thing
 * needs no change here once core exports the agreed names; deleting the
 * fallbacks is then a one-file change.
 */
import * as core from '@jianbao/core';
import { articleBody, foldText, searchArchive as coreSearchArchive, type Archive, type Article, type Bundle } from '@jianbao/core';
import type { Lexicon, Matcher, SearchHit, SearchOptions, Term, TermKind, XrefReport } from './archive-types.js';
import type { FallbackMatcherSection } from './matcher.js';
import { loadMatcherSection } from './matcher.js';

interface CoreFeatureApi {
  getLexicon?: (archive: Archive) => Lexicon;
  getMatcher?: (archive: Archive) => Matcher;
  matcherSectionOf?: (bundle: Bundle) => unknown;
  crossReference?: (archive: Archive, draft: string, options?: unknown) => XrefReport;
}
const real = core as unknown as CoreFeatureApi;

/** Which parts run on core's implementation (shown in the options page, asserted nowhere). */
export function implementationStatus(): Record<'lexicon' | 'matcher' | 'search' | 'xref', 'core' | 'fallback'> {
  return {
    lexicon: real.getLexicon ? 'core' : 'fallback',
    matcher: real.matcherSectionOf ? 'core' : 'fallback',
    search: 'core',
    xref: real.crossReference ? 'core' : 'fallback',
  };
}

const lexicons = new WeakMap<Archive, Lexicon>();

export function lexiconOf(archive: Archive): Lexicon {
  let lexicon = lexicons.get(archive);
  if (!lexicon) {
    lexicon = real.getLexicon ? real.getLexicon(archive) : fallbackLexicon(archive);
    lexicons.set(archive, lexicon);
  }
  return lexicon;
}

/** The JSON section the background sends to content scripts (they build their matcher from it). */
export function matcherSection(archive: Archive): unknown {
  if (real.matcherSectionOf && real.getLexicon) return real.matcherSectionOf(archive.bundle);
  const section: FallbackMatcherSection = {
    fallback: true,
    terms: lexiconOf(archive).terms.map((t) => ({ id: t.id, kind: t.kind, names: [t.name, ...t.aliases] })),
  };
  return section;
}

export function matcherOf(archive: Archive): Matcher {
  if (real.getMatcher && real.getLexicon) return real.getMatcher(archive);
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
// TEMPORARY FALLBACKS — delete when core's lexicon and xref land.
// ---------------------------------------------------------------------------

/** A few terms of the seed archive, so marking and cards work before the lexicon lands. */
const FALLBACK_TERMS: { name: string; kind: TermKind; aliases?: string[]; roles?: string[] }[] = [
  { name: '常书铭', kind: 'person', roles: ['市委书记'] },
  { name: '段尚春', kind: 'person', roles: ['市人大代表', '祁县第六中学副校长'] },
  { name: '晋中', kind: 'place' },
  { name: '祁县', kind: 'place' },
  { name: '榆次区', kind: 'place' },
  { name: '灵石县', kind: 'place' },
  { name: '平遥县', kind: 'place' },
  { name: '左权县', kind: 'place' },
  { name: '太谷区', kind: 'place' },
  { name: '市人大常委会', kind: 'organisation' },
  { name: '新质生产力', kind: 'policy' },
  { name: '高质量发展', kind: 'policy' },
];

function fallbackLexicon(archive: Archive): Lexicon {
  const terms: Term[] = FALLBACK_TERMS.map((t, i) => {
    const mentions: Term['mentions'] = [];
    for (const a of archive.articles) {
      const body = foldText(articleBody(a));
      const at = body.indexOf(foldText(t.name));
      if (at !== -1) mentions.push({ articleId: a.id, start: at, end: at + t.name.length });
    }
    const first = mentions[0] ? archive.get(mentions[0].articleId) : undefined;
    return {
      id: `t${i}`,
      name: t.name,
      kind: t.kind,
      aliases: t.aliases ?? [],
      roles: (t.roles ?? []).map((title) => ({ title, articleId: first?.id ?? '', date: first?.date ?? null })),
      mentions,
    };
  }).filter((t) => t.mentions.length > 0);
  const byId = new Map(terms.map((t) => [t.id, t]));
  return { terms, get: (id) => byId.get(id) };
}

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
