import { toContractArticle, type Article } from '../article.js';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type Bundle } from './format.js';
import { CHECKSUM_HASH, checksumOfText } from './checksum.js';
import { CHECKED_SECTIONS } from './sections.js';

export const GENERATOR = 'jianbao 0.1.0';

export interface CreateBundleOptions {
  name: string;
}

/** Assembles a bundle from parsed articles. Deterministic: same articles, same bytes. */
export function createBundle(articles: Article[], options: CreateBundleOptions): Bundle {
  const contract = articles.map(toContractArticle);
  const papers = [...new Set(contract.map((a) => a.paper).filter((p): p is string => !!p))].sort();
  const dates = contract.map((a) => a.date).filter((d): d is string => !!d).sort();
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    meta: {
      name: options.name,
      articleCount: contract.length,
      papers,
      dateRange: dates.length ? [dates[0]!, dates[dates.length - 1]!] : null,
      generator: GENERATOR,
    },
    articles: contract,
  };
}

/**
 * The bundle's JSON text (format 2): what JSON.stringify writes, each member
 * serialised once, followed by `checksums` — one per section (the articles
 * and each of search, lexicon, matcher present) over that member's text.
 */
export function serializeBundle(bundle: Bundle): string {
  return [...bundlePieces(bundle)].join('');
}

/**
 * serializeBundle's text in pieces, one member at a time (joined, they are that text): a writer that streams them
 * holds one member's JSON at a time, not the whole text twice over (the members, then the joined string) and its
 * bytes — on the 19,876-story xwlb archive that was most of `jianbao build`'s peak memory.
 */
export function* bundlePieces(bundle: Bundle): Generator<string, void> {
  const checksums: Record<string, string> = { hash: CHECKSUM_HASH };
  let first = true;
  for (const [key, value] of Object.entries({ ...bundle, version: BUNDLE_VERSION })) {
    if (key === 'checksums') continue;
    const text = JSON.stringify(value) as string | undefined;
    if (text === undefined) continue;
    if (CHECKSUMMED.has(key)) checksums[key] = checksumOfText(text);
    yield `${first ? '{' : ','}${JSON.stringify(key)}:`;
    yield text;
    first = false;
  }
  yield `${first ? '{' : ','}"checksums":${JSON.stringify(checksums)}}`;
}

/** The sections that carry a checksum: the articles, and the optional sections (rebuilt when theirs does not match). */
export const CHECKSUMMED: ReadonlySet<string> = new Set(['articles', ...CHECKED_SECTIONS]);
