/**
 * The page parser: OCR'd newspaper pages → articles.
 *
 * Pipeline: tokenize (join OCR line breaks, recognise display lines) →
 * detect the layout → assemble articles (layout-leading.ts for markdown and
 * plain pages, layout-trailing.ts for pages whose headlines follow their
 * bodies) → cleanup (repeated paragraphs, orphaned tails) → infer paper and
 * date (infer-meta.ts; the manifest overrides) → Article fields.
 *
 * Text policy: `paragraphs` keep the printed text (OCR line breaks joined,
 * OCR spacing such as `2 月 13 日` kept for display); `searchableText()`
 * gives the folded form that search, lexicon and xref index. Display lines
 * (title, subtitle, section, byline) lose typesetting letter-spacing.
 * Sub-heads inside features stay in the article as their own paragraphs.
 */
import type { Article } from '../article.js';
import { articleId, dedupeIds } from '../id.js';
import { reattachTails } from './cleanup.js';
import { linkContinuations } from './continuation.js';
import { detectLayout, type Layout } from './detect-layout.js';
import { finalizeDraft, reprintSource } from './finalize.js';
import { inferMeta, type InferredMeta } from './infer-meta.js';
import { assembleLeading } from './layout-leading.js';
import { assembleTrailing } from './layout-trailing.js';
import { tokenize } from './tokens.js';
import { sanitizePageText } from './sanitize.js';
import { validateManifest } from './manifest.js';
import { pageNumberFromName } from './page-number.js';
import { runSteps } from '../host.js';
import type { Manifest, PageInput, PageMeta } from './types.js';

export type { Manifest, PageInput, PageMeta } from './types.js';
export type { Layout } from './detect-layout.js';
export type { InferredMeta } from './infer-meta.js';
export { searchableText } from './text.js';
export { inferMeta } from './infer-meta.js';
export { validateManifest, ManifestError } from './manifest.js';

export interface ParsedPage {
  layout: Layout;
  inferred: InferredMeta;
  articles: Article[];
}

/** Parses one page, with the layout and the inferred metadata (before the manifest's overrides). */
export function parsePageDetailed(page: PageInput, meta: PageMeta = {}): ParsedPage {
  if (typeof page.text !== 'string') throw new TypeError(`page ${page.name}: text must be a string`);
  const tokens = tokenize(sanitizePageText(page.text));
  const layout = detectLayout(tokens);
  const drafts = layout === 'trailing' ? assembleTrailing(tokens) : assembleLeading(tokens, layout === 'markdown');
  if (layout !== 'trailing') reattachTails(drafts);
  const kept = drafts.filter((d) => d.paragraphs.length || d.heads.length);
  const inferred = inferMeta(
    kept.map((d) => ({ paragraphs: [...d.heads.map((h) => h.text), ...d.paragraphs], reprint: reprintSource(d, null) !== null && !d.bylines.some((b) => /^本报/.test(b)) })),
  );
  const paper = meta.paper ?? inferred.paper;
  const date = meta.date ?? inferred.date;
  const pageNumber = meta.pageNumber !== undefined ? String(meta.pageNumber) : pageNumberFromName(page.name);
  const articles = kept.map((draft, ordinal): Article => {
    const fields = finalizeDraft(draft, layout, paper, date);
    return { id: articleId(page.name, ordinal, fields.title), paper, date, page: page.name, pageNumber, ...fields };
  });
  return { layout, inferred, articles };
}

export function parsePage(page: PageInput, meta: PageMeta = {}): Article[] {
  return parsePageDetailed(page, meta).articles;
}

/**
 * Parses a set of pages (in file-name order) into one list of articles with
 * unique ids, continuation links resolved. Throws ManifestError on a bad manifest.
 */
export function parsePages(pages: PageInput[], manifest: Manifest = {}): Article[] {
  return runSteps(parsePagesSteps(pages, manifest));
}

/** parsePages as resumable steps (a page each), for runStepsInSlices. */
export function* parsePagesSteps(pages: PageInput[], manifest: Manifest = {}): Generator<void, Article[]> {
  validateManifest(manifest);
  const sorted = [...pages].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const parsed: Article[] = [];
  for (const p of sorted) {
    for (const a of parsePage(p, manifest.pages?.[p.name])) parsed.push(a);
    yield;
  }
  const articles = dedupeIds(parsed);
  const pageNumbers = new Map<string, number>();
  for (const p of sorted) {
    const n = manifest.pages?.[p.name]?.pageNumber;
    if (typeof n === 'number') pageNumbers.set(p.name, n);
  }
  linkContinuations(articles, pageNumbers);
  return articles;
}
