/**
 * Which text positions can start a form, decided per position from the raw
 * code units with one multiply and two bit tests, before any trie step.
 *
 * Why: on Chinese text nearly every character is in the matcher's alphabet,
 * and a plain Aho–Corasick scan pays one or more trie steps (random reads in a
 * ~1 MB double array) per character: 8× a plain char-code loop with the xwlb
 * lexicon. Every form is at least two characters, so a position can only start
 * one if its first two characters are a two-character form, or its first three
 * are the first three of a longer form. Both sets are kept as Bloom-style
 * bitsets hashed over raw code units (every variant that folds to the form's
 * character is inserted, so no fold lookup is needed here). About 2–4% of
 * positions pass falsely; they cost one short trie walk each.
 */
export interface StartFilter {
  /** Bit set for every raw (first, second) code-unit pair of a two-character form. */
  pairs: Int32Array;
  pairShift: number;
  /** Bit set for every raw (first, second, third) code-unit triple that begins a longer form. */
  triples: Int32Array;
  tripleShift: number;
}

export const PAIR_MULTIPLIER = 0x9e3779b1 | 0;
export const THIRD_MULTIPLIER = 0x85ebca77 | 0;

/* The scan's hashes: a pair's is `Math.imul((a << 16) | b, PAIR_MULTIPLIER) >>> pairShift`; a triple's
   XORs `Math.imul(c, THIRD_MULTIPLIER)` into the pair's before shifting by tripleShift. */

/**
 * Builds the filter from a loaded double array: states of depth 2 with their
 * own form, and every state of depth 3, found through their check (parent)
 * links. `symOf` maps raw code units to symbols; its inverse gives each
 * symbol's raw variants. Runs on every page load in a content script, mostly
 * before the JIT has warmed up: plain loops over typed arrays, no closures.
 */
export function buildStartFilter(
  symOf: Uint16Array,
  alphabetSize: number,
  base: Int32Array,
  check: Int32Array,
  depth: Uint8Array,
  /** Per state: 1 when a form ends exactly there. */
  ownForm: Uint8Array,
): StartFilter {
  const firstVariant = new Int32Array(alphabetSize + 1).fill(-1);
  const nextVariant = new Int32Array(0x10000);
  let coded = 0;
  for (let c = 0xffff; c >= 0; c--) {
    const sym = symOf[c]!;
    if (sym === 0) continue;
    nextVariant[c] = firstVariant[sym]!;
    firstVariant[sym] = c;
    coded++;
  }
  const n = check.length;
  let pairStates = 0;
  let tripleStates = 0;
  for (let t = 1; t < n; t++) {
    if (depth[t] === 2) pairStates++;
    else if (depth[t] === 3) tripleStates++;
  }
  // Keys are states × raw variants; about 32 bits per key, within cache-friendly bounds.
  const variantsPerSymbol = alphabetSize ? coded / alphabetSize : 1;
  const pairBits = bitsFor(pairStates * variantsPerSymbol ** 2 * 32, 18);
  const tripleBits = bitsFor(tripleStates * variantsPerSymbol ** 3 * 32, 20);
  const pairs = new Int32Array(1 << (pairBits - 5));
  const pairShift = 32 - pairBits;
  const triples = new Int32Array(1 << (tripleBits - 5));
  const tripleShift = 32 - tripleBits;
  for (let t = 1; t < n; t++) {
    const d = depth[t]!;
    const p = check[t]!;
    if (p < 0 || (d !== 2 && d !== 3) || (d === 2 && ownForm[t] === 0)) continue;
    const q = d === 2 ? 0 : check[p]!; // the grandparent: the root for a pair, the first character's state for a triple
    if (q < 0) continue;
    const s1 = d === 2 ? p - base[0]! : q - base[0]!;
    const s2 = d === 2 ? t - base[p]! : p - base[q]!;
    const s3 = t - base[p]!;
    for (let a = firstVariant[s1] ?? -1; a >= 0; a = nextVariant[a]!) {
      for (let b = firstVariant[s2] ?? -1; b >= 0; b = nextVariant[b]!) {
        const x = Math.imul((a << 16) | b, PAIR_MULTIPLIER);
        if (d === 2) {
          const h = x >>> pairShift;
          pairs[h >> 5]! |= 1 << (h & 31);
          continue;
        }
        for (let c = firstVariant[s3] ?? -1; c >= 0; c = nextVariant[c]!) {
          const h = (x ^ Math.imul(c, THIRD_MULTIPLIER)) >>> tripleShift;
          triples[h >> 5]! |= 1 << (h & 31);
        }
      }
    }
  }
  return { pairs, pairShift, triples, tripleShift };
}

/** log2 of the bitset size for `wanted` bits: at least 2^10, at most 2^max. */
function bitsFor(wanted: number, max: number): number {
  let bits = 10;
  while (bits < max && 2 ** bits < wanted) bits++;
  return bits;
}
