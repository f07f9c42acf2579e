import type { Article } from './article.js';
import { createBundle } from './bundle/create.js';
import type { Bundle } from './bundle/format.js';
import { runSteps, runStepsInSlices } from './host.js';
import { parsePagesSteps, type Manifest, type PageInput } from './parse/index.js';
import { buildSearchIndexSteps } from './search/search-index.js';
import { buildLexiconSteps, lexiconSection, type LexiconEdit } from './lexicon/index.js';
import { buildMatcherSection } from './matcher/matcher.js';
import { matcherEntries, searchTermsOf } from './lexicon/build.js';

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
  return runSteps(buildSteps(input, options));
}

/**
 * buildBundle in slices that yield to the event loop every `sliceMs`: for a
 * host with a UI (VS Code's folder mode), where building a few hundred pages
 * in one piece froze the extension host for most of a second. Same bundle.
 */
export function buildBundleAsync(input: { pages?: PageInput[]; articles?: Article[] }, options: BuildOptions, sliceMs = 8): Promise<Bundle> {
  return runStepsInSlices(buildSteps(input, options), sliceMs);
}

function* buildSteps(input: { pages?: PageInput[]; articles?: Article[] }, options: BuildOptions): Generator<void, Bundle> {
  const articles = [...(input.articles ?? [])];
  if (input.pages?.length) for (const a of yield* parsePagesSteps(input.pages, options.manifest)) articles.push(a);
  options.onProgress?.(articles.length, articles.length);
  const bundle = createBundle(articles, { name: options.name });
  yield;
  let wholeTerms: string[] = [];
  if (!options.skipLexicon) {
    const terms = yield* buildLexiconSteps(bundle.articles, { edits: options.lexiconEdits, onWarning: options.onWarning });
    bundle.lexicon = lexiconSection(terms);
    const entries = matcherEntries(terms);
    yield;
    bundle.matcher = buildMatcherSection(entries);
    yield;
    // The lexicon's names and aliases become whole search tokens besides the bigrams.
    wholeTerms = searchTermsOf(terms);
  }
  // Section `search`: the serialised index, so opening an archive does not re-analyse every article.
  const index = yield* buildSearchIndexSteps(bundle.articles, { terms: wholeTerms });
  yield;
  bundle.search = index.toSection();
  return bundle;
}
