import type { Archive } from '../archive.js';
import { prepareMatcher } from '../matcher/index.js';
import { runSteps, runStepsInSlices, yieldToHost } from '../host.js';
import { findConflicts, type Conflict, type ConflictOptions } from './conflicts.js';
import { prepareFingerprintIndex } from './fingerprint-index.js';
import { prepareFactIndex } from './fact-index.js';
import { getPersonDirectory } from './people.js';
import { prepareDraft } from './prepared-draft.js';
import { prepareRelated, rankRelated, type RelatedArticle } from './related.js';
import { findReuse, type ReusedPassage, type ReuseOptions } from './reuse.js';

export type { Conflict } from './conflicts.js';
export type { ConflictReason } from './conflict.js';
export type { RelatedArticle, RelatedReason } from './related.js';
export type { ReusedPassage } from './reuse.js';

export interface XrefReport {
  related: RelatedArticle[];
  reused: ReusedPassage[];
  conflicts: Conflict[];
}

export interface XrefOptions extends ReuseOptions, ConflictOptions {
  /** Related articles returned (default 10). */
  relatedLimit?: number;
  /**
   * Also search the archive for the draft's headline to rank related articles
   * (default false: on a 20,000-story archive the search index takes over a
   * minute to build when the bundle has no search section, and each query tens
   * of milliseconds — more than the whole cross-reference).
   */
  search?: boolean;
  /** Treat the draft as Markdown and ignore its syntax (default true; plain text is unaffected). */
  markdown?: boolean;
}

/**
 * Checks a draft (plain text or Markdown) against the archive: related
 * articles, passages that repeat archive text, and titles and numbers that
 * contradict it. Offsets are UTF-16 offsets into `draft` exactly as given.
 */
export function crossReference(archive: Archive, draft: string, options: XrefOptions = {}): XrefReport {
  return runSteps(crossReferenceSteps(archive, draft, options));
}

/**
 * The same, yielding to the event loop between its phases when one took 10 ms
 * or more: the first check of a 5,000-character draft against xwlb took
 * 70–110 ms in one piece in Node (~200–270 ms in a busy VS Code extension
 * host). The same phases in the same order: the same report.
 */
export function crossReferenceAsync(archive: Archive, draft: string, options: XrefOptions = {}): Promise<XrefReport> {
  return runStepsInSlices(crossReferenceSteps(archive, draft, options));
}

function* crossReferenceSteps(archive: Archive, draft: string, options: XrefOptions): Generator<void, XrefReport> {
  if (typeof draft !== 'string') throw new TypeError('crossReference: the draft must be a string');
  // Folded, masked, normalised, scanned for figures and terms once: each check below reads this.
  const prepared = prepareDraft(archive, draft, options.markdown !== false);
  yield;
  const reuse = findReuse(archive, prepared, options);
  yield;
  const conflicts = findConflicts(archive, prepared, reuse, options);
  yield;
  const related = rankRelated(archive, prepared, reuse, conflicts, options.relatedLimit ?? 10, options.search ?? false);
  return { related, reused: reuse.reused, conflicts };
}

/**
 * A small draft made from the archive (an article from the middle: its title
 * as a heading, its first paragraphs, a sentence with a year and a number),
 * checked once when preparing: the first real check otherwise paid for V8
 * compiling the xref code and the per-archive tables built on first use
 * (74 → 48–54 ms for the bench's first check on xwlb in Node). Those are
 * caches whose contents do not depend on the draft that filled them.
 */
function warmUpDraft(archive: Archive): string | null {
  const a = archive.articles[Math.floor(archive.articles.length / 2)];
  if (!a) return null;
  return [`# ${a.title}`, ...a.paragraphs.slice(0, 3), '记者了解到，2023年当地新增就业岗位1200个，同比增长5.2%。'].join('\n\n');
}

/**
 * Builds ahead what the first `crossReference` would otherwise build in one
 * blocking piece (the fingerprint index: ~2 s on the 19,876-story xwlb archive),
 * yielding to the event loop between slices. Hosts call it after loading an
 * archive; a check that comes first still works (it builds what it needs).
 */
export function prepareCrossReference(archive: Archive): Promise<void> {
  // One preparation per archive: hosts await this before every check, which must then cost nothing.
  let ready = prepared.get(archive);
  if (!ready) {
    ready = (async () => {
      await prepareMatcher(archive);
      getPersonDirectory(archive);
      await yieldToHost();
      await prepareFingerprintIndex(archive);
      await prepareFactIndex(archive);
      await prepareRelated(archive);
      const draft = warmUpDraft(archive);
      if (draft) await crossReferenceAsync(archive, draft);
    })();
    prepared.set(archive, ready);
    ready.catch(() => prepared.delete(archive)); // a failed preparation may be tried again
  }
  return ready;
}

const prepared = new WeakMap<Archive, Promise<void>>();
