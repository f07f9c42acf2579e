import type { Article } from './article.js';
import { createBundle } from './bundle/create.js';
import type { Bundle } from './bundle/format.js';
import { runSteps, runStepsInSlices } from './host.js';
import { parsePagesSteps, type Manifest, type PageInput } from './parse/index.js';
import { buildSearchIndexSteps } from './search/search-index.js';
import { readingTableSteps } from './search/readings.js';
import { buildLexiconSteps, lexiconSection, type LexiconEdit } from './lexicon/index.js';
import { buildMatcherSection } from './matcher/matcher.js';
import { matcherEntries, searchTermsOf } from './lexicon/build.js';

export interface BuildOptions {
  name: string;
  manifest?: Manifest;
  /** Called as pages are parsed, for progress on large folders. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Progress through every phase of the build (parse, lexicon, matcher, search), for a host's progress bar:
   * `done` of `total` pages (parse) or articles (the others; lexicon and search count their steps and scale
   * them to articles, so `done` is an estimate there). Called often: throttle in the host.
   */
  onPhase?: (phase: BuildPhase, done: number, total: number) => void;
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

export type BuildPhase = 'parse' | 'lexicon' | 'matcher' | 'search';

// Steps (yields) per article in buildLexiconSteps and buildSearchIndexSteps, measured on the seed pages and
// 1,500 xwlb stories: 10.0–10.1 for the lexicon (ten passes over the articles), 1.02–1.09 for search.
const LEXICON_STEPS_PER_ARTICLE = 10;
const SEARCH_STEPS_PER_ARTICLE = 1.02;

/** Runs steps, reporting progress as `done` of `total` from the steps taken of about `expected` (never 100% before the end). */
function* tracked<T>(steps: Generator<void, T>, phase: BuildPhase, total: number, expected: number, report?: BuildOptions['onPhase']): Generator<void, T> {
  if (!report) return yield* steps;
  report(phase, 0, total);
  for (let taken = 1; ; taken++) {
    const step = steps.next();
    if (step.done) {
      report(phase, total, total);
      return step.value;
    }
    report(phase, Math.min(total - 1, Math.floor((taken / Math.max(1, expected)) * total)), total);
    yield;
  }
}

function* buildSteps(input: { pages?: PageInput[]; articles?: Article[] }, options: BuildOptions): Generator<void, Bundle> {
  const articles = [...(input.articles ?? [])];
  const report = options.onPhase;
  if (input.pages?.length) {
    const pages = input.pages.length;
    for (const a of yield* tracked(parsePagesSteps(input.pages, options.manifest), 'parse', pages, pages, report)) articles.push(a);
  }
  options.onProgress?.(articles.length, articles.length);
  const bundle = createBundle(articles, { name: options.name });
  yield;
  let wholeTerms: string[] = [];
  if (!options.skipLexicon) {
    const n = bundle.articles.length;
    const terms = yield* tracked(buildLexiconSteps(bundle.articles, { edits: options.lexiconEdits, onWarning: options.onWarning }), 'lexicon', n, n * LEXICON_STEPS_PER_ARTICLE, report);
    report?.('matcher', 0, n);
    bundle.lexicon = lexiconSection(terms);
    const entries = matcherEntries(terms);
    yield;
    bundle.matcher = buildMatcherSection(entries);
    report?.('matcher', n, n);
    yield;
    // The lexicon's names and aliases become whole search tokens besides the bigrams.
    wholeTerms = searchTermsOf(terms);
  }
  // Section `search`: the serialised index, so opening an archive does not re-analyse every article.
  const count = bundle.articles.length;
  const index = yield* tracked(buildSearchIndexSteps(bundle.articles, { terms: wholeTerms }), 'search', count, count * SEARCH_STEPS_PER_ARTICLE, report);
  yield;
  // The no-hit readings' tables (names by sound, characters by syllable) go in the section too: derived from
  // the index with pinyin-pro, they were ~300 ms of every load of the xwlb sample.
  yield* readingTableSteps(index);
  bundle.search = index.toSection();
  return bundle;
}
