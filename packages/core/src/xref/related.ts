import type { Archive } from '../archive.js';
import { getLexicon, type Term } from '../lexicon/index.js';
import type { TermMatch } from '../matcher/index.js';
import { searchArchive } from '../search/index.js';
import type { Conflict } from './conflicts.js';
import type { MatchText } from './normalize.js';
import type { ReuseResult } from './reuse.js';

export interface RelatedArticle {
  id: string;
  title: string;
  score: number;
  reasons: string[];
}

/**
 * Articles an editor would want to open, best first: those the draft reuses,
 * those it contradicts, then those sharing many rare fingerprints (the same
 * event told in other words).
 */
/** The draft's headline: its first Markdown heading, or a short first line. */
export function draftHeadline(raw: string): string | null {
  const heading = /^#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(raw.slice(0, 4000));
  if (heading) return heading[1]!.trim();
  const first = raw.slice(0, 400).split('\n').map((l) => l.trim()).find(Boolean);
  return first && first.length <= 40 && !/[。！？]$/.test(first) ? first : null;
}

export function rankRelated(
  archive: Archive,
  raw: string,
  draft: MatchText,
  reuse: ReuseResult,
  conflicts: Conflict[],
  terms: readonly TermMatch[],
  limit: number,
  search = false,
): RelatedArticle[] {
  const acc = new Map<string, { score: number; reasons: string[] }>();
  const entry = (id: string) => {
    let e = acc.get(id);
    if (!e) acc.set(id, (e = { score: 0, reasons: [] }));
    return e;
  };
  const reusedChars = new Map<string, { n: number; chars: number }>();
  for (const r of reuse.reused) {
    const e = reusedChars.get(r.articleId) ?? { n: 0, chars: 0 };
    e.n++;
    e.chars += r.end - r.start;
    reusedChars.set(r.articleId, e);
  }
  for (const [id, { n, chars }] of reusedChars) {
    const e = entry(id);
    e.score += 10 + chars / 10;
    e.reasons.push(`shared passages: ${n} (${chars} characters)`);
  }
  for (const c of conflicts) {
    if (!c.articleId) continue;
    const e = entry(c.articleId);
    e.score += 5;
    e.reasons.push(`${c.kind === 'title' ? 'title' : 'number'} differs: ${c.text} → ${c.expected}`);
  }
  // Shared rare fingerprints relative to the draft's size: the same event in other words.
  const scale = Math.max(8, draft.length / 12);
  for (const c of reuse.candidates.values()) {
    const strength = c.hits / scale;
    if (c.hits < 3 || strength < 0.1) continue;
    const article = archive.articles[c.doc]!;
    const e = entry(article.id);
    e.score += Math.min(5, strength * 5);
    e.reasons.push(`shared rare phrases: ${c.hits}`);
  }
  // Named terms (people, places, organisations, policies) the draft shares with an article, rarer ones weighing more.
  for (const [id, shared] of sharedTerms(archive, terms)) {
    // Two shared terms, or one rare one (a person in a handful of articles).
    if (shared.names.length < 2 && shared.weight < 0.5 && !acc.has(id)) continue;
    const e = entry(id);
    e.score += Math.min(4, shared.weight * 2);
    e.reasons.push(`shared terms: ${shared.names.slice(0, 6).join('、')}`);
  }
  // The headline searched in the archive: coverage of the same subject in other words.
  const headline = search ? draftHeadline(raw) : null;
  if (headline) {
    for (const hit of searchArchive(archive, headline, { limit: 5 })) {
      if (hit.score <= 0) continue;
      const e = entry(hit.id);
      e.score += Math.min(3, hit.score / 5);
      e.reasons.push(`headline search “${headline}”: ${hit.score.toFixed(1)}`);
    }
  }
  return [...acc]
    .map(([id, e]) => ({ id, title: archive.get(id)?.title ?? id, score: Math.round(e.score * 100) / 100, reasons: e.reasons }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .slice(0, limit);
}

const articlesOf = new WeakMap<Term, string[]>();

/** Articles sharing the draft's named terms: article id → the terms' names and a rarity weight. */
function sharedTerms(archive: Archive, matches: readonly TermMatch[]): Map<string, { names: string[]; weight: number }> {
  const out = new Map<string, { names: string[]; weight: number }>();
  const lexicon = getLexicon(archive);
  if (!lexicon.terms.length) return out;
  // A term in more than this many articles (晋中市 in a paper from 晋中) says nothing about relatedness.
  const tooCommon = Math.max(20, archive.articles.length * 0.02);
  const seen = new Set<string>();
  for (const match of matches) {
    if (seen.has(match.termId)) continue;
    seen.add(match.termId);
    const term = lexicon.get(match.termId);
    if (!term) continue;
    let ids = articlesOf.get(term);
    if (!ids) articlesOf.set(term, (ids = [...new Set(term.mentions.map((m) => m.articleId))]));
    if (ids.length > tooCommon) continue;
    const weight = 1 / Math.log2(2 + ids.length);
    for (const id of ids) {
      const e = out.get(id) ?? { names: [], weight: 0 };
      e.names.push(term.name);
      e.weight += weight;
      out.set(id, e);
    }
  }
  return out;
}
