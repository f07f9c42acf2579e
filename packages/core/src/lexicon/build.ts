import { articleBody, type Article } from '../article.js';
import { fnv1a } from '../id.js';
import { buildMatcher } from '../matcher/matcher.js';
import type { MatcherEntry } from '../matcher/types.js';
import { compactText } from '../text/compact.js';
import { foldText } from '../text/fold.js';
import type { LexiconEdit } from './edits.js';
import {
  extractAdministrative, extractBySuffix, extractBylines, extractGeneric, extractLocalities, extractNewspapers, extractPolicies,
  extractTitledPeople, homeProvinces, quotedSpans, type ArticleContext, type Candidate,
} from './extract.js';
import { gazetteer, paperPlace } from './gazetteer.js';
import { TERM_KINDS, type Term, type TermKind, type TermMention, type TermRole } from './types.js';
import { GENERIC_BODIES, GENERIC_LEVELS } from './words.js';

export interface BuildLexiconOptions {
  edits?: readonly LexiconEdit[];
  /** Edits naming terms the archive does not have (line + message), for the CLI to print. */
  onWarning?: (message: string) => void;
}

interface Pooled {
  kind: TermKind;
  name: string;
  aliases: Set<string>;
  roles: TermRole[];
  generic: TermMention[];
  fromEdit: boolean;
}

/** The city and province whose generic bodies (市委, 省委) an article means: its paper's. */
export function articleContext(article: Pick<Article, 'paper'>): ArticleContext {
  const place = paperPlace(article.paper);
  if (!place) return { city: null, province: null };
  const province = place.level === 'province' ? place : place.province ? gazetteer().get(place.province) ?? null : null;
  return { city: place.level === 'city' ? place : null, province };
}

/** Bare generic forms are never terms and never surface forms: 市委 means a different body in each paper. */
export function isGenericForm(form: string): boolean {
  const f = foldText(form);
  return (GENERIC_LEVELS as readonly string[]).includes(f[0]!) && GENERIC_BODIES.includes(f.slice(1));
}

const ID_PREFIX: Record<TermKind, string> = { person: 'per', place: 'pla', organisation: 'org', policy: 'pol' };

/** Stable across rebuilds: the same kind and canonical name give the same id. */
export const termId = (kind: TermKind, name: string) => `${ID_PREFIX[kind]}-${fnv1a(`${kind}:${name}`).toString(16).padStart(8, '0')}`;

/** What extraction needs to know about the whole archive. */
interface ArchiveStats {
  known: ReadonlySet<string>;
  home: ReadonlySet<string>;
  repeatedQuotes: ReadonlySet<string>;
}

const rawText = (article: Article) => {
  const body = articleBody(article);
  const head = [article.title, article.subtitle, article.byline].filter(Boolean).join('\n');
  return { text: head ? `${head}\n${body}` : body, bodyOffset: head ? head.length + 1 : 0 };
};

/**
 * Candidates from one article. Rules run on the whitespace-compacted text (OCR
 * puts spaces inside names: 丁 洁); bylines on the raw text, where spaces
 * separate names. Generic resolutions are mapped back to body offsets.
 */
function extractArticle(article: Article, stats: ArchiveStats): Candidate[] {
  const { text: raw, bodyOffset } = rawText(article);
  const { text, offsets } = compactText(raw);
  const ctx = { ...articleContext(article), homeProvinces: stats.home };
  const { candidates: admin, covered } = extractAdministrative(text, ctx);
  const generic = extractGeneric(text, ctx, covered).map((c) => {
    if (!c.at) return c;
    const start = offsets[c.at.start]! - bodyOffset;
    const end = offsets[c.at.end - 1]! + 1 - bodyOffset;
    return { ...c, at: start >= 0 ? { start, end } : undefined };
  });
  return [
    ...extractTitledPeople(text, ctx, stats.known),
    ...extractBylines(raw),
    ...admin,
    ...generic,
    ...extractBySuffix(text, ctx, covered),
    ...extractLocalities(text, covered),
    ...extractNewspapers(text),
    ...extractPolicies(text, stats.repeatedQuotes),
  ];
}

function archiveStats(articles: readonly Article[]): ArchiveStats {
  const texts = articles.map((a) => compactText(rawText(a).text).text);
  // Quoted on two or more pages (not merely twice in one story, which a page split into articles would double).
  const quotePages = new Map<string, Set<string>>();
  texts.forEach((t, i) => {
    for (const q of quotedSpans(t)) quotePages.set(q, (quotePages.get(q) ?? new Set()).add(articles[i]!.page));
  });
  const repeatedQuotes = new Set([...quotePages].filter(([, pages]) => pages.size >= 2).map(([q]) => q));
  const stats: ArchiveStats = { known: new Set(), home: homeProvinces(texts), repeatedQuotes };
  // Pass 1 finds names whose end the text shows; pass 2 also accepts those names where the end is unclear (段尚春印象深刻).
  const known = new Set<string>();
  for (const a of articles) for (const c of extractArticle(a, stats)) if (c.kind === 'person') known.add(c.name);
  return { ...stats, known };
}

/** Builds the lexicon of an archive: extraction over every article, pooling, user edits, then mentions found by the matcher itself. */
export function buildLexicon(articles: readonly Article[], options: BuildLexiconOptions = {}): Term[] {
  const stats = archiveStats(articles);
  const pool = new Map<string, Pooled>();
  const keyOf = (kind: TermKind, name: string) => `${kind}\u0000${name}`;
  const add = (kind: TermKind, name: string, fromEdit = false): Pooled => {
    const key = keyOf(kind, name);
    let p = pool.get(key);
    if (!p) pool.set(key, (p = { kind, name, aliases: new Set(), roles: [], generic: [], fromEdit }));
    return p;
  };
  for (const article of articles) {
    for (const c of extractArticle(article, stats)) {
      if (isGenericForm(c.name) || [...c.name].length < 2) continue;
      const p = add(c.kind, c.name);
      for (const alias of c.aliases ?? []) if (alias !== c.name && !isGenericForm(alias) && alias.length >= 2) p.aliases.add(alias);
      for (const title of c.roles ?? []) {
        if (!p.roles.some((r) => r.title === title && r.articleId === article.id)) p.roles.push({ title, articleId: article.id, date: article.date });
      }
      if (c.at) p.generic.push({ articleId: article.id, start: c.at.start, end: c.at.end });
    }
  }
  applyEdits(pool, options.edits ?? [], keyOf, add, options.onWarning);

  // One term per canonical name: a name pooled under two kinds keeps the more specific kind (organisation > place > policy > person).
  const priority: TermKind[] = ['organisation', 'place', 'policy', 'person'];
  const entries = [...pool.values()].sort((a, b) => priority.indexOf(a.kind) - priority.indexOf(b.kind) || a.name.localeCompare(b.name));
  const seenForms = new Set<string>();
  const terms: Term[] = [];
  for (const p of entries) {
    const folded = foldText(p.name);
    if (seenForms.has(folded) && !p.fromEdit) continue;
    seenForms.add(folded);
    const aliases = [...p.aliases].filter((a) => !seenForms.has(foldText(a)) && a !== p.name).sort();
    for (const a of aliases) seenForms.add(foldText(a));
    terms.push({ id: termId(p.kind, p.name), name: p.name, kind: p.kind, aliases, roles: p.roles, mentions: [] });
  }
  const matcher = buildMatcher(matcherEntries(terms));
  const byId = new Map(terms.map((t) => [t.id, t]));
  for (const article of articles) {
    for (const m of matcher.findAll(articleBody(article))) byId.get(m.termId)!.mentions.push({ articleId: article.id, start: m.start, end: m.end });
  }
  // Resolved generic forms (市委 in 晋中日报 → 晋中市委) are mentions of the body they name in that article, though never marked bare.
  for (const p of entries) {
    const term = byId.get(termId(p.kind, p.name));
    if (!term) continue;
    for (const g of p.generic) {
      if (!term.mentions.some((m) => m.articleId === g.articleId && m.start < g.end && g.start < m.end)) term.mentions.push(g);
    }
    term.mentions.sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.start - b.start));
  }
  return terms.sort((a, b) => TERM_KINDS.indexOf(a.kind) - TERM_KINDS.indexOf(b.kind) || b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
}

/** The surface forms the matcher marks for each term: its name and aliases, never a generic form or a single character. */
export function matcherEntries(terms: readonly Term[]): MatcherEntry[] {
  return terms.map((t) => ({
    termId: t.id,
    kind: t.kind,
    forms: [t.name, ...t.aliases].filter((f) => [...f].length >= 2 && !isGenericForm(f)),
  }));
}

function applyEdits(
  pool: Map<string, Pooled>,
  edits: readonly LexiconEdit[],
  keyOf: (kind: TermKind, name: string) => string,
  add: (kind: TermKind, name: string, fromEdit?: boolean) => Pooled,
  warn: ((message: string) => void) | undefined,
): void {
  const find = (name: string): Pooled | undefined => {
    const f = foldText(name);
    let byAlias: Pooled | undefined;
    for (const p of pool.values()) {
      if (foldText(p.name) === f) return p;
      if (!byAlias && [...p.aliases].some((a) => foldText(a) === f)) byAlias = p;
    }
    return byAlias;
  };
  const missing = (e: LexiconEdit, name: string) => warn?.(`line ${e.line}: ${e.op}: no term "${name}" in this archive (edit kept, nothing to apply)`);
  for (const e of edits) {
    switch (e.op) {
      case 'add': {
        const p = add(e.kind, e.name, true);
        p.fromEdit = true;
        for (const a of e.aliases) p.aliases.add(a);
        break;
      }
      case 'alias': {
        const p = find(e.name);
        if (!p) missing(e, e.name);
        else for (const a of e.aliases) p.aliases.add(a);
        break;
      }
      case 'rename': {
        const p = find(e.name);
        if (!p) {
          missing(e, e.name);
          break;
        }
        pool.delete(keyOf(p.kind, p.name));
        const renamed = add(p.kind, e.to, true);
        renamed.fromEdit = true;
        for (const a of [p.name, ...p.aliases]) if (a !== e.to) renamed.aliases.add(a);
        renamed.roles.push(...p.roles);
        renamed.generic.push(...p.generic);
        break;
      }
      case 'merge': {
        const from = find(e.name);
        const into = find(e.into);
        if (!from) missing(e, e.name);
        if (!into) missing(e, e.into);
        if (!from || !into || from === into) break;
        pool.delete(keyOf(from.kind, from.name));
        for (const a of [from.name, ...from.aliases]) if (a !== into.name) into.aliases.add(a);
        into.roles.push(...from.roles);
        into.generic.push(...from.generic);
        into.fromEdit = true;
        break;
      }
      case 'suppress': {
        const f = foldText(e.name);
        let hit = false;
        for (const [key, p] of pool) {
          if (foldText(p.name) === f) {
            pool.delete(key);
            hit = true;
          }
          for (const a of p.aliases) {
            if (foldText(a) === f) {
              p.aliases.delete(a);
              hit = true;
            }
          }
        }
        if (!hit) missing(e, e.name);
        break;
      }
    }
  }
}
