import { searchIndexFromSection, type SearchIndex, type SearchSection } from '@jianbao/core';
import { encodeVarints } from './postings.js';

/**
 * The part of core's search index a server keeps in memory per revision:
 * every document id and field length, the sorted vocabulary, each term's
 * per-field document counts (what BM25's idf, the rarest-first order and the
 * name aids read) and the lexicon's whole terms — but no postings: those stay
 * in the database, one row per term and block, and are read per query.
 * Stored as a core search section whose postings are the headers alone.
 */
export interface SkeletonParts {
  version: number;
  analyzer: string;
  docs: readonly string[];
  /** 3 per document. */
  lengths: Iterable<number>;
  /** The vocabulary, sorted. */
  terms: readonly string[];
  /** Term i's per-field document counts. */
  counts: (i: number) => readonly number[];
  wholeTerms: readonly string[];
}

export function skeletonSection(p: SkeletonParts): SearchSection {
  const headers: number[] = [];
  const sizes: number[] = [];
  for (let i = 0; i < p.terms.length; i++) {
    const bytes = encodeVarints(p.counts(i));
    for (const b of bytes) headers.push(b);
    sizes.push(bytes.length);
  }
  const whole = [...new Set(p.wholeTerms)].sort();
  const base64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  return {
    version: p.version,
    analyzer: p.analyzer,
    docs: [...p.docs],
    lengths: base64(encodeVarints(p.lengths)),
    terms: p.terms.join('\n'),
    sizes: base64(encodeVarints(sizes)),
    postings: base64(Uint8Array.from(headers)),
    ...(whole.length ? { wholeTerms: whole } : {}),
  };
}

/** The skeleton of a built index. */
export function skeletonOf(index: SearchIndex): SearchSection {
  const { version, analyzer } = index.toSection();
  const terms = Array.from({ length: index.terms.length }, (_, i) => index.terms.get(i));
  return skeletonSection({ version, analyzer, docs: index.docs, lengths: index.lengths, terms, counts: (i) => index.fieldCounts(i), wholeTerms: index.wholeTerms });
}

export function indexFromSkeleton(section: SearchSection): SearchIndex {
  return searchIndexFromSection(section);
}
