import type { Article } from './article.js';
import type { Bundle, BundleMeta } from './bundle/format.js';
import { parseBundle } from './bundle/load.js';

/** A loaded archive: the bundle's articles with lookups. Feature modules (search, lexicon, xref) take one of these. */
export class Archive {
  readonly articles: readonly Article[];
  readonly meta: BundleMeta;
  private readonly byId: Map<string, Article>;

  constructor(readonly bundle: Bundle) {
    this.articles = bundle.articles;
    this.meta = bundle.meta;
    this.byId = new Map(bundle.articles.map((a) => [a.id, a]));
  }

  get(id: string): Article | undefined {
    return this.byId.get(id);
  }

  /** An article by its id or an unambiguous id prefix (at least 4 characters), as users type them. */
  resolve(idOrPrefix: string): Article {
    const exact = this.byId.get(idOrPrefix);
    if (exact) return exact;
    const matches = idOrPrefix.length >= 4 ? this.articles.filter((a) => a.id.startsWith(idOrPrefix)) : [];
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) throw new Error(`article id "${idOrPrefix}" is ambiguous: ${matches.map((a) => a.id).join(', ')}`);
    throw new Error(`no article with id "${idOrPrefix}" in archive ${this.meta.name}`);
  }
}

/** Loads an archive from bundle text or an already-parsed bundle object. */
export function loadArchive(input: string | unknown): Archive {
  return new Archive(parseBundle(input));
}
