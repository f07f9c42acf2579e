/**
 * Character k-gram hashes and winnowing (Schleimer, Wilkerson & Aiken 2003,
 * "Winnowing: local algorithms for document fingerprinting"): of every window
 * of `w` consecutive k-gram hashes keep the minimum, so any shared run of at
 * least k + w − 1 characters is guaranteed a shared fingerprint, while only
 * ~2/(w+1) of the positions are stored.
 */

const BASE = 0x01000193;

/** 32-bit finaliser (MurmurHash3 fmix32): spreads the polynomial hash so window minima are well mixed. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of the k-gram starting at each position: `hashes[i]` covers codes[i, i+k). Empty when shorter than k. */
export function kgramHashes(codes: Uint16Array, k: number): Uint32Array {
  const n = codes.length - k + 1;
  if (n <= 0) return new Uint32Array(0);
  const out = new Uint32Array(n);
  let pow = 1; // BASE^(k-1) mod 2^32
  for (let i = 1; i < k; i++) pow = Math.imul(pow, BASE);
  let h = 0;
  for (let i = 0; i < k; i++) h = (Math.imul(h, BASE) + codes[i]!) | 0;
  out[0] = mix(h);
  for (let i = 1; i < n; i++) {
    h = (h - Math.imul(codes[i - 1]!, pow)) | 0;
    h = (Math.imul(h, BASE) + codes[i + k - 1]!) | 0;
    out[i] = mix(h);
  }
  return out;
}

/**
 * Winnowing: the positions of the selected k-grams (rightmost minimum of each
 * window of `w` hashes, each position once). A text with fewer than `w`
 * k-grams keeps its minimum.
 */
export function winnow(hashes: Uint32Array, w: number): Uint32Array {
  const n = hashes.length;
  if (n === 0) return new Uint32Array(0);
  const out = new Uint32Array(Math.max(1, n));
  let count = 0;
  let last = -1;
  const windows = Math.max(1, n - w + 1);
  for (let start = 0; start < windows; start++) {
    const end = Math.min(n, start + w);
    let min = start;
    if (last >= start) {
      // the previous minimum is still in the window: only the new right edge can beat it
      min = hashes[end - 1]! <= hashes[last]! ? end - 1 : last;
    } else {
      for (let i = start + 1; i < end; i++) if (hashes[i]! <= hashes[min]!) min = i;
    }
    if (min !== last) {
      out[count++] = min;
      last = min;
    }
  }
  return out.subarray(0, count);
}
