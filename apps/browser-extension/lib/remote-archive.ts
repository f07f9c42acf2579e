/**
 * The newsroom server as the background's archive: core's ServerClient, with the answers in the shapes the
 * extension's pages already take (CardData, ArticleView, PageCheck), and the matcher section cached by revision
 * (checked with its ETag at most once a minute; kept in IndexedDB across restarts).
 */
import { articleBody, ServerClient, type ServerErrorCode, type ServerTermCard } from '@jianbao/core';
import type { QueryOptions, SearchResult } from './archive-types.js';
import type { SearchFacets } from './archive-service.js';
import type { ArticleView, CardData, PageCheck } from './messages.js';

const CARD_ARTICLES = 8;
const CARD_TITLES = 5;
/** How long a checked matcher section stands before its ETag is asked again. */
const MATCHER_RECHECK_MS = 60_000;

export interface ServerStatus {
  url: string;
  /** connected, or why the local archive answers instead (core's ServerError codes). */
  state: 'connected' | ServerErrorCode;
  name?: string;
  articles?: number;
  revision?: number;
}

export interface CachedSection {
  url: string;
  etag: string;
  revision: number;
  section: unknown;
}

export interface SectionCache {
  read(): Promise<CachedSection | undefined>;
  write(section: CachedSection): Promise<void>;
}

export class RemoteArchive {
  name: string | undefined;
  articles: number | undefined;
  revision: number | undefined;
  private matcherCopy: CachedSection | undefined;
  private matcherCheckedAt = -Infinity;

  constructor(readonly client: ServerClient, private readonly cache?: SectionCache, private readonly now: () => number = Date.now) {}

  get url(): string {
    return this.client.url;
  }

  /** Asks the server for its revision (and so checks the address and the token). */
  async check(): Promise<void> {
    const r = await this.client.revision();
    this.name = r.name;
    this.articles = r.articles;
    this.seen(r.revision);
  }

  /** The server's matcher section: the cached copy while its ETag still stands. */
  async matcher(): Promise<CachedSection> {
    if (this.matcherCopy && this.now() - this.matcherCheckedAt < MATCHER_RECHECK_MS && this.matcherCopy.revision === (this.revision ?? this.matcherCopy.revision)) {
      return this.matcherCopy;
    }
    if (!this.matcherCopy) {
      const stored = await this.cache?.read().catch(() => undefined);
      if (stored?.url === this.url) this.matcherCopy = stored;
    }
    const reply = await this.client.section('matcher', this.matcherCopy?.etag);
    this.matcherCheckedAt = this.now();
    if (reply.changed) {
      this.matcherCopy = { url: this.url, etag: reply.etag, revision: reply.revision, section: reply.body };
      await this.cache?.write(this.matcherCopy).catch((error: unknown) => console.warn('jianbao: cannot keep the server matcher:', error));
    }
    this.seen(this.matcherCopy!.revision);
    return this.matcherCopy!;
  }

  async card(termId: string): Promise<CardData | null> {
    const card = await this.client.term(termId);
    return card ? cardData(card) : null;
  }

  async query(text: string, options?: QueryOptions): Promise<SearchResult> {
    const { revision, ...result } = await this.client.search(text, options);
    if (!result.error) this.seen(revision);
    return result;
  }

  facets(): Promise<SearchFacets> {
    return this.client.facets();
  }

  async article(id: string): Promise<ArticleView | null> {
    const article = await this.client.article(id);
    if (!article) return null;
    const { articles, ...report } = await this.client.xref(`${article.title}\n${articleBody(article)}`, { markdown: false, articles: true });
    this.seen(report.revision);
    const related = report.related
      .filter((r) => r.id !== id)
      .slice(0, 8)
      .map((r) => ({ id: r.id, title: r.title, date: articles?.[r.id]?.date ?? null, paper: articles?.[r.id]?.paper ?? null, reasons: r.reasons, why: r.why }));
    return { article, related };
  }

  /** A page's text checked on the server (markdown: false, as the local check); the text is sent, not kept. */
  async checkText(text: string): Promise<PageCheck> {
    const { revision, articles, related, reused, conflicts } = await this.client.xref(text, { markdown: false, articles: true });
    this.seen(revision);
    return { report: { related, reused, conflicts }, articles: articles ?? {} };
  }

  private seen(revision: number): void {
    if (revision > (this.revision ?? 0)) this.revision = revision;
  }
}

/** The server's term card as the hover card shows a local one (core's title history, newest first, at most five). */
export function cardData(card: ServerTermCard): CardData {
  const history = card.history ?? [...card.titles].reverse();
  return {
    term: { id: card.id, name: card.name, kind: card.kind, aliases: card.aliases },
    titles: history.slice(0, CARD_TITLES),
    moreTitles: Math.max(0, history.length - CARD_TITLES),
    articles: card.articles.slice(0, CARD_ARTICLES).map((a) => ({ id: a.id, title: a.title, paper: a.paper ?? null, date: a.date, snippet: a.snippet ?? '' })),
    total: card.articleCount ?? card.articles.length,
  };
}
