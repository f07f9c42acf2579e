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
 * character is inserted, so no fold lookup is needed here). About 1% of
 * positions pass falsely (xwlb lexicon and text); they cost one short trie
 * walk each. The bitsets have fixed sizes: a lexicon many times larger than
 * xwlb's fills them, which lets more positions through but never loses a match.
 */
export interface StartFilter {
  /**
   * One array for everything the filter loop touches, laid out at fixed
   * offsets: the triple bitset (2^20 bits, TRIPLE_WORDS words), the pair
   * bitset (2^18 bits, PAIR_WORDS words), then room for one chunk's candidate
   * positions (FILTER_CHUNK words). Why one array at fixed sizes: V8 (Node 20)
   * re-checks each typed array's map and reloads its length and data pointer
   * on every iteration of the filter loop, and keeps variable shift amounts in
   * spilled registers; with one array and literal shifts the loop ran 13.9 →
   * 12.0 ms over 5 M characters of xwlb text (candidates in a separate array:
   * 15.2 ms).
   */
  bits: Int32Array;
}

export const PAIR_MULTIPLIER = 0x9e3779b1 | 0;
export const THIRD_MULTIPLIER = 0x85ebca77 | 0;
/** log2 of each bitset's size in bits; filterChunk shifts by 32 minus these as literals. */
export const PAIR_BITS = 18;
export const TRIPLE_BITS = 20;
const TRIPLE_WORDS = 1 << (TRIPLE_BITS - 5);
const PAIR_WORDS = 1 << (PAIR_BITS - 5);
/** Where the pair bitset starts in `bits` (after the triples). */
const PAIRS_AT = TRIPLE_WORDS;
/** Where filterChunk writes its candidate positions in `bits`. */
export const CANDIDATES_AT = TRIPLE_WORDS + PAIR_WORDS;
/** Most positions filterChunk takes at once. */
export const FILTER_CHUNK = 4096;

/* The hashes: a pair's bit is `Math.imul((a << 16) | b, PAIR_MULTIPLIER) >>> (32 - PAIR_BITS)`. A triple
   XORs `Math.imul(c, THIRD_MULTIPLIER)` into that product, giving y, and sets two bits of one word
   (a blocked Bloom filter): bit (y >>> (32 - TRIPLE_BITS)) & 31 and bit y & 31 of word y >>> (37 - TRIPLE_BITS).
   Why two bits: the xwlb lexicon's 46 k raw triples (every traditional/simplified/width variant) set 4%
   of 2^20 bits, and 4% of all positions passed falsely, each paying a trie walk; with two bits 1% do
   (449 k → 311 k candidates over 5 M characters; scan 23.2 → 22.0 ms though the filter loop alone
   went 11.9 → 13.4 ms). */

/**
 * Writes to bits[CANDIDATES_AT...] every start in [from, stop) whose first two
 * code units may be a two-character form or whose first three may begin a
 * longer one, and returns how many. Branch-free; needs stop - from <=
 * FILTER_CHUNK and stop + 2 <= text.length.
 */
export function filterChunk(text: string, from: number, stop: number, bits: Int32Array): number {
  // Literals, not the named constants: V8 keeps module bindings and variable shifts out of
  // immediates (PAIR_MULTIPLIER, THIRD_MULTIPLIER, 32 - PAIR_BITS = 14, 32 - TRIPLE_BITS = 12,
  // PAIRS_AT = 32768, CANDIDATES_AT = 40960; the matcher tests fail if they drift apart).
  let k = 40960;
  // The current start's first two code units, rolled one unit per step.
  let pair = (text.charCodeAt(from) << 16) | text.charCodeAt(from + 1);
  for (let i = from; i < stop; i = (i + 1) | 0) {
    const c = text.charCodeAt((i + 2) | 0);
    const x = Math.imul(pair, 0x9e3779b1);
    const hp = x >>> 14;
    const y = x ^ Math.imul(c, 0x85ebca77);
    const w = bits[y >>> 17]!; // the triple's word; both of its bits must be set
    bits[k] = i;
    // Shift counts are taken mod 32 by JavaScript (and x86), so `w >> y` tests bit y & 31.
    // `>>` not `>>>`, and `| 0`: the values stay small integers, which V8 keeps unboxed and unchecked.
    k = (k + (((bits[(hp >> 5) + 32768]! >> hp) | ((w >> (y >>> 12)) & (w >> y))) & 1)) | 0;
    pair = (pair << 16) | c;
  }
  return k - 40960;
}

/** Whether a start with only two code units left, a and b, may be a two-character form. */
export function pairMayStart(bits: Int32Array, a: number, b: number): boolean {
  const h = Math.imul((a << 16) | b, PAIR_MULTIPLIER) >>> (32 - PAIR_BITS);
  return ((bits[PAIRS_AT + (h >> 5)]! >> (h & 31)) & 1) !== 0;
}

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
  for (let c = 0xffff; c >= 0; c--) {
    const sym = symOf[c]!;
    if (sym === 0) continue;
    nextVariant[c] = firstVariant[sym]!;
    firstVariant[sym] = c;
  }
  const n = check.length;
  // Fixed sizes (filterChunk shifts by literals): the xwlb lexicon's 46 k raw triples set 4% of the triple bits.
  const bits = new Int32Array(CANDIDATES_AT + FILTER_CHUNK);
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
          const h = x >>> (32 - PAIR_BITS);
          bits[PAIRS_AT + (h >> 5)]! |= 1 << (h & 31);
          continue;
        }
        for (let c = firstVariant[s3] ?? -1; c >= 0; c = nextVariant[c]!) {
          const y = x ^ Math.imul(c, THIRD_MULTIPLIER);
          bits[y >>> (32 - TRIPLE_BITS + 5)]! |= (1 << ((y >>> (32 - TRIPLE_BITS)) & 31)) | (1 << (y & 31));
        }
      }
    }
  }
  return { bits };
}
