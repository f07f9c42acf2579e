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
  /** Articles kept read (least recently read dropped first). */
  static MAX_ARTICLES = 20_000;
  private readonly articles = new Map<string, Article>();
  /** Articles a query in flight has read, by how many such queries: never evicted until they finish (as the postings: RemoteIndex.pin). */
  private readonly articlePins = new Map<string, number>();
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
   * articles it missed, which are read from the database before the next pass.
   */
  private async settle<T>(query: string, pass: (archive: QueryArchive) => T): Promise<T> {
    const pinned = new Set<string>();
    const pinnedArticles = new Set<string>();
    const load = async (terms: readonly string[]) => {
      const fresh = terms.filter((t) => !pinned.has(t));
      for (const t of fresh) pinned.add(t);
      this.index.pin(fresh);
      await this.loadPostings(fresh);
    };
    try {
      await load(this.index.termsFor(query));
      for (let n = 0; n < MAX_PASSES; n++) {
        this.index.missing.clear();
        const archive = new QueryArchive(this, this.articles);
        let result: T;
        try {
          result = pass(archive);
        } catch (error) {
          if (!(error instanceof PostingsMiss)) throw error;
          // A one-character expansion: load every term of both its characters' expansions at once.
          await load([error.term, ...[...error.term].flatMap((c) => this.index.expansion(c))]);
          continue;
        }
        if (!this.index.missing.size && !archive.missing.size) return result;
        // Every article the pass read stays read until the query settles (else concurrent queries evict each other's and none settles).
        for (const id of archive.touched) {
          if (pinnedArticles.has(id)) continue;
          pinnedArticles.add(id);
          this.articlePins.set(id, (this.articlePins.get(id) ?? 0) + 1);
        }
        await Promise.all([load([...this.index.missing]), this.loadArticles([...archive.missing])]);
      }
      throw new Error(`the search for ${JSON.stringify(query.slice(0, 40))} did not settle in ${MAX_PASSES} passes`);
    } finally {
      this.index.unpin(pinned);
      for (const id of pinnedArticles) {
        const n = (this.articlePins.get(id) ?? 1) - 1;
        if (n > 0) this.articlePins.set(id, n);
        else this.articlePins.delete(id);
      }
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

  async loadArticles(ids: readonly string[]): Promise<void> {
    const wanted = [...new Set(ids)].filter((id) => !this.articles.has(id));
    if (!wanted.length) return;
    const rows = await this.db.query<{ doc: string }>('SELECT doc::text AS doc FROM articles WHERE id = ANY($1::text[])', [wanted]);
    for (const r of rows) {
      const a = JSON.parse(r.doc) as Article;
      this.articles.set(a.id, a);
    }
    for (const id of this.articles.keys()) {
      if (this.articles.size <= ArchiveView.MAX_ARTICLES) break;
      if (this.articlePins.has(id)) continue;
      this.articles.delete(id);
    }
  }

  async article(id: string): Promise<Article | undefined> {
    if (!this.byId.has(id)) return undefined;
    await this.loadArticles([id]);
    return this.articles.get(id);
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

  /** The view of the newest revision (one cheap query to check it; the view is reloaded only when it moved). */
  async view(): Promise<ArchiveView> {
    const revision = await this.revision();
    if (this.current?.revision === revision) return this.current;
    this.loading ??= ArchiveView.load(this.db).finally(() => {
      this.loading = undefined;
    });
    const view = await this.loading;
    if (!this.current || view.revision >= this.current.revision) this.current = view;
    return this.current;
  }
}
