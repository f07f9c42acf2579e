import {
  buildSearchIndex, loadArchive, searchWithIndex, searchQueryWithIndex, crossReference, createBundle,
  type Archive, type Article, type ArticleKind, type QueryOptions, type SearchHit, type SearchOptions, type SearchResult, type SearchSection, type XrefReport,
} from '@jianbao/core';
import type { Database } from './db/types.js';
import { readAllArticles } from './ingest.js';
import { PostingsMiss, RemoteIndex } from './search/remote-index.js';
import { QueryArchive, type DocTable } from './search/query-archive.js';
import { indexFromSkeleton } from './search/skeleton.js';
import { readPostings } from './search/postings.js';

const MAX_PASSES = 12;

/**
 * One revision of the archive as the server holds it: the search skeleton and
 * the documents' filter fields in memory, postings and articles read from the
 * database as queries need them (and kept, least recently used dropped).
 */
export class ArchiveView implements DocTable {
  readonly ids: string[];
  readonly title: string[];
  readonly date: (string | null)[];
  readonly paper: (string | null)[];
  readonly kind: ArticleKind[];
  private readonly byId: Map<string, number>;
  /** Articles kept read, oldest read dropped first: at most this many, and at most MAX_ARTICLE_CHARS characters of text. */
  static MAX_ARTICLES = 100_000;
  static MAX_ARTICLE_CHARS = 48_000_000;
  private readonly articles = new Map<string, { article: Article; chars: number }>();
  private articleChars = 0;
  /** Bumped when the cache drops an article: an archive made before holds it through core's tables, so it is not reused. */
  private evictions = 0;
  /** The archive queries run on while none of its passes met an article not read (core's per-archive tables stay). */
  private shared: QueryArchive | undefined;
  private xrefArchive: Promise<Archive> | undefined;
  private papers: string[] | undefined;

  private constructor(
    private readonly db: Database,
    readonly revision: number,
    readonly name: string,
    readonly index: RemoteIndex,
    rows: { id: string; title: string; date: string | null; paper: string | null; kind: ArticleKind }[],
  ) {
    this.ids = rows.map((r) => r.id);
    this.title = rows.map((r) => r.title);
    this.date = rows.map((r) => r.date);
    this.paper = rows.map((r) => r.paper);
    this.kind = rows.map((r) => r.kind);
    this.byId = new Map(this.ids.map((id, i) => [id, i]));
  }

  /** Reads the revision's skeleton and document table (one consistent snapshot: one transaction). */
  static async load(db: Database): Promise<ArchiveView> {
    return db.transaction(async (tx) => {
      const [state] = await tx.query<{ revision: number; name: string }>('SELECT revision, name FROM archive WHERE id = 1');
      const [skeleton] = await tx.query<{ body: string }>("SELECT body FROM sections WHERE name = 'skeleton'");
      const rows = await tx.query<{ id: string; title: string; date: string | null; paper: string | null; kind: ArticleKind }>("SELECT id, doc->>'title' AS title, date, paper, kind FROM articles ORDER BY seq");
      const base = skeleton ? indexFromSkeleton(JSON.parse(skeleton.body) as SearchSection) : buildSearchIndex([]);
      if (base.docCount !== rows.length || base.docs.some((id, i) => rows[i]!.id !== id)) {
        throw new Error(`the database ${db.where} is inconsistent: its search skeleton does not list the stored articles (re-run jianbao ingest)`);
      }
      return new ArchiveView(db, state?.revision ?? 0, state?.name ?? 'archive', RemoteIndex.of(base), rows);
    });
  }

  /** Papers and kinds by number of articles (most first, then by name) and the first and last dates: the search form's filters. */
  facets(): { papers: string[]; kinds: string[]; first: string | null; last: string | null } {
    const count = (values: readonly (string | null)[]) => {
      const m = new Map<string, number>();
      for (const v of values) if (v) m.set(v, (m.get(v) ?? 0) + 1);
      return [...m].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([name]) => name);
    };
    let first: string | null = null;
    let last: string | null = null;
    for (const d of this.date) {
      if (!d) continue;
      if (!first || d < first) first = d;
      if (!last || d > last) last = d;
    }
    return { papers: count(this.paper), kinds: count(this.kind), first, last };
  }

  get size(): number {
    return this.ids.length;
  }

  docOf(id: string): number | undefined {
    return this.byId.get(id);
  }

  /** Core's search over this revision: the same hits as `searchArchive` on a bundle of the same articles. */
  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    return this.settle(query, (archive) => searchWithIndex(archive, this.index, query, options));
  }

  /** Core's query syntax over this revision: the same result as `searchQuery` on a bundle of the same articles. */
  async searchQuery(query: string, options: QueryOptions = {}): Promise<SearchResult> {
    this.papers ??= [...new Set(this.paper.filter((p): p is string => !!p))];
    const papers = this.papers;
    return this.settle(query, (archive) => searchQueryWithIndex(archive, this.index, query, { ...options, papers }));
  }

  /**
   * Runs a query pass until it read nothing that was not loaded: each pass records the postings and
   * articles it missed, which are read from the database before the next pass. A query holds what it
   * read (postings pinned, articles by reference) until it settles: else 16 concurrent queries evict
   * each other's and none settles.
   */
  private async settle<T>(query: string, pass: (archive: QueryArchive) => T): Promise<T> {
    const pinned = new Set<string>();
    const held: ReadonlyMap<string, Article>[] = [];
    const lookup = (id: string) => {
      for (const m of held) {
        const a = m.get(id);
        if (a) return a;
      }
      return this.articles.get(id)?.article;
    };
    const load = async (terms: readonly string[]) => {
      const fresh = terms.filter((t) => !pinned.has(t));
      for (const t of fresh) pinned.add(t);
      this.index.pin(fresh);
      await this.loadPostings(fresh);
    };
    try {
      await load(this.index.termsFor(query));
      let own: QueryArchive | undefined;
      for (let n = 0; n < MAX_PASSES; n++) {
        this.index.missing.clear();
        if (this.shared && this.shared.epoch !== this.evictions) this.shared = undefined;
        const archive = own ?? (this.shared ??= new QueryArchive(this, (id) => this.articles.get(id)?.article, this.evictions));
        let result: T | undefined;
        let expansion: string[] = [];
        try {
          result = pass(archive);
        } catch (error) {
          if (!(error instanceof PostingsMiss)) throw error;
          // A one-character expansion: load every term of both its characters' expansions at once.
          expansion = [error.term, ...[...error.term].flatMap((c) => this.index.expansion(c))];
        }
        if (!expansion.length && !this.index.missing.size && !archive.missing.size) return result as T;
        const missingArticles = [...archive.missing];
        if (missingArticles.length) {
          // Core's tables of this archive now hold placeholders: the next pass runs on a new one, holding what this one read.
          if (archive === this.shared) this.shared = undefined;
          held.push(archive.got);
          own = new QueryArchive(this, lookup);
        }
        const [, loaded] = await Promise.all([load([...expansion, ...this.index.missing]), this.loadArticles(missingArticles)]);
        held.push(loaded);
      }
      throw new Error(`the search for ${JSON.stringify(query.slice(0, 40))} did not settle in ${MAX_PASSES} passes`);
    } finally {
      this.index.unpin(pinned);
    }
  }

  async loadPostings(terms: readonly string[]): Promise<void> {
    const wanted = [...new Set(terms)].filter((t) => !this.index.has(t));
    for (let i = 0; i < wanted.length; i += 2000) {
      const chunk = wanted.slice(i, i + 2000);
      const rows = await readPostings(this.db, chunk);
      for (const [term, data] of rows) this.index.store(term, data);
      // A vocabulary term without a row would be asked for again and again: store it empty.
      if (rows.size < chunk.length) for (const t of chunk) if (!rows.has(t)) this.index.store(t, Uint8Array.of(0, 0, 0));
    }
  }

  /** Reads articles into the cache; returns those read. */
  async loadArticles(ids: readonly string[]): Promise<Map<string, Article>> {
    const out = new Map<string, Article>();
    const wanted = [...new Set(ids)].filter((id) => !this.articles.has(id));
    if (!wanted.length) return out;
    const rows = await this.db.query<{ doc: string }>('SELECT doc::text AS doc FROM articles WHERE id = ANY($1::text[])', [wanted]);
    for (const r of rows) {
      const article = JSON.parse(r.doc) as Article;
      out.set(article.id, article);
      if (this.articles.has(article.id)) continue;
      const chars = article.title.length + article.paragraphs.reduce((n, p) => n + p.length, 0);
      this.articles.set(article.id, { article, chars });
      this.articleChars += chars;
    }
    for (const [id, { chars }] of this.articles) {
      if (this.articles.size <= ArchiveView.MAX_ARTICLES && this.articleChars <= ArchiveView.MAX_ARTICLE_CHARS) break;
      this.articles.delete(id);
      this.articleChars -= chars;
      this.evictions++;
    }
    return out;
  }

  async article(id: string): Promise<Article | undefined> {
    if (!this.byId.has(id)) return undefined;
    return this.articles.get(id)?.article ?? (await this.loadArticles([id])).get(id);
  }

  /**
   * Cross-reference of a draft over this revision. Core's check reads the
   * whole archive (its fingerprint index covers every article), so the first
   * check of a revision loads it, with the stored lexicon and matcher.
   */
  async crossReference(draft: string, options: { relatedLimit?: number; markdown?: boolean } = {}): Promise<XrefReport> {
    this.xrefArchive ??= (async () => {
      const articles = await readAllArticles(this.db);
      const sections = await this.db.query<{ name: string; body: string }>("SELECT name, body FROM sections WHERE name IN ('lexicon', 'matcher')");
      const bundle = createBundle(articles, { name: this.name }) as ReturnType<typeof createBundle> & Record<string, unknown>;
      for (const s of sections) bundle[s.name] = JSON.parse(s.body);
      return loadArchive(bundle);
    })();
    const archive = await this.xrefArchive.catch((error: unknown) => {
      this.xrefArchive = undefined;
      throw error;
    });
    return crossReference(archive, draft, options);
  }
}

/** The archive behind a server: the current revision's view, reloaded when an ingest (any process) bumps it. */
export class ArchiveService {
  private current: ArchiveView | undefined;
  private loading: Promise<ArchiveView> | undefined;

  constructor(readonly db: Database) {}

  async revision(): Promise<number> {
    const [row] = await this.db.query<{ revision: number }>('SELECT revision FROM archive WHERE id = 1');
    return row?.revision ?? 0;
  }

  private checking: Promise<number> | undefined;
  private queued: Promise<number> | undefined;

  /**
   * The revision as of a check issued after this call: a request sees every ingest committed before it
   * arrived. Requests arriving while a check is in flight share the next one, so 16 concurrent clients
   * cost one query per round trip, not one per request.
   */
  private freshRevision(): Promise<number> {
    if (!this.checking) {
      const check = this.revision();
      this.checking = check;
      const done = () => {
        if (this.checking === check) this.checking = undefined;
      };
      check.then(done, done);
      return check;
    }
    this.queued ??= this.checking.then(() => undefined, () => undefined).then(() => {
      this.queued = undefined;
      return this.freshRevision();
    });
    return this.queued;
  }

  /** The view of the newest revision (one cheap query to check it; the view is reloaded only when it moved). */
  async view(): Promise<ArchiveView> {
    const revision = await this.freshRevision();
    if (this.current?.revision === revision) return this.current;
    this.loading ??= ArchiveView.load(this.db).finally(() => {
      this.loading = undefined;
    });
    const view = await this.loading;
    if (!this.current || view.revision >= this.current.revision) this.current = view;
    return this.current;
  }
}
