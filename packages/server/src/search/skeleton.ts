import { searchIndexFromSection, type SearchIndex, type SearchSection } from '@jianbao/core';
import { headerOf, termPostings } from './postings.js';

/**
 * The part of core's search index a server keeps in memory per revision:
 * every document id and field length, the sorted vocabulary, each term's
 * per-field document counts (what BM25's idf, the rarest-first order and the
 * name aids read) and the lexicon's whole terms — but no postings: those stay
 * in the database, one row per term, and are read per query.
 * Stored as a core search section whose postings are the headers alone.
 */
export function skeletonOf(index: SearchIndex): SearchSection {
  const full = index.toSection();
  const headers: Uint8Array[] = [];
  let size = 0;
  const sizes: number[] = [];
  for (let i = 0; i < index.terms.length; i++) {
    const data = termPostings(index, i);
    const h = data.subarray(0, headerOf(data).length);
    headers.push(h);
    sizes.push(h.length);
    size += h.length;
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const h of headers) {
    bytes.set(h, at);
    at += h.length;
  }
  return { ...full, sizes: Buffer.from(encodeVarints(sizes)).toString('base64'), postings: Buffer.from(bytes).toString('base64') };
}

export function indexFromSkeleton(section: SearchSection): SearchIndex {
  return searchIndexFromSection(section);
}

function encodeVarints(values: readonly number[]): Uint8Array {
  const out: number[] = [];
  for (let v of values) {
    while (v >= 0x80) {
      out.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    out.push(v);
  }
  return Uint8Array.from(out);
}
