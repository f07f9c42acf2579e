import { Archive, createBundle, type Article, type ArticleKind } from '@jianbao/core';

/** What a query pass needs of the archive's documents without reading them: id, the filter fields and the title. */
export interface DocTable {
  ids: readonly string[];
  docOf(id: string): number | undefined;
  /** Core's ranking reads every document's title once per index (which titles equal a query): known without a read. */
  title: readonly string[];
  date: readonly (string | null)[];
  paper: readonly (string | null)[];
  kind: readonly ArticleKind[];
}

/**
 * A placeholder for an article not read from the database yet: its filter
 * fields and title are known (date, paper, kind, title), and reading its text records it as
 * missing and finds nothing, so the pass is thrown away and run again once
 * the article is loaded.
 */
class Placeholder {
  constructor(readonly id: string, private readonly doc: number, private readonly table: DocTable, private readonly missing: Set<string>) {}
  get paper() { return this.table.paper[this.doc] ?? null; }
  get date() { return this.table.date[this.doc] ?? null; }
  get kind() { return this.table.kind[this.doc]!; }
  private miss<T>(value: T): T {
    this.missing.add(this.id);
    return value;
  }
  get page() { return this.miss(''); }
  get title() { return this.table.title[this.doc] ?? ''; }
  get titleInferred() { return this.miss(false); }
  get subtitle() { return this.miss(null); }
  get section() { return this.miss(null); }
  get byline() { return this.miss(null); }
  get dateline() { return this.miss(null); }
  get source() { return this.miss(null); }
  get paragraphs(): string[] { return this.miss([]); }
  get continues() { return this.miss(null); }
  get continuationOf() { return this.miss(null); }
}

/**
 * A view of the archive for query passes: the articles `lookup` finds, placeholders for the rest. Core keeps
 * per-archive tables (each document's article and squeezed texts), so one such archive serves query after query
 * while none of its passes meets a placeholder; a pass that does is run again on a new one.
 */
export class QueryArchive extends Archive {
  readonly missing = new Set<string>();
  /** The stored articles it handed out: a query run again holds them, whatever the cache dropped meanwhile. */
  readonly got = new Map<string, Article>();

  constructor(private readonly table: DocTable, private readonly lookup: (id: string) => Article | undefined, readonly epoch = 0) {
    super(createBundle([], { name: 'server' }));
  }

  override get(id: string): Article | undefined {
    const article = this.lookup(id);
    if (article) {
      this.got.set(id, article);
      return article;
    }
    const doc = this.table.docOf(id);
    return doc === undefined ? undefined : (new Placeholder(id, doc, this.table, this.missing) as unknown as Article);
  }
}
