/**
 * What the background does with each request. Holds the one loaded archive
 * (default or imported) and everything derived from it; the entrypoint only
 * wires this to runtime messages, so tests can drive it directly.
 */
import { articleBody, loadArchiveAsync, personSummary, type Archive } from '@jianbao/core';
import { crossReferenceWhenReady, lexiconOf, matcherOf, matcherSection, queryArchive, searchArchive, searchFacets, type SearchFacets } from './archive-service.js';
import type { QueryOptions, SearchResult } from './archive-types.js';
import type { ArchiveInfo, ArticleSummary, ArticleView, CardData, PageCheck } from './messages.js';
import type { StoredBundle } from './archive-store.js';

export interface ArchiveSources {
  loadDefault(): Promise<Archive>;
  readImported(): Promise<StoredBundle | undefined>;
}

const CARD_ARTICLES = 8;
const SNIPPET_BEFORE = 24;
const SNIPPET_LENGTH = 90;

export class BackgroundService {
  private current: Promise<{ archive: Archive; info: ArchiveInfo }> | undefined;
  private section: unknown;

  constructor(private readonly sources: ArchiveSources) {}

  /** The archive in use: the imported one when there is a valid one, else the default. */
  archive() {
    this.current ??= this.load();
    return this.current;
  }

  /** Drops the loaded archive (after an import or a switch back to the default). */
  async reload(): Promise<ArchiveInfo> {
    this.current = undefined;
    this.section = undefined;
    return (await this.archive()).info;
  }

  private async load(): Promise<{ archive: Archive; info: ArchiveInfo }> {
    const stored = await this.sources.readImported().catch(() => undefined);
    if (stored) {
      try {
        // In slices: a large imported bundle must not stall the background's other messages while it parses.
        const archive = await loadArchiveAsync(stored.text);
        return { archive, info: this.info(archive, 'imported', `imported:${stored.importedAt}`) };
      } catch (error) {
        // The options page validated it on import; a store damaged since then falls back to the default archive.
        console.warn('jianbao: the imported archive no longer loads, using the default archive:', error);
      }
    }
    const archive = await this.sources.loadDefault();
    return { archive, info: this.info(archive, 'default', `default:${archive.meta.articleCount}`) };
  }

  private info(archive: Archive, source: ArchiveInfo['source'], revision: string): ArchiveInfo {
    return { name: archive.meta.name, articleCount: archive.meta.articleCount, source, revision };
  }

  async matcher(): Promise<{ section: unknown; revision: string }> {
    const { archive, info } = await this.archive();
    this.section ??= matcherSection(archive);
    return { section: this.section, revision: info.revision };
  }

  async card(termId: string): Promise<CardData | null> {
    const { archive } = await this.archive();
    const term = lexiconOf(archive).get(termId);
    if (!term) return null;
    const firstMention = new Map<string, { start: number; end: number }>();
    for (const m of term.mentions) if (!firstMention.has(m.articleId)) firstMention.set(m.articleId, m);
    const articles: ArticleSummary[] = [];
    for (const [id, m] of firstMention) {
      const a = archive.get(id);
      if (a) articles.push({ id, title: a.title, paper: a.paper, date: a.date, snippet: snippetAround(articleBody(a), m.start, m.end) });
    }
    articles.sort(newestFirst);
    const { titles, more } = personSummary(term);
    return {
      term: { id: term.id, name: term.name, kind: term.kind, aliases: term.aliases },
      titles,
      moreTitles: more,
      articles: articles.slice(0, CARD_ARTICLES),
      total: articles.length,
    };
  }

  async search(query: string, options?: Parameters<typeof searchArchive>[2]) {
    const { archive } = await this.archive();
    return searchArchive(archive, query, options);
  }

  /** A query in core's query syntax (the search page and the popup). */
  async query(text: string, options?: QueryOptions): Promise<SearchResult> {
    const { archive } = await this.archive();
    return queryArchive(archive, text, options);
  }

  async searchFacets(): Promise<SearchFacets> {
    const { archive } = await this.archive();
    return searchFacets(archive);
  }

  async article(id: string): Promise<ArticleView | null> {
    const { archive } = await this.archive();
    const article = archive.get(id);
    if (!article) return null;
    const body = articleBody(article);
    // Related: what cross-referencing the article against the archive finds, without itself.
    const report = await crossReferenceWhenReady(archive, `${article.title}\n${body}`);
    const related = report.related
      .filter((r) => r.id !== id)
      .slice(0, 8)
      .map((r) => {
        const a = archive.get(r.id);
        return { id: r.id, title: r.title, date: a?.date ?? null, paper: a?.paper ?? null, reasons: r.reasons, why: r.why };
      });
    if (related.length === 0) related.push(...sharedTermArticles(archive, body, id));
    return { article, related };
  }

  async check(text: string): Promise<PageCheck> {
    const { archive } = await this.archive();
    const report = await crossReferenceWhenReady(archive, text);
    const ids = new Set([...report.related.map((r) => r.id), ...report.reused.map((r) => r.articleId), ...report.conflicts.map((c) => c.articleId).filter((id): id is string => id !== null)]);
    const articles: PageCheck['articles'] = {};
    for (const id of ids) {
      const a = archive.get(id);
      if (a) articles[id] = { title: a.title, date: a.date, paper: a.paper };
    }
    return { report, articles };
  }
}

/** Articles sharing the most terms with a text: the reader's "related" when xref finds nothing. */
function sharedTermArticles(archive: Archive, body: string, selfId: string): ArticleView['related'] {
  const lexicon = lexiconOf(archive);
  const counts = new Map<string, Set<string>>();
  for (const m of matcherOf(archive).findAll(body)) {
    const term = lexicon.get(m.termId);
    for (const mention of term?.mentions ?? []) {
      if (mention.articleId === selfId) continue;
      const names = counts.get(mention.articleId) ?? new Set<string>();
      names.add(term!.name);
      counts.set(mention.articleId, names);
    }
  }
  return [...counts]
    .sort((x, y) => y[1].size - x[1].size)
    .slice(0, 8)
    .map(([id, names]) => {
      const a = archive.get(id)!;
      return { id, title: a.title, date: a.date, paper: a.paper, reasons: [...names], why: [{ kind: 'shared-terms' as const, terms: [...names] }] };
    });
}

export function snippetAround(body: string, start: number, end: number): string {
  const from = Math.max(0, start - SNIPPET_BEFORE);
  const to = Math.min(body.length, Math.max(end, from + SNIPPET_LENGTH));
  return `${from > 0 ? '…' : ''}${body.slice(from, to).replace(/\s+/g, ' ')}${to < body.length ? '…' : ''}`;
}

/** Newest first; undated last. */
function newestFirst(a: { date: string | null }, b: { date: string | null }): number {
  if (a.date === b.date) return 0;
  if (a.date === null) return 1;
  if (b.date === null) return -1;
  return a.date < b.date ? 1 : -1;
}
