import type { Archive } from '../archive.js';
import { runStepsInSlices } from '../host.js';
import { getLexicon, type Term } from '../lexicon/index.js';
import type { TermMatch } from '../matcher/index.js';
import { searchArchive } from '../search/index.js';
import type { Conflict } from './conflicts.js';
import type { PreparedDraft } from './prepared-draft.js';
import type { ReuseResult } from './reuse.js';

export interface RelatedArticle {
  id: string;
  title: string;
  score: number;
  /** The reasons as English phrases (kept for the --json shape; hosts word `why` in their UI language). */
  reasons: string[];
  /** The reasons as data, in the same order as `reasons`. */
  why: RelatedReason[];
}

/** Why an article is related, as data: hosts word it in their UI language. */
export type RelatedReason =
  /** The draft reuses passages of the article. */
  | { kind: 'reused'; passages: number; characters: number }
  /** A title or number of the draft contradicts the article. */
  | { kind: 'conflict'; conflict: 'title' | 'number'; text: string; expected: string }
  /** The article shares this many rare fingerprints with the draft: the same event told in other words. */
  | { kind: 'shared-phrases'; count: number }
  /** People, places, organisations and policies both name (up to six). */
  | { kind: 'shared-terms'; terms: string[] }
  /** The draft's headline, searched in the archive, finds the article with this score. */
  | { kind: 'headline-search'; headline: string; score: number };

/** The English phrase of a reason (what `reasons` holds). */
export function reasonText(r: RelatedReason): string {
  switch (r.kind) {
    case 'reused': return `shared passages: ${r.passages} (${r.characters} characters)`;
    case 'conflict': return `${r.conflict} differs: ${r.text} → ${r.expected}`;
    case 'shared-phrases': return `shared rare phrases: ${r.count}`;
    case 'shared-terms': return `shared terms: ${r.terms.join('、')}`;
    case 'headline-search': return `headline search “${r.headline}”: ${r.score.toFixed(1)}`;
  }
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

export function rankRelated(archive: Archive, prepared: PreparedDraft, reuse: ReuseResult, conflicts: Conflict[], limit: number, search = false): RelatedArticle[] {
  const { raw, match: draft, terms } = prepared;
  // A reason may be a function: built only for the articles returned.
  const acc = new Map<string, { score: number; reasons: (RelatedReason | (() => RelatedReason))[] }>();
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
    e.reasons.push({ kind: 'reused', passages: n, characters: chars });
  }
  for (const c of conflicts) {
    if (!c.articleId) continue;
    const e = entry(c.articleId);
    e.score += 5;
    e.reasons.push({ kind: 'conflict', conflict: c.kind === 'title' ? 'title' : 'number', text: c.text, expected: c.expected });
  }
  // Shared rare fingerprints relative to the draft's size: the same event in other words.
  const scale = Math.max(8, draft.length / 12);
  for (const c of reuse.candidates.values()) {
    const strength = c.hits / scale;
    if (c.hits < 3 || strength < 0.1) continue;
    const article = archive.articles[c.doc]!;
    const e = entry(article.id);
    e.score += Math.min(5, strength * 5);
    e.reasons.push({ kind: 'shared-phrases', count: c.hits });
  }
  // Named terms (people, places, organisations, policies) the draft shares with an article, rarer ones weighing more.
  const shared = sharedTerms(archive, terms);
  for (const d of shared.touched) {
    const count = shared.count[d]!;
    const weight = shared.weight[d]!;
    const id = shared.ids[d]!;
    // Two shared terms, or one rare one (a person in a handful of articles).
    if (count < 2 && weight < 0.5 && !acc.has(id)) continue;
    const e = entry(id);
    e.score += Math.min(4, weight * 2);
    e.reasons.push(() => ({ kind: 'shared-terms', terms: shared.names(id).slice(0, 6) }));
  }
  // The headline searched in the archive: coverage of the same subject in other words.
  const headline = search ? draftHeadline(raw) : null;
  if (headline) {
    for (const hit of searchArchive(archive, headline, { limit: 5 })) {
      if (hit.score <= 0) continue;
      const e = entry(hit.id);
      e.score += Math.min(3, hit.score / 5);
      e.reasons.push({ kind: 'headline-search', headline, score: Math.round(hit.score * 10) / 10 });
    }
  }
  // Rounded scores ranked first (higher, then the smaller id), the best `limit` picked in one pass, titles looked up
  // for those only: shared terms alone can put thousands of articles here, and sorting them all cost more than the rest.
  const best: { id: string; score: number; reasons: (RelatedReason | (() => RelatedReason))[] }[] = [];
  const before = (score: number, id: string, other: { id: string; score: number }) => score > other.score || (score === other.score && id < other.id);
  if (limit > 0) {
    for (const [id, e] of acc) {
      const score = Math.round(e.score * 100) / 100;
      if (best.length === limit && !before(score, id, best[limit - 1]!)) continue;
      let at = best.length < limit ? best.length : limit - 1;
      while (at > 0 && before(score, id, best[at - 1]!)) at--;
      if (best.length === limit) best.pop();
      best.splice(at, 0, { id, score, reasons: e.reasons });
    }
  }
  return best
    .map(({ id, score, reasons }) => {
      const why = reasons.map((r) => (typeof r === 'function' ? r() : r));
      return { id, title: archive.get(id)?.title ?? id, score, reasons: why.map(reasonText), why };
    });
}

/** Article ids as dense numbers (mentions of ids the archive lacks get numbers past its articles), per archive. */
interface DocNumbers {
  ofId: Map<string, number>;
  ids: string[];
}
const docNumbers = new WeakMap<Archive, DocNumbers>();

function numbersOf(archive: Archive): DocNumbers {
  let n = docNumbers.get(archive);
  if (!n) {
    const ids = archive.articles.map((a) => a.id);
    docNumbers.set(archive, (n = { ofId: new Map(ids.map((id, i) => [id, i])), ids }));
  }
  return n;
}

/** A term's distinct articles (first-mention order), as dense numbers: built once per term, not per draft. */
const articlesOf = new WeakMap<Term, Uint32Array>();

function termArticles(numbers: DocNumbers, term: Term): Uint32Array {
  let docs = articlesOf.get(term);
  if (!docs) {
    const ids = [...new Set(term.mentions.map((m) => m.articleId))];
    docs = new Uint32Array(ids.length);
    ids.forEach((id, i) => {
      let d = numbers.ofId.get(id);
      if (d === undefined) {
        d = numbers.ids.length;
        numbers.ofId.set(id, d);
        numbers.ids.push(id);
      }
      docs![i] = d;
    });
    articlesOf.set(term, docs);
  }
  return docs;
}

/** Terms between yields when preparing. */
const TERMS_PER_STEP = 512;

/**
 * Every term's articles, made ahead with the other per-archive tables (prepareCrossReference) rather than by the
 * first checks that meet the term: a first check of a 5,000-character xwlb draft met ~hundreds of terms, some in
 * thousands of articles. 18,000 terms on xwlb: ~0.2 million (term, article) pairs, under 1 MB.
 */
export function prepareRelated(archive: Archive): Promise<void> {
  const lexicon = getLexicon(archive);
  const numbers = numbersOf(archive);
  return runStepsInSlices(
    (function* () {
      for (let i = 0; i < lexicon.terms.length; i++) {
        termArticles(numbers, lexicon.terms[i]!);
        if (i % TERMS_PER_STEP === TERMS_PER_STEP - 1) yield;
      }
    })(),
  );
}

interface SharedTerms {
  /** Articles (dense numbers, first-touch order) sharing at least one of the draft's (not too common) terms; by number, how many and their summed rarity weight, and the article's id. */
  touched: readonly number[];
  count: Uint32Array;
  weight: Float64Array;
  ids: readonly string[];
  /** The shared terms' names for one article, in the draft's order (built only for the articles an editor sees). */
  names(id: string): string[];
}

/**
 * Articles sharing the draft's named terms: article id → the number of shared
 * terms and a rarity weight. Sums go into typed arrays by article number: a
 * Map entry and a names list per article cost several milliseconds per draft,
 * as a draft's terms reach thousands of articles.
 */
function sharedTerms(archive: Archive, matches: readonly TermMatch[]): SharedTerms {
  const lexicon = getLexicon(archive);
  const empty: SharedTerms = { touched: [], count: new Uint32Array(0), weight: new Float64Array(0), ids: [], names: () => [] };
  if (!lexicon.terms.length) return empty;
  const numbers = numbersOf(archive);
  // A term in more than this many articles (晋中市 in a paper from 晋中) says nothing about relatedness.
  const tooCommon = Math.max(20, archive.articles.length * 0.02);
  const seen = new Set<string>();
  const used: { name: string; docs: Uint32Array }[] = [];
  for (const match of matches) {
    if (seen.has(match.termId)) continue;
    seen.add(match.termId);
    const term = lexicon.get(match.termId);
    if (!term) continue;
    const docs = termArticles(numbers, term);
    if (docs.length > tooCommon) continue;
    used.push({ name: term.name, docs });
  }
  if (!used.length) return empty;
  const size = numbers.ids.length;
  const weight = new Float64Array(size);
  const count = new Uint32Array(size);
  const touched: number[] = [];
  for (const { docs } of used) {
    const w = 1 / Math.log2(2 + docs.length);
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i]!;
      const c = count[d]!;
      if (c === 0) touched.push(d);
      count[d] = c + 1;
      weight[d] = weight[d]! + w;
    }
  }
  return {
    touched, count, weight, ids: numbers.ids,
    names: (id) => {
      const d = numbers.ofId.get(id);
      return d === undefined ? [] : used.filter((u) => u.docs.includes(d)).map((u) => u.name);
    },
  };
}
