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

/** The hash the scan computes: `pairHash >>> pairShift` and `(pairHash ^ Math.imul(c, THIRD_MULTIPLIER)) >>> tripleShift`. */
const pairHash = (a: number, b: number) => Math.imul((a << 16) | b, PAIR_MULTIPLIER);

/**
 * Builds the filter from a loaded double array: states of depth 2 with their
 * own form, and every state of depth 3, found through their check (parent)
 * links. `symOf` maps raw code units to symbols; its inverse gives each
 * symbol's raw variants.
 */
export function buildStartFilter(
  symOf: Uint16Array,
  alphabetSize: number,
  base: Int32Array,
  check: Int32Array,
  depth: Uint8Array,
  ownForm: (state: number) => boolean,
): StartFilter {
  const firstVariant = new Int32Array(alphabetSize + 1).fill(-1);
  const nextVariant = new Int32Array(0x10000).fill(-1);
  for (let c = 0xffff; c >= 0; c--) {
    const sym = symOf[c]!;
    if (sym === 0) continue;
    nextVariant[c] = firstVariant[sym]!;
    firstVariant[sym] = c;
  }
  const variants = (sym: number) => {
    let k = 0;
    for (let c = firstVariant[sym]!; c >= 0; c = nextVariant[c]!) k++;
    return k;
  };
  const symbolOf = (state: number) => state - base[check[state]!]!;

  // Size each bitset to its number of entries (about 1/64 and 1/32 full), within cache-friendly bounds.
  let pairEntries = 0;
  let tripleEntries = 0;
  const n = check.length;
  for (let t = 1; t < n; t++) {
    const d = depth[t]!;
    if (check[t]! < 0 || (d !== 2 && d !== 3)) continue;
    if (d === 2) {
      if (ownForm(t)) pairEntries += variants(symbolOf(check[t]!)) * variants(symbolOf(t));
    } else {
      const p = check[t]!;
      tripleEntries += variants(symbolOf(check[p]!)) * variants(symbolOf(p)) * variants(symbolOf(t));
    }
  }
  const pairBits = bitsFor(pairEntries * 64, 18);
  const tripleBits = bitsFor(tripleEntries * 32, 20);
  const filter: StartFilter = {
    pairs: new Int32Array(1 << (pairBits - 5)),
    pairShift: 32 - pairBits,
    triples: new Int32Array(1 << (tripleBits - 5)),
    tripleShift: 32 - tripleBits,
  };
  const set = (bits: Int32Array, h: number) => {
    bits[h >> 5]! |= 1 << (h & 31);
  };
  for (let t = 1; t < n; t++) {
    const d = depth[t]!;
    if (check[t]! < 0 || (d !== 2 && d !== 3) || (d === 2 && !ownForm(t))) continue;
    const p = check[t]!;
    const s1 = symbolOf(d === 2 ? p : check[p]!);
    const s2 = symbolOf(d === 2 ? t : p);
    for (let a = firstVariant[s1]!; a >= 0; a = nextVariant[a]!) {
      for (let b = firstVariant[s2]!; b >= 0; b = nextVariant[b]!) {
        const x = pairHash(a, b);
        if (d === 2) {
          set(filter.pairs, x >>> filter.pairShift);
          continue;
        }
        for (let c = firstVariant[symbolOf(t)]!; c >= 0; c = nextVariant[c]!) {
          set(filter.triples, (x ^ Math.imul(c, THIRD_MULTIPLIER)) >>> filter.tripleShift);
        }
      }
    }
  }
  return filter;
}

/** log2 of the bitset size for `wanted` bits: at least 2^10, at most 2^max. */
function bitsFor(wanted: number, max: number): number {
  let bits = 10;
  while (bits < max && 1 << bits < wanted) bits++;
  return bits;
}
