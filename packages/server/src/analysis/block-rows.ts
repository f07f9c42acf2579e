import { buildSearchIndex, type Article } from '@jianbao/core';
import { decodePostings, encodePostings, termPostings } from '../search/postings.js';

/** The postings rows of a block no stored row covers (new documents only), as a worker sends them back. */
export interface BlockRows {
  /** 3 per document, in the order given. */
  lengths: Uint32Array;
  terms: string[];
  /** Per term, its per-field document counts (3 each). */
  counts: Uint32Array;
  /** Per term, its row (core's encoding, global document numbers): bytes[starts[i], starts[i + 1]). */
  bytes: Uint8Array;
  starts: Uint32Array;
}

/**
 * Core's analyser over a block's new documents (numbered `docs`, ascending), each term's entries renumbered to the
 * archive's document numbers: what the block-by-block update writes for a block that had no rows.
 */
export function blockRows(articles: readonly Article[], docs: readonly number[], wholeTerms: readonly string[]): BlockRows {
  const index = buildSearchIndex(articles, { terms: wholeTerms });
  const n = index.terms.length;
  const terms: string[] = new Array<string>(n);
  const counts = new Uint32Array(n * 3);
  const parts: Uint8Array[] = new Array<Uint8Array>(n);
  const starts = new Uint32Array(n + 1);
  let size = 0;
  for (let i = 0; i < n; i++) {
    terms[i] = index.terms.get(i);
    const p = decodePostings(termPostings(index, i));
    for (let f = 0; f < 3; f++) {
      const local = p.docs[f]!;
      for (let k = 0; k < local.length; k++) local[k] = docs[local[k]!]!;
      counts[i * 3 + f] = local.length;
    }
    parts[i] = encodePostings(p);
    starts[i] = size;
    size += parts[i]!.length;
  }
  starts[n] = size;
  const bytes = new Uint8Array(size);
  for (let i = 0; i < n; i++) bytes.set(parts[i]!, starts[i]!);
  return { lengths: Uint32Array.from(index.lengths), terms, counts, bytes, starts };
}
