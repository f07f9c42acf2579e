import { SearchIndex, normalizeForSearch, tokenizeNormalized } from '@jianbao/core';
import { decodePostings, type DecodedPostings } from './postings.js';

/** A term whose postings must be read before the query can go on (thrown where a partial answer would be cached). */
export class PostingsMiss extends Error {
  constructor(readonly term: string) {
    super(`postings of ${term} not loaded`);
  }
}

const EMPTY: DecodedPostings = { docs: [new Uint32Array(0), new Uint32Array(0), new Uint32Array(0)], tfs: [new Uint16Array(0), new Uint16Array(0), new Uint16Array(0)] };

/**
 * Core's SearchIndex over the in-memory skeleton (documents, lengths,
 * vocabulary, per-field document counts: see skeleton.ts) whose postings come
 * from the database. Core's ranking runs on it unchanged. A query reads the
 * postings it is known to need first; a posting asked for that is not loaded
 * is recorded (and the pass's answer thrown away) — or, inside the one-
 * character expansion whose merged result core caches, thrown — and the query
 * is run again once it is loaded. A pass with no miss computed exactly what
 * core computes over the whole index.
 */
export class RemoteIndex extends SearchIndex {
  /** Decoded postings by term, least recently used first. */
  private readonly loaded = new Map<string, DecodedPostings>();
  private loadedEntries = 0;
  /** Terms asked for in the current pass that were not loaded. */
  readonly missing = new Set<string>();
  static MAX_LOADED_ENTRIES = 1 << 23;

  static of(base: SearchIndex): RemoteIndex {
    return new RemoteIndex(base.docs, base.lengths, base.terms, base.starts, base.bytes, base.wholeTerms);
  }

  has(term: string): boolean {
    return this.loaded.has(term);
  }

  /** Terms a query in flight has loaded, by how many such queries: never evicted until they finish (else concurrent queries evict each other's postings and none settles). */
  private readonly pinned = new Map<string, number>();

  pin(terms: Iterable<string>): void {
    for (const t of terms) this.pinned.set(t, (this.pinned.get(t) ?? 0) + 1);
  }

  unpin(terms: Iterable<string>): void {
    for (const t of terms) {
      const n = (this.pinned.get(t) ?? 1) - 1;
      if (n > 0) this.pinned.set(t, n);
      else this.pinned.delete(t);
    }
  }

  store(term: string, data: Uint8Array): void {
    const decoded = decodePostings(data);
    const size = decoded.docs[0]!.length + decoded.docs[1]!.length + decoded.docs[2]!.length;
    this.loaded.set(term, decoded);
    this.loadedEntries += size;
    for (const [old, p] of this.loaded) {
      if (this.loadedEntries <= RemoteIndex.MAX_LOADED_ENTRIES || old === term) break;
      if (this.pinned.has(old)) continue;
      this.loaded.delete(old);
      this.loadedEntries -= p.docs[0]!.length + p.docs[1]!.length + p.docs[2]!.length;
    }
  }

  override postings(termIndex: number): DecodedPostings {
    const term = this.terms.get(termIndex);
    const hit = this.loaded.get(term);
    if (!hit) {
      this.missing.add(term);
      return EMPTY;
    }
    this.loaded.delete(term);
    this.loaded.set(term, hit);
    return hit;
  }

  override visitPostings(termIndex: number, visit: (field: number, doc: number, tf: number, fieldCount: number) => void): void {
    const term = this.terms.get(termIndex);
    const hit = this.loaded.get(term);
    if (!hit) throw new PostingsMiss(term);
    for (let field = 0; field < 3; field++) {
      const docs = hit.docs[field]!;
      const tfs = hit.tfs[field]!;
      for (let i = 0; i < docs.length; i++) visit(field, docs[i]!, tfs[i]!, docs.length);
    }
  }

  /**
   * The terms a query will read, as far as can be told before running it:
   * the analyser's tokens of each space-separated part and of the parts run
   * together (core joins lone characters to their neighbours), and for each
   * single character, every term core expands it to.
   */
  termsFor(query: string): string[] {
    const parts = query.split(/[\s\u3000]+/).filter(Boolean);
    const out = new Set<string>();
    for (const text of [...parts, parts.join('')]) {
      for (const token of tokenizeNormalized(normalizeForSearch(text).text, { terms: this.wholeTerms })) {
        if (this.find(token.term) >= 0) out.add(token.term);
        if (token.term.length === 1) for (const t of this.expansion(token.term)) out.add(t);
      }
    }
    return [...out];
  }

  /** Every term a single character stands for in core's scoring: itself, the terms it starts, the bigrams it ends. */
  expansion(char: string): string[] {
    const out: string[] = [];
    const exact = this.find(char);
    if (exact >= 0) out.push(char);
    const [lo, hi] = this.prefixRange(char);
    for (let i = lo; i < hi; i++) if (i !== exact) out.push(this.terms.get(i));
    const { joined } = this.terms;
    for (let at = joined.indexOf(char); at >= 0; at = joined.indexOf(char, at + 1)) {
      const startsTerm = at === 1 || (at > 1 && joined[at - 2] === '\n');
      const endsTerm = at + 1 === joined.length || joined[at + 1] === '\n';
      if (startsTerm && endsTerm && joined[at - 1] !== '\n') out.push(joined.slice(at - 1, at + 1));
    }
    return out;
  }
}
