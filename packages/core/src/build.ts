import type { Article } from './article.js';
import { createBundle } from './bundle/create.js';
import type { Bundle } from './bundle/format.js';
import { parsePages, type Manifest, type PageInput } from './parse/index.js';
import { buildSearchIndex } from './search/search-index.js';
import { buildLexicon, lexiconSection, type LexiconEdit } from './lexicon/index.js';
import { buildMatcherSection } from './matcher/matcher.js';
import { matcherEntries, searchTermsOf } from './lexicon/build.js';
import { pushAll } from './arrays.js';

export interface BuildOptions {
  name: string;
  manifest?: Manifest;
  /** Called as pages are parsed, for progress on large folders. */
  onProgress?: (done: number, total: number) => void;
  /** User edits to the lexicon (`terms.txt` beside the pages, parsed with `parseLexiconEdits`). */
  lexiconEdits?: readonly LexiconEdit[];
  /** Non-fatal notes, e.g. an edit naming a term the archive does not have. */
  onWarning?: (message: string) => void;
  /** Leave out the lexicon and matcher sections (they are rebuilt on load). */
  skipLexicon?: boolean;
}

/**
 * Builds a bundle from pages or ready-made articles. The one place that
 * decides what goes into a bundle: each feature (search index, lexicon,
 * matcher) adds its section here.
 */
export function buildBundle(input: { pages?: PageInput[]; articles?: Article[] }, options: BuildOptions): Bundle {
  const articles = [...(input.articles ?? [])];
  if (input.pages?.length) pushAll(articles, parsePages(input.pages, options.manifest));
  options.onProgress?.(articles.length, articles.length);
  const bundle = createBundle(articles, { name: options.name });
  let wholeTerms: string[] = [];
  if (!options.skipLexicon) {
    const terms = buildLexicon(bundle.articles, { edits: options.lexiconEdits, onWarning: options.onWarning });
    bundle.lexicon = lexiconSection(terms);
    const entries = matcherEntries(terms);
    bundle.matcher = buildMatcherSection(entries);
    // The lexicon's names and aliases become whole search tokens besides the bigrams.
    wholeTerms = searchTermsOf(terms);
  }
  // Section `search`: the serialised index, so opening an archive does not re-analyse every article.
  bundle.search = buildSearchIndex(bundle.articles, { terms: wholeTerms }).toSection();
  return bundle;
}
