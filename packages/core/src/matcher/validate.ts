/**
 * Structural validation of a matcher section's automaton, in one linear pass.
 *
 * Why: base64 and shape checks pass a section whose arrays were altered (one
 * character of `base` changed), and such a section then fails deep in the scan
 * ("automaton state 18 is out of range") or, worse, loads and marks the wrong
 * text. A section that breaks any invariant the builder (automaton.ts,
 * buildMatcherSection) guarantees is damaged: the bundle loader drops it and it
 * is rebuilt from the lexicon (bundle/sections.ts), and loadMatcher refuses it.
 *
 * Invariants checked, for n states:
 * - the root: check[0] = -2, depth 0, base ≥ 0;
 * - every state t ≥ 1 either is free (check -1, out 0, depth 0) or is a
 *   child: its parent p = check[t] is a state, t = base[p] + sym with sym a
 *   symbol of the alphabet, and depth[t] = depth[p] + 1 ≤ MAX_FORM_LENGTH. Depth
 *   strictly grows along parent links, so every state is reachable from the root
 *   (no cycles, no orphans);
 * - every base keeps base + alphabet size within the arrays (the scan reads there);
 * - outputs: 0, or (term << 7 | length) with term < term count and 2 ≤ length ≤ depth;
 *   a leaf has a form ending exactly there (the builder makes no empty branches);
 * - the alphabet: folded characters, no duplicates, each the symbol of some transition.
 */
import { TERM_KINDS, type TermKind } from '../lexicon/types.js';
import { foldTable } from '../text/fold.js';
import { MAX_FORM_LENGTH, type Automaton } from './automaton.js';
import { base64ToInt32, decodeBase64, isLittleEndian } from './base64.js';
import { MATCHER_SECTION_VERSION, type MatcherSection } from './types.js';

/** The automaton's arrays as a section decodes them, checked before any scan walks them. */
export type AutomatonArrays = Pick<Automaton, 'alphabet' | 'base' | 'check' | 'out' | 'depth'>;

/** States checked between yields (each step reads a few arrays at random: ~1 ms per 64 k states). */
const STATES_PER_STEP = 1 << 16;

/** The first problem found, or null when the automaton is sound. Resumable steps (the loaders run them in slices). */
export function* automatonProblem(a: AutomatonArrays, termCount: number): Generator<void, string | null> {
  const { base, check, out, depth } = a;
  const n = base.length;
  const alphabetSize = a.alphabet.length;
  if (n === 0) return 'the automaton has no states';
  if (check.length !== n || out.length !== n || depth.length !== n) return 'the automaton arrays differ in length';
  const fold = foldTable();
  const symbolSeen = new Uint8Array(alphabetSize + 1);
  const seenChar = new Set<number>();
  for (let k = 0; k < alphabetSize; k++) {
    const c = a.alphabet.charCodeAt(k);
    if (fold[c] !== c) return `alphabet character ${k} is not folded`;
    if (seenChar.has(c)) return `alphabet character ${k} is listed twice`;
    seenChar.add(c);
  }
  if (check[0] !== -2 || depth[0] !== 0) return 'the root state is damaged';
  const children = new Uint32Array(n);
  for (let t = 0; t < n; t++) {
    if (t % STATES_PER_STEP === STATES_PER_STEP - 1) yield;
    const b = base[t]!;
    if (b < 0 || b + alphabetSize > n) return `state ${t}: base ${b} is out of range`;
    const p = check[t]!;
    const o = out[t]!;
    const d = depth[t]!;
    if (t === 0) {
      if (o !== 0) return 'the root state is damaged';
      continue;
    }
    if (p === -1) {
      if (o !== 0 || d !== 0) return `free cell ${t} holds state data`;
      continue;
    }
    if (p < 0 || p >= n || (p !== 0 && check[p]! < 0)) return `state ${t}: parent ${p} is not a state`;
    const sym = t - base[p]!;
    if (sym < 1 || sym > alphabetSize) return `state ${t} is not a child of its parent ${p}`;
    symbolSeen[sym] = 1;
    if (d !== depth[p]! + 1 || d > MAX_FORM_LENGTH) return `state ${t}: depth ${d} does not follow its parent's`;
    if (o !== 0) {
      const length = o & 127;
      if (o < 0 || o >>> 7 >= termCount || length < 2 || length > d) return `state ${t}: output ${o} is out of range`;
    }
    children[p]!++;
  }
  yield;
  for (let t = 1; t < n; t++) {
    if (t % STATES_PER_STEP === STATES_PER_STEP - 1) yield;
    if (check[t]! >= 0 && children[t] === 0 && (out[t]! & 127) !== depth[t]) return `state ${t} ends no form`;
  }
  for (let sym = 1; sym <= alphabetSize; sym++) if (!symbolSeen[sym]) return `alphabet character ${sym - 1} is in no form`;
  return null;
}

/** A section decoded and checked: what loadMatcher builds its scanner from. */
export interface ReadSection extends AutomatonArrays {
  termIds: string[];
  termKinds: TermKind[];
}

/**
 * Decodes a matcher section and checks all of it (fields, base64, the
 * automaton's structure); throws an Error naming the first problem. Used by
 * loadMatcher and by the bundle loader (which drops a damaged section).
 */
export function* readMatcherSection(section: unknown): Generator<void, ReadSection> {
  if (!isLittleEndian) throw new Error('matcher section: this host is big-endian, which Jianbao does not support');
  const s = section as Partial<MatcherSection> | null;
  if (typeof s !== 'object' || s === null || s.format !== 'jianbao-matcher') throw new Error('not a Jianbao matcher section (expected format "jianbao-matcher")');
  if (s.version !== MATCHER_SECTION_VERSION) throw new Error(`matcher section version ${String(s.version)} is not supported (expected ${MATCHER_SECTION_VERSION}): rebuild the archive`);
  for (const key of ['termKinds', 'alphabet', 'base', 'check', 'out', 'depth'] as const) {
    if (typeof s[key] !== 'string') throw new Error(`matcher section: "${key}" must be a string`);
  }
  if (!Array.isArray(s.kinds) || !s.kinds.every((k) => TERM_KINDS.includes(k))) throw new Error(`matcher section: "kinds" must list term kinds (${TERM_KINDS.join(', ')})`);
  if (!Array.isArray(s.termIds) || !s.termIds.every((id) => typeof id === 'string')) throw new Error('matcher section: "termIds" must be an array of strings');
  const kindIndex = decodeBase64(s.termKinds!, 'matcher section termKinds');
  if (kindIndex.length !== s.termIds.length) throw new Error(`matcher section: ${kindIndex.length} term kinds for ${s.termIds.length} terms`);
  const termKinds = Array.from(kindIndex, (k) => {
    const kind = s.kinds![k];
    if (!kind) throw new Error(`matcher section: kind index ${k} out of range`);
    return kind;
  });
  yield;
  const base = base64ToInt32(s.base!, 'matcher section base');
  yield;
  const check = base64ToInt32(s.check!, 'matcher section check');
  yield;
  const out = base64ToInt32(s.out!, 'matcher section out');
  const depth = decodeBase64(s.depth!, 'matcher section depth');
  yield;
  // Bases carry a flag bit in the scanner (matcher.ts HAS_FORM = 2^30): more states than that cannot be held.
  if (base.length >= 0x40000000) throw new Error(`matcher section: ${base.length} automaton states is more than this matcher supports`);
  const arrays = { alphabet: s.alphabet!, base, check, out, depth };
  const problem = yield* automatonProblem(arrays, termKinds.length);
  if (problem) throw new Error(`matcher section is damaged: ${problem}`);
  return { ...arrays, termIds: s.termIds, termKinds };
}
