import type { Article } from './article.js';
import { createBundle } from './bundle/create.js';
import type { Bundle } from './bundle/format.js';
import { parsePages, type Manifest, type PageInput } from './parse/index.js';
import { buildSearchIndex } from './search/search-index.js';

export interface BuildOptions {
  name: string;
  manifest?: Manifest;
  /** Called as pages are parsed, for progress on large folders. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Builds a bundle from pages or ready-made articles. The one place that
 * decides what goes into a bundle: each feature (search index, lexicon,
 * matcher) adds its section here.
 */
export function buildBundle(input: { pages?: PageInput[]; articles?: Article[] }, options: BuildOptions): Bundle {
  const articles = [...(input.articles ?? [])];
  if (input.pages?.length) articles.push(...parsePages(input.pages, options.manifest));
  options.onProgress?.(articles.length, articles.length);
  const bundle = createBundle(articles, { name: options.name });
  // Section `search`: the serialised index, so opening an archive does not re-analyse every article.
  bundle.search = buildSearchIndex(bundle.articles).toSection();
  return bundle;
}
