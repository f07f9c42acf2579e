/**
 * What the background does with each request. Holds the one loaded archive
 * (default or imported) and everything derived from it; the entrypoint only
 * wires this to runtime messages, so tests can drive it directly.
 */
import { articleBody, loadArchiveAsync, personSummary, ServerClient, ServerError, type Archive, type FetchLike } from '@jianbao/core';
import { crossReferenceWhenReady, lexiconOf, matcherOf, matcherSection, queryArchive, searchArchive, searchFacets, type SearchFacets } from './archive-service.js';
import type { QueryOptions, SearchResult } from './archive-types.js';
import type { ArchiveInfo, ArticleSummary, ArticleView, CardData, PageCheck } from './messages.js';
import type { StoredBundle } from './archive-store.js';
import { RemoteArchive, type SectionCache, type ServerStatus } from './remote-archive.js';
import type { ServerSetting } from './server-settings.js';

export interface ArchiveSources {
  loadDefault(): Promise<Archive>;
  readImported(): Promise<StoredBundle | undefined>;
  /** The newsroom server set in Options, if any: then it answers, and the local archive only when it cannot. */
  readServer?(): Promise<ServerSetting | undefined>;
  /** Where the server's matcher section is kept between restarts. */
  sectionCache?: SectionCache;
  fetch?: FetchLike;
  /** Told when the archive that marks pages changes (server reached or lost, a new server revision). */
  onRevision?(revision: string): void;
}

/** After the server failed, the local archive answers without asking it again for this long (a page load must not wait on a dead server). */
const RETRY_MS = 30_000;

const CARD_ARTICLES = 8;
const SNIPPET_BEFORE = 24;
const SNIPPET_LENGTH = 90;

export class BackgroundService {
  private current: Promise<{ archive: Archive; info: ArchiveInfo }> | undefined;
  private section: unknown;
  private remote: Promise<RemoteArchive | undefined> | undefined;
  private status: ServerStatus | undefined;
  private failedAt = -Infinity;
  private published: string | undefined;

  constructor(private readonly sources: ArchiveSources, private readonly now: () => number = Date.now) {}

  private server(): Promise<RemoteArchive | undefined> {
    this.remote ??= (async () => {
      const setting = await this.sources.readServer?.().catch(() => undefined);
      if (!setting) return undefined;
      try {
        return new RemoteArchive(new ServerClient({ ...setting, ...(this.sources.fetch ? { fetch: this.sources.fetch } : {}) }), this.sources.sectionCache, this.now);
      } catch (error) {
        if (error instanceof ServerError) this.status = { url: setting.url, state: error.code };
        return undefined;
      }
    })();
    return this.remote;
  }

  /**
   * The server's answer when one is set and reachable, else the local archive's. A failure that says the server
   * cannot be used now (unreachable, timeout, token refused, 5xx) is noted in the status and the local archive
   * answers; the server is tried again after RETRY_MS, or at once when the Options page or popup checks it.
   */
  private async viaServer<T>(remote: (r: RemoteArchive) => Promise<T>, local: () => Promise<T>, force = false): Promise<T> {
    const r = await this.server();
    if (r && (force || this.status?.state === 'connected' || this.now() - this.failedAt >= RETRY_MS)) {
      try {
        const value = await remote(r);
        this.setStatus(r, 'connected');
        return value;
      } catch (error) {
        if (!(error instanceof ServerError) || !error.fallback) throw error;
        this.failedAt = this.now();
        this.setStatus(r, error.code);
      }
    }
    return local();
  }

  private setStatus(r: RemoteArchive, state: ServerStatus['state']): void {
    this.status = { url: r.url, state, ...(r.name !== undefined ? { name: r.name } : {}), ...(r.articles !== undefined ? { articles: r.articles } : {}), ...(r.revision !== undefined ? { revision: r.revision } : {}) };
    const revision = state === 'connected' && r.revision !== undefined ? serverRevision(r) : undefined;
    if (revision) this.publish(revision);
    else if (state !== 'connected') void this.archive().then(({ info }) => this.publish(info.revision));
  }

  /** Content scripts reload their matcher when the revision in use changes (not on the first one: they asked for it). */
  private publish(revision: string): void {
    const first = this.published === undefined;
    if (revision === this.published) return;
    this.published = revision;
    if (!first) this.sources.onRevision?.(revision);
  }

  /** The server setting changed (Options): forget the client and check the new one at once. */
  async serverChanged(): Promise<ArchiveInfo> {
    this.remote = undefined;
    this.status = undefined;
    this.failedAt = -Infinity;
    return this.info();
  }

  /**
   * What answers now, for the Options page and the popup: the server (checked now) or the local archive, with
   * the server's status when one is set.
   */
  async info(): Promise<ArchiveInfo> {
    const local = async () => undefined;
    const remote = await this.viaServer(async (r) => {
      await r.check();
      return r;
    }, local, true);
    if (remote) {
      return { name: remote.name ?? '', articleCount: remote.articles ?? 0, source: 'server', revision: serverRevision(remote), ...(this.status ? { server: this.status } : {}) };
    }
    const { info } = await this.archive();
    return this.status ? { ...info, server: this.status } : info;
  }

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
        return { archive, info: this.infoOf(archive, 'imported', `imported:${stored.importedAt}`) };
      } catch (error) {
        // The options page validated it on import; a store damaged since then falls back to the default archive.
        console.warn('jianbao: the imported archive no longer loads, using the default archive:', error);
      }
    }
    const archive = await this.sources.loadDefault();
    return { archive, info: this.infoOf(archive, 'default', `default:${archive.meta.articleCount}`) };
  }

  private infoOf(archive: Archive, source: ArchiveInfo['source'], revision: string): ArchiveInfo {
    return { name: archive.meta.name, articleCount: archive.meta.articleCount, source, revision };
  }

  async matcher(): Promise<{ section: unknown; revision: string }> {
    return this.viaServer(async (r) => {
      const { section } = await r.matcher();
      return { section, revision: serverRevision(r) };
    }, () => this.localMatcher());
  }

  private async localMatcher(): Promise<{ section: unknown; revision: string }> {
    const { archive, info } = await this.archive();
    this.section ??= matcherSection(archive);
    return { section: this.section, revision: info.revision };
  }

  async card(termId: string): Promise<CardData | null> {
    // A term the server does not have (the page was marked from the local archive meanwhile): the local card.
    return this.viaServer(async (r) => (await r.card(termId)) ?? this.localCard(termId), () => this.localCard(termId));
  }

  private async localCard(termId: string): Promise<CardData | null> {
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
    return this.viaServer((r) => r.query(text, options), async () => queryArchive((await this.archive()).archive, text, options));
  }

  async searchFacets(): Promise<SearchFacets> {
    return this.viaServer((r) => r.facets(), async () => searchFacets((await this.archive()).archive));
  }

  async article(id: string): Promise<ArticleView | null> {
    return this.viaServer((r) => r.article(id), () => this.localArticle(id));
  }

  private async localArticle(id: string): Promise<ArticleView | null> {
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

  /** A page's text checked against the archive: sent only to the configured server, else checked here. */
  async check(text: string): Promise<PageCheck> {
    return this.viaServer((r) => r.checkText(text), () => this.localCheck(text));
  }

  private async localCheck(text: string): Promise<PageCheck> {
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

const serverRevision = (r: RemoteArchive) => `server:${r.url}#${r.revision ?? 0}`;

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
