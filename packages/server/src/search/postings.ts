import type { SearchIndex } from '@jianbao/core';

/**
 * Core's postings encoding (SearchSection.postings), read and split here so
 * the database can hold one term's postings per row: per field the document
 * count, then per field (docDelta·2 + [tf>1], [tf−2]) as varints.
 */

export interface DecodedPostings {
  docs: Uint32Array[];
  tfs: Uint16Array[];
}

function varint(bytes: Uint8Array, pos: { at: number }): number {
  let b = bytes[pos.at++]!;
  let v = b & 0x7f;
  for (let shift = 7; b >= 0x80; shift += 7) {
    b = bytes[pos.at++]!;
    v += (b & 0x7f) * 2 ** shift;
  }
  return v;
}

/** The per-field document counts that start a term's postings, and where they end. */
export function headerOf(bytes: Uint8Array): { counts: [number, number, number]; length: number } {
  const pos = { at: 0 };
  const counts: [number, number, number] = [varint(bytes, pos), varint(bytes, pos), varint(bytes, pos)];
  return { counts, length: pos.at };
}

export function decodePostings(bytes: Uint8Array): DecodedPostings {
  const pos = { at: 0 };
  const counts = [varint(bytes, pos), varint(bytes, pos), varint(bytes, pos)];
  const docs: Uint32Array[] = [];
  const tfs: Uint16Array[] = [];
  for (const count of counts) {
    const d = new Uint32Array(count);
    const t = new Uint16Array(count);
    let doc = 0;
    for (let i = 0; i < count; i++) {
      const v = varint(bytes, pos);
      doc += Math.floor(v / 2);
      d[i] = doc;
      t[i] = v % 2 ? varint(bytes, pos) + 2 : 1;
    }
    docs.push(d);
    tfs.push(t);
  }
  return { docs, tfs };
}

/** Term i's encoded postings inside a built index (a view, not a copy). */
export function termPostings(index: SearchIndex, i: number): Uint8Array {
  return index.bytes.subarray(index.starts[i]!, index.starts[i + 1]!);
}

/**
 * Postings rows are split by document block: row (term, block) holds the
 * term's entries for documents [block·POSTINGS_BLOCK, (block+1)·POSTINGS_BLOCK).
 * An ingest rewrites only the rows of the blocks it touches (a day's new
 * documents land in the last one), so its cost follows the day, not the
 * archive; a term's full postings are its rows merged in block order. Block
 * −1 is a row written before blocks existed (schema 3): any documents.
 * Never change the size without a migration that re-blocks the rows.
 */
export let POSTINGS_BLOCK = 8192;

/** Tests only: small blocks, so a few dozen documents span several. */
export function usePostingsBlockForTests(size: number): void {
  POSTINGS_BLOCK = size;
}
export const LEGACY_BLOCK = -1;

export const blockOf = (doc: number) => Math.floor(doc / POSTINGS_BLOCK);

/** One term's postings from its block rows (any order): core's encoding of the whole list. */
export function mergeBlockRows(rows: readonly { block: number; data: Uint8Array }[]): Uint8Array {
  if (rows.length === 1) return rows[0]!.data;
  const parts = [...rows].sort((a, b) => a.block - b.block).map((r) => decodePostings(r.data));
  const merged: DecodedPostings = { docs: [], tfs: [] };
  for (let f = 0; f < 3; f++) {
    const size = parts.reduce((n, p) => n + p.docs[f]!.length, 0);
    const docs = new Uint32Array(size);
    const tfs = new Uint16Array(size);
    let at = 0;
    for (const p of parts) {
      docs.set(p.docs[f]!, at);
      tfs.set(p.tfs[f]!, at);
      at += p.docs[f]!.length;
    }
    // Blocks are disjoint document ranges in order; only a legacy row (−1) can hold documents of any range.
    if (rows.some((r) => r.block === LEGACY_BLOCK)) {
      const order = Array.from(docs.keys()).sort((x, y) => docs[x]! - docs[y]!);
      merged.docs.push(Uint32Array.from(order, (i) => docs[i]!));
      merged.tfs.push(Uint16Array.from(order, (i) => tfs[i]!));
    } else {
      merged.docs.push(docs);
      merged.tfs.push(tfs);
    }
  }
  return encodePostings(merged);
}

/** Reads the full postings of some terms (all their block rows, merged). */
export async function readPostings(sql: { query<T>(text: string, params?: readonly unknown[]): Promise<T[]> }, terms: readonly string[]): Promise<Map<string, Uint8Array>> {
  const byTerm = new Map<string, { block: number; data: Uint8Array }[]>();
  for (let i = 0; i < terms.length; i += 2000) {
    const rows = await sql.query<{ term: string; block: number; data: Uint8Array }>('SELECT term, block, data FROM postings WHERE term = ANY($1::text[])', [terms.slice(i, i + 2000)]);
    for (const r of rows) {
      let list = byTerm.get(r.term);
      if (!list) byTerm.set(r.term, (list = []));
      list.push(r);
    }
  }
  const out = new Map<string, Uint8Array>();
  for (const [t, rows] of byTerm) out.set(t, mergeBlockRows(rows));
  return out;
}

/** Core's encoding of one term's postings (see SearchSection.postings): per field the count, then (docDelta·2 + [tf>1], [tf−2]). */
export function encodePostings(l: DecodedPostings): Uint8Array {
  const entries = l.docs[0]!.length + l.docs[1]!.length + l.docs[2]!.length;
  const out = new Uint8Array(15 + entries * 8);
  let at = 0;
  const put = (v: number) => {
    while (v >= 0x80) {
      out[at++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    out[at++] = v;
  };
  for (let f = 0; f < 3; f++) put(l.docs[f]!.length);
  for (let f = 0; f < 3; f++) {
    const docs = l.docs[f]!;
    const tfs = l.tfs[f]!;
    let last = 0;
    for (let i = 0; i < docs.length; i++) {
      const tf = tfs[i]!;
      put((docs[i]! - last) * 2 + (tf > 1 ? 1 : 0));
      if (tf > 1) put(tf - 2);
      last = docs[i]!;
    }
  }
  return out.slice(0, at);
}

/** Unsigned varints (LEB128), as core's section fields hold them. */
export function encodeVarints(values: Iterable<number>): Uint8Array {
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
