import type { TermKind } from '../lexicon/types.js';
import { TERM_KINDS } from '../lexicon/types.js';
import { foldText } from '../text/fold.js';
import { buildAutomaton, MAX_FORM_LENGTH, symbolTable } from './automaton.js';
import { base64ToInt32, decodeBase64, encodeBase64, int32ToBase64, isLittleEndian } from './base64.js';
import type { Matcher, MatcherEntry, MatcherSection, TermMatch } from './types.js';

/** The automaton in memory, ready to scan. */
class DoubleArrayMatcher implements Matcher {
  private readonly symOf: Uint16Array;
  /** The root's transition for every code unit (0 = stay at the root): the scan skips text that starts no form at one lookup a character. */
  private readonly rootNext: Int32Array;
  /** base and check interleaved (bc[2s] = base[s], bc[2s + 1] = check[s]): a step reads one cache line, not two. */
  private readonly bc: Int32Array;

  constructor(
    private readonly termIds: readonly string[],
    private readonly termKinds: readonly TermKind[],
    alphabet: string,
    private readonly base: Int32Array,
    private readonly check: Int32Array,
    private readonly fail: Int32Array,
    private readonly out: Int32Array,
    private readonly depth: Uint8Array,
  ) {
    this.symOf = symbolTable(alphabet);
    this.bc = new Int32Array(base.length * 2);
    for (let i = 0; i < base.length; i++) {
      this.bc[2 * i] = base[i]!;
      this.bc[2 * i + 1] = check[i]!;
    }
    this.rootNext = new Int32Array(0x10000);
    const b0 = base[0]!;
    for (let c = 0; c < 0x10000; c++) {
      const sym = this.symOf[c]!;
      if (sym !== 0 && check[b0 + sym] === 0) this.rootNext[c] = b0 + sym;
    }
  }

  findAll(text: string): TermMatch[] {
    const matches: TermMatch[] = [];
    this.scan(text, (start, end, term) => {
      matches.push({ start, end, text: text.slice(start, end), termId: this.termIds[term]!, kind: this.termKinds[term]! });
    });
    return matches;
  }

  /**
   * Leftmost-longest, non-overlapping. The automaton reports, at each end
   * position, the longest form ending there; a candidate is held until the
   * automaton's current state starts after it (no later match can start at or
   * before it), then committed, and scanning restarts at its end from the root
   * (so forms that began inside the discarded look-ahead are found again).
   */
  scan(text: string, emit: (start: number, end: number, term: number) => void): number {
    const { symOf, rootNext, bc, fail, out, depth } = this;
    const n = text.length;
    let count = 0;
    let i = 0;
    let s = 0;
    let pStart = -1;
    let pEnd = 0;
    let pOut = 0;
    for (;;) {
      while (i < n) {
        if (s === 0 && pStart < 0) {
          // At the root with nothing pending: skip characters that start no form.
          let t = 0;
          while (i < n && (t = rootNext[text.charCodeAt(i)]!) === 0) i++;
          if (i === n) break;
          i++;
          s = t;
          const o = out[s]!;
          if (o !== 0) {
            pStart = i - (o & 127);
            pEnd = i;
            pOut = o;
          }
          continue;
        }
        const sym = symOf[text.charCodeAt(i)]!;
        i++;
        if (sym === 0) {
          s = 0;
          if (pStart < 0) continue;
        } else {
          for (;;) {
            const t = bc[2 * s]! + sym;
            if (bc[2 * t + 1] === s) {
              s = t;
              break;
            }
            if (s === 0) break;
            s = fail[s]!;
          }
        }
        if (pStart >= 0 && i - depth[s]! > pStart) break;
        const o = out[s]!;
        if (o !== 0) {
          const start = i - (o & 127);
          if (pStart < 0 || start <= pStart) {
            pStart = start;
            pEnd = i;
            pOut = o;
          }
        }
      }
      if (pStart < 0) return count;
      if (isWordCut(text, pStart, pEnd)) {
        i = pStart + 1;
      } else {
        emit(pStart, pEnd, pOut >>> 7);
        count++;
        i = pEnd;
      }
      s = 0;
      pStart = -1;
    }
  }
}

const isAsciiWord = (c: number) => (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);

/** A form that starts or ends with a Latin letter or digit must not cut a Latin word or number (5G in 5GHz, 156 in 1560). */
function isWordCut(text: string, start: number, end: number): boolean {
  return (
    (start > 0 && isAsciiWord(text.charCodeAt(start)) && isAsciiWord(text.charCodeAt(start - 1))) ||
    (end < text.length && isAsciiWord(text.charCodeAt(end - 1)) && isAsciiWord(text.charCodeAt(end)))
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
    version: 1,
    kinds,
    termIds: entries.map((e) => e.termId),
    termKinds: encodeBase64(termKinds),
    alphabet: automaton.alphabet,
    base: int32ToBase64(automaton.base),
    check: int32ToBase64(automaton.check),
    fail: int32ToBase64(automaton.fail),
    out: int32ToBase64(out),
    depth: encodeBase64(automaton.depth),
  };
}

/** Builds a matcher directly (tests, and archives without a stored section). */
export function buildMatcher(entries: readonly MatcherEntry[]): Matcher {
  return loadMatcher(buildMatcherSection(entries));
}

/**
 * Loads a matcher from its section alone: nothing else from the bundle is
 * needed. Throws an Error naming what is wrong with a damaged section.
 */
export function loadMatcher(section: unknown): Matcher & { scan: DoubleArrayMatcher['scan'] } {
  if (!isLittleEndian) throw new Error('matcher section: this host is big-endian, which Jianbao does not support');
  const s = section as Partial<MatcherSection> | null;
  if (typeof s !== 'object' || s === null || s.format !== 'jianbao-matcher') throw new Error('not a Jianbao matcher section (expected format "jianbao-matcher")');
  if (s.version !== 1) throw new Error(`matcher section version ${String(s.version)} is not supported (expected 1): rebuild the archive`);
  for (const key of ['termKinds', 'alphabet', 'base', 'check', 'fail', 'out', 'depth'] as const) {
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
  const base = base64ToInt32(s.base!, 'matcher section base');
  const check = base64ToInt32(s.check!, 'matcher section check');
  const fail = base64ToInt32(s.fail!, 'matcher section fail');
  const out = base64ToInt32(s.out!, 'matcher section out');
  const depth = decodeBase64(s.depth!, 'matcher section depth');
  const n = base.length;
  if (check.length !== n || fail.length !== n || out.length !== n || depth.length !== n) throw new Error('matcher section: automaton arrays differ in length (damaged section)');
  for (let i = 0; i < n; i++) {
    if (fail[i]! < 0 || fail[i]! >= n || (out[i]! !== 0 && out[i]! >>> 7 >= termKinds.length) || base[i]! < 0 || base[i]! + s.alphabet!.length >= n + 1) {
      throw new Error(`matcher section: automaton state ${i} is out of range (damaged section)`);
    }
  }
  return new DoubleArrayMatcher(s.termIds, termKinds, s.alphabet!, base, check, fail, out, depth);
}
