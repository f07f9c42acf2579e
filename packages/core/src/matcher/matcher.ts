import type { TermKind } from '../lexicon/types.js';
import { TERM_KINDS } from '../lexicon/types.js';
import { foldText } from '../text/fold.js';
import { buildAutomaton, MAX_FORM_LENGTH, symbolTable } from './automaton.js';
import { encodeBase64, int32ToBase64 } from './base64.js';
import { readMatcherSection } from './validate.js';
import { runSteps, runStepsInSlices } from '../host.js';
import { buildStartFilter, CANDIDATES_AT, FILTER_CHUNK, filterChunk, pairMayStart, type StartFilter } from './start-filter.js';
import { MATCHER_SECTION_VERSION, type Matcher, type MatcherEntry, type MatcherSection, type TermMatch } from './types.js';

/** Flag in `bc[2s]` (beside the base): a form ends exactly at state s. Bases stay below it (checked at load). */
const HAS_FORM = 0x40000000;
const BASE_MASK = HAS_FORM - 1;

/** The automaton in memory, ready to scan. */
class DoubleArrayMatcher implements Matcher {
  /** True while scan runs: a scan started from its `emit` works on a copy of the filter (its candidates live there). */
  private scanning = false;
  /**
   * Marks leave out a place right before 队 (韩国队 is a team, an organisation). Off for the word lists the extraction
   * scans with (scan.ts), where the place inside a team's name is what finds the team.
   */
  teams = true;

  constructor(
    private readonly termIds: readonly string[],
    private readonly termKinds: readonly TermKind[],
    private readonly symOf: Uint16Array,
    /** base and check interleaved (bc[2s] = base[s] | HAS_FORM when a form ends at s, bc[2s + 1] = check[s]): a step reads one cache line. */
    private readonly bc: Int32Array,
    private readonly out: Int32Array,
    private readonly filter: StartFilter,
  ) {}

  findAll(text: string): TermMatch[] {
    const matches: TermMatch[] = [];
    this.scan(text, (start, end, term) => {
      matches.push({ start, end, text: text.slice(start, end), termId: this.termIds[term]!, kind: this.termKinds[term]! });
    });
    return matches;
  }

  /**
   * Leftmost-longest, non-overlapping: positions are taken left to right; at
   * each one that can start a form (the start filter), the trie is walked for
   * the longest form starting there, which is emitted, and scanning resumes at
   * its end. The filter runs branch-free over a chunk, collecting candidate
   * positions; the walks follow. A walk stops at the first character that
   * continues no form, so it is at most MAX_FORM_LENGTH steps.
   */
  scan(text: string, emit: (start: number, end: number, term: number) => void): number {
    const n = text.length;
    if (n < 2) return 0;
    const { symOf, bc, out } = this;
    // Module bindings as locals: V8 re-reads imported bindings in a hot loop rather than folding them.
    const hasForm = HAS_FORM;
    const baseMask = BASE_MASK;
    const chunk = FILTER_CHUNK;
    const candidatesAt = CANDIDATES_AT;
    const teams = this.teams;
    const nested = this.scanning;
    const bits = nested ? this.filter.bits.slice() : this.filter.bits;
    this.scanning = true;
    let count = 0;
    let next = 0; // first position after the last emitted match
    try {
      for (let from = 0; from < n - 1; from += chunk) {
        const end = Math.min(from + chunk, n - 1); // candidate starts run to n - 2
        const stop = Math.min(end, n - 2); // starts with a third character after them
        let k = stop > from ? filterChunk(text, from, stop, bits) : 0;
        // The last start has two characters left: only a two-character form fits.
        if (end === n - 1 && pairMayStart(bits, text.charCodeAt(n - 2), text.charCodeAt(n - 1))) bits[candidatesAt + k++] = n - 2;
        for (let q = candidatesAt; q < candidatesAt + k; q++) {
          const start = bits[q]!;
          if (start < next) continue;
          let s = 0;
          let j = start;
          let matchEnd = -1;
          let matchState = 0;
          // The next-longest form from here: taken when the longest would cut a word (晋中市 in 政协晋中市委员会).
          let shorterEnd = -1;
          let shorterState = 0;
          while (j < n) {
            const sym = symOf[text.charCodeAt(j)]!;
            if (sym === 0) break;
            const t = (bc[2 * s]! & baseMask) + sym;
            if (bc[2 * t + 1] !== s) break;
            s = t;
            j++;
            if ((bc[2 * s]! & hasForm) !== 0) {
              shorterEnd = matchEnd;
              shorterState = matchState;
              matchEnd = j;
              matchState = s;
            }
          }
          if (matchEnd < 0) continue;
          if (isWordCut(text, start, matchEnd)) {
            if (shorterEnd < 0 || isWordCut(text, start, shorterEnd)) continue;
            matchEnd = shorterEnd;
            matchState = shorterState;
          }
          const term = out[matchState]! >>> 7;
          // 韩国队, 山东队: a place right before 队 names a team (an organisation), not the place.
          if (teams && text.charCodeAt(matchEnd) === TEAM && this.termKinds[term] === 'place') continue;
          emit(start, matchEnd, term);
          count++;
          next = matchEnd;
        }
      }
    } finally {
      this.scanning = nested;
    }
    return count;
  }
}

/** 队 */
const TEAM = 0x961f;

const isAsciiWord = (c: number) => (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);

/**
 * A form that starts or ends with a Latin letter or digit must not cut a Latin word or number (5G in 5GHz, 156 in 1560);
 * a form ending in 委 (晋中市委) must not cut 委员 (政协晋中市委员会 is the city's CPPCC committee, not its party committee).
 */
function isWordCut(text: string, start: number, end: number): boolean {
  return (
    (start > 0 && isAsciiWord(text.charCodeAt(start)) && isAsciiWord(text.charCodeAt(start - 1))) ||
    (end < text.length && isAsciiWord(text.charCodeAt(end - 1)) && isAsciiWord(text.charCodeAt(end))) ||
    (end < text.length && text.charCodeAt(end - 1) === 0x59d4 && text.charCodeAt(end) === 0x5458) // 委 then 员
  );
}

/** The matcher's forms for a set of terms: folded, deduplicated (first term wins), single characters dropped. */
function collectForms(entries: readonly MatcherEntry[]): { forms: string[]; formTerm: number[] } {
  const seen = new Map<string, number>();
  const forms: string[] = [];
  const formTerm: number[] = [];
  entries.forEach((entry, t) => {
    for (const form of entry.forms) {
      const folded = foldText(form.trim());
      if (folded.length < 2 || folded.length > MAX_FORM_LENGTH || seen.has(folded)) continue;
      seen.set(folded, t);
      forms.push(folded);
      formTerm.push(t);
    }
  });
  return { forms, formTerm };
}

/** Builds the serialisable matcher section for a set of terms (done at build time, once). */
export function buildMatcherSection(entries: readonly MatcherEntry[]): MatcherSection {
  const { forms, formTerm } = collectForms(entries);
  const automaton = buildAutomaton(forms);
  const out = automaton.out;
  for (let s = 0; s < out.length; s++) {
    const f = out[s]! - 1;
    if (f >= 0) out[s] = (formTerm[f]! << 7) | forms[f]!.length;
  }
  const kinds = [...new Set(entries.map((e) => e.kind))].sort((a, b) => TERM_KINDS.indexOf(a) - TERM_KINDS.indexOf(b));
  const termKinds = Uint8Array.from(entries.map((e) => kinds.indexOf(e.kind)));
  return {
    format: 'jianbao-matcher',
    version: MATCHER_SECTION_VERSION,
    kinds,
    termIds: entries.map((e) => e.termId),
    termKinds: encodeBase64(termKinds),
    alphabet: automaton.alphabet,
    base: int32ToBase64(automaton.base),
    check: int32ToBase64(automaton.check),
    out: int32ToBase64(out),
    depth: encodeBase64(automaton.depth),
  };
}

/** Builds a matcher directly (tests, and archives without a stored section). */
export function buildMatcher(entries: readonly MatcherEntry[], options: { teams?: boolean } = {}): Matcher {
  const matcher = loadMatcher(buildMatcherSection(entries));
  matcher.teams = options.teams ?? true;
  return matcher;
}

/**
 * Loads a matcher from its section alone: nothing else from the bundle is
 * needed. Throws an Error naming what is wrong with a damaged section.
 */
export function loadMatcher(section: unknown): LoadedMatcher {
  return runSteps(loadSteps(section));
}

/** loadMatcher in slices that yield to the event loop (a large lexicon's matcher takes 100 ms or more to load cold). */
export function loadMatcherAsync(section: unknown): Promise<LoadedMatcher> {
  return runStepsInSlices(loadSteps(section));
}

export type LoadedMatcher = Matcher & { scan: DoubleArrayMatcher['scan']; teams: boolean };

function* loadSteps(section: unknown): Generator<void, LoadedMatcher> {
  const { termIds, termKinds, alphabet, base, check, out, depth } = yield* readMatcherSection(section);
  yield;
  const symOf = symbolTable(alphabet);
  yield;
  const { bc, ownForm } = interleave(base, check, out, depth);
  yield;
  const filter = buildStartFilter(symOf, alphabet.length, base, check, depth, ownForm);
  return new DoubleArrayMatcher(termIds, termKinds, symOf, bc, out, filter);
}

/** base and check interleaved, with HAS_FORM on states where a form ends exactly (not one reached through a failure link). */
function interleave(base: Int32Array, check: Int32Array, out: Int32Array, depth: Uint8Array): { bc: Int32Array; ownForm: Uint8Array } {
  const n = base.length;
  const bc = new Int32Array(2 * n + 2).fill(-1);
  const ownForm = new Uint8Array(n);
  for (let s = 0; s < n; s++) {
    const o = out[s]!;
    if (o !== 0 && (o & 127) === depth[s]) ownForm[s] = 1;
    bc[2 * s] = base[s]! | (ownForm[s] ? HAS_FORM : 0);
    bc[2 * s + 1] = check[s]!;
  }
  return { bc, ownForm };
}
