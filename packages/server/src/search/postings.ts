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
