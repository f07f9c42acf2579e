import type { Article } from '../article.js';

/**
 * The archive bundle: one JSON document holding everything an archive needs at
 * run time. It is a public contract (users keep bundles built by `jianbao
 * build`), so:
 * - `format` names the file type; `version` is bumped whenever an existing
 *   field changes meaning or shape, and `migrate.ts` upgrades older versions;
 * - sections added later (search index, lexicon, matcher) are optional fields:
 *   a bundle without one is still valid and the section is rebuilt from the
 *   articles on load;
 * - version 2 adds `checksums` (see checksum.ts): written by serializeBundle,
 *   verified when a bundle is read from text. Version 1 bundles load
 *   unverified (migrate.ts).
 * - version 3 adds each article's `pageNumber` (版次); older bundles get it
 *   from the page's file name where that states one (migrate.ts).
 */
export const BUNDLE_FORMAT = 'jianbao-archive';
export const BUNDLE_VERSION = 3;

/**
 * The largest bundle, in bytes of UTF-8 JSON, a host inflates or reads
 * (256 MiB: the 3,000-day xwlb archive is ~70 MB). Hosts stop a gzip stream
 * here with a one-line refusal, before building a string: a 10 MB gzip bomb
 * inflating to gigabytes ended in "Cannot create a string longer than …".
 */
export const MAX_BUNDLE_BYTES = 256 * 1024 * 1024;

export interface BundleMeta {
  /** Human-readable archive name, e.g. the folder it was built from. */
  name: string;
  articleCount: number;
  /** Papers present, for filters and the status bar. */
  papers: string[];
  /** Earliest and latest issue dates (ISO), null when unknown. */
  dateRange: [string, string] | null;
  /** What built it, e.g. `jianbao 0.1.0`. */
  generator: string;
}

export interface Bundle {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  /** `{ hash: "fnv1a-32", articles, search?, lexicon?, matcher? }`: hex checksums of each member's JSON text. */
  checksums?: Record<string, string>;
  meta: BundleMeta;
  articles: Article[];
  /** Optional sections, each owned by its module (search, lexicon, matcher). */
  [section: string]: unknown;
}
