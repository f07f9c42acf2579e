import type { Article } from './article.js';
import type { Bundle, BundleMeta } from './bundle/format.js';
import { parseBundle, parseBundleAsync, parseBundlePiecesAsync, type ParseBundleOptions } from './bundle/load.js';

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
    const shown = quoteId(idOrPrefix);
    if (!idOrPrefix.trim()) throw new Error('the article id is empty');
    const matches = idOrPrefix.length >= 4 ? this.articles.filter((a) => a.id.startsWith(idOrPrefix)) : [];
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) {
      const list = matches.slice(0, 5).map((a) => a.id).join(', ');
      throw new Error(`article id ${shown} is ambiguous: ${list}${matches.length > 5 ? ` and ${matches.length - 5} more` : ''}`);
    }
    const hint = idOrPrefix.length < 4 ? ' (a prefix needs at least 4 characters)' : '';
    throw new Error(`no article with id ${shown} in archive ${this.meta.name}${hint}`);
  }
}

/** An id as typed, for an error message: JSON-quoted (control and bidi characters escaped), cut short when long. */
function quoteId(id: string): string {
  const short = id.length > 40 ? `${id.slice(0, 40)}…` : id;
  return JSON.stringify(short).replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/**
 * Loads an archive from bundle text or an already-parsed bundle object.
 * Throws BundleError (one-line message) for a bundle that cannot be used; a
 * damaged optional section is dropped (rebuilt lazily) and reported through
 * `options.onWarning`.
 */
export function loadArchive(input: string | unknown, options: ParseBundleOptions = {}): Archive {
  return new Archive(parseBundle(input, options));
}

/** loadArchive in slices that yield to the event loop (see parseBundleAsync): for hosts with a UI. */
export async function loadArchiveAsync(input: string | unknown, options: ParseBundleOptions = {}): Promise<Archive> {
  return new Archive(await parseBundleAsync(input, options));
}

/** The same from a bundle's text in pieces (parseBundlePiecesAsync): hosts that decode a large bundle as a stream. */
export async function loadArchivePiecesAsync(pieces: readonly string[], options: ParseBundleOptions = {}): Promise<Archive> {
  return new Archive(await parseBundlePiecesAsync(pieces, options));
}
