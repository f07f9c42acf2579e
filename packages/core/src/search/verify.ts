import type { Article } from '../article.js';
import { bestWindow, findOneSubstitution, findWord, squeeze, squeezedFrom, squeezeText, toOriginal, TYPO, type SqueezedText } from './match.js';
import { MIN_WINDOW_COVERAGE, type FieldQuality } from './quality.js';
import type { Segment } from './query.js';
import { fieldText, fieldTexts } from './search-index.js';

// Verification: how well a segment is really there in an article's text (exact, one character off, a paraphrase).

export interface SegmentMatch {
  field: number;
  quality: number;
  /** ORIGINAL offsets of the match in that field's text. */
  start: number;
  end: number;
}

/** A field's text with its squeezed form and offset map, made when a check needs it (snippets, Latin words). */
export class FieldText {
  private squeezed: SqueezedText | undefined;
  /** `squeezedText`, when given, is `squeezeText(raw)` already made (the kept one): only its offset map is then built, if needed. */
  constructor(readonly raw: string, private readonly squeezedText?: string) {}
  get text(): SqueezedText {
    return (this.squeezed ??= this.squeezedText === undefined ? squeeze(this.raw) : squeezedFrom(this.raw, this.squeezedText));
  }
  /** False when the kept squeezed text shows the phrase (squeezed) is in no form here, printed or squeezed. */
  mayHold(phrase: string): boolean {
    return this.squeezedText === undefined || this.squeezedText.includes(phrase);
  }
}

export const EMPTY = new FieldText('');

const NEVER = (): boolean => false;

/**
 * The squeezed text of each field of an article, kept for as long as the
 * article lives: ranking verifies ~30 candidates per query, the same long
 * articles are candidates of many queries (they contain every common bigram),
 * and squeezing them again was most of a query's cost. Strings only (about
 * two bytes per character of text: 17 MB for the 19,876-story xwlb archive);
 * the offset maps are made for the shown hits' snippets only.
 */
const squeezedFields = new WeakMap<Article, string[]>();

export function squeezedOf(article: Article): string[] {
  let fields = squeezedFields.get(article);
  if (!fields) {
    fields = fieldTexts(article).map((t) => (t ? squeezeText(t) : ''));
    squeezedFields.set(article, fields);
  }
  return fields;
}

/**
 * What `matchSegment` finds for ranking (field and quality, not where), on
 * the kept squeezed texts: the same result, and the texts as printed are
 * looked at only in the rare case that decides a field (see below).
 */
export function segmentQuality(
  segment: Segment,
  article: Article,
  squeezed: string[],
  bound: number,
  /** Whether the phrase occurs as typed in some candidate (then a one-character-off match is no evidence); asked only when a typo check would run. */
  exactElsewhere: (k: number) => boolean = NEVER,
  k = 0,
): FieldQuality {
  if (bound <= 0) return { field: -1, quality: 0 };
  // Squeezing is idempotent (test/search-fast-paths), so the phrase squeezes to itself and the kept squeezed texts decide.
  const fields = segment.titleOnly ? 1 : 3;
  if (!segment.chinese) {
    const m = matchSegment(segment, fieldTexts(article).slice(0, fields).map((t) => new FieldText(t)), bound);
    return { field: m.field, quality: m.quality };
  }
  const phrase = segment.phrase;
  if (bound === 1) {
    for (let f = 0; f < fields; f++) {
      if (!squeezed[f]!.includes(phrase)) continue;
      // matchSegment prefers the first field whose text AS PRINTED has the phrase, else the first whose squeezed
      // text has it. Printed implies squeezed (the phrase squeezes to itself), so no earlier field can be printed.
      // Only fields whose squeezed text has it can (printed implies squeezed); the body is joined only if needed.
      // The body as printed is its paragraphs joined by line breaks, which a phrase never holds: each is searched
      // in place rather than joined.
      // When no later field holds it squeezed, the answer is f whatever the printed text says: not looked at.
      let last = f;
      for (let g = f + 1; g < fields; g++) if (squeezed[g]!.includes(phrase)) last = g;
      if (last === f) return { field: f, quality: 1 };
      for (let g = f; g <= last; g++) if (squeezed[g]!.includes(phrase) && printedHas(article, g, phrase)) return { field: g, quality: 1 };
      return { field: f, quality: 1 };
    }
  }
  let best: FieldQuality = { field: -1, quality: 0 };
  if (segment.exact) return best;
  for (let f = 0; f < fields; f++) {
    const text = squeezed[f]!;
    if (!text) continue;
    if (best.quality >= TYPO) break;
    if (bound >= TYPO && !exactElsewhere(k) && typoIn(text, segment) >= 0) {
      best = { field: f, quality: TYPO };
      continue;
    }
    // A paraphrase holds the distinctive part as typed (quality.ts).
    if (segment.distinctiveAbsent || !segment.distinctive.every((t) => text.includes(t))) continue;
    const window = windowIn(text, segment);
    if (window.coverage >= MIN_WINDOW_COVERAGE && window.coverage / 2 > best.quality) best = { field: f, quality: window.coverage / 2 };
  }
  return best;
}

/** fieldText(article, field).includes(phrase), for a phrase without line breaks (squeezed: word units only). */
function printedHas(article: Article, field: number, phrase: string): boolean {
  if (field !== 2) return fieldText(article, field).includes(phrase);
  for (const p of article.paragraphs) if (p.includes(phrase)) return true;
  return false;
}

/**
 * The typo and paraphrase checks of a segment in a squeezed text, remembered
 * for the query (segments are made per query): a hit's snippet asks again
 * what ranking asked about its body, and those scans of whole bodies were
 * a large share of a slow query. Keyed by the kept squeezed strings, whose
 * hash V8 computes once and keeps.
 */
const typoMemo = new WeakMap<Segment, Map<string, number>>();
const windowMemo = new WeakMap<Segment, Map<string, { coverage: number; start: number; end: number }>>();

export function typoIn(text: string, segment: Segment): number {
  let memo = typoMemo.get(segment);
  if (!memo) typoMemo.set(segment, (memo = new Map()));
  let at = memo.get(text);
  if (at === undefined) memo.set(text, (at = findOneSubstitution(text, segment.phrase)));
  return at;
}

/**
 * The most a paraphrase window of the segment can score in a text (segmentQuality's coverage / 2): its coverage
 * once worked out, else the share of the segment's tokens the text holds at all — a window holds no more — or 0
 * below MIN_WINDOW_COVERAGE. A presence check per token, where the window would also collect every occurrence
 * (up to 200 per token) and slide over them: ranking skips the window of a candidate this already rules out.
 */
export function paraphraseBound(text: string, segment: Segment): number {
  const window = windowMemo.get(segment)?.get(text);
  if (window) return window.coverage >= MIN_WINDOW_COVERAGE ? window.coverage / 2 : 0;
  const tokens = segment.tokens;
  let missing = 0;
  for (let k = 0; k < tokens.length; k++) {
    if (text.includes(tokens[k]!)) continue;
    if ((tokens.length - ++missing) / tokens.length < MIN_WINDOW_COVERAGE) return 0;
  }
  return (tokens.length - missing) / tokens.length / 2;
}

function windowIn(text: string, segment: Segment): { coverage: number; start: number; end: number } {
  let memo = windowMemo.get(segment);
  if (!memo) windowMemo.set(segment, (memo = new Map()));
  let window = memo.get(text);
  if (!window) memo.set(text, (window = bestWindow(text, segment.tokens, Math.max(12, 2 * segment.phrase.length), MIN_WINDOW_COVERAGE)));
  return window;
}

export function matchSegment(segment: Segment, fields: FieldText[], bound = 1): SegmentMatch {
  let best: SegmentMatch = { field: -1, quality: 0, start: 0, end: 0 };
  if (bound <= 0) return best;
  const consider = (field: number, quality: number, range: [number, number]) => {
    if (quality > best.quality) best = { field, quality, start: range[0], end: range[1] };
  };
  // Fields whose kept squeezed text lacks the phrase: not there printed either (printed implies squeezed), and
  // the exact check below need not search them again.
  let lacks = 0;
  if (segment.chinese && bound === 1) {
    // Fast path: the phrase as typed (already normalised) is in the text as printed.
    for (let field = 0; field < fields.length; field++) {
      if (!fields[field]!.mayHold(segment.phrase)) {
        lacks |= 1 << field;
        continue;
      }
      const at = fields[field]!.raw.indexOf(segment.phrase);
      if (at >= 0) return { field, quality: 1, start: at, end: at + segment.phrase.length };
    }
  }
  fields.forEach((field, f) => {
    if (!field.raw) return;
    const text = field.text;
    if (!segment.chinese) {
      // Latin words and numbers: whole words only (ai is not in said).
      const found = segment.tokens.map((t) => findWord(text, t, 1)[0]).filter((r): r is [number, number] => !!r);
      if (found.length) consider(f, found.length / segment.tokens.length, found[0]!);
      return;
    }
    const exact = bound === 1 && !(lacks & (1 << f)) ? text.text.indexOf(segment.phrase) : -1;
    if (exact >= 0) return consider(f, 1, toOriginal(text, exact, exact + segment.phrase.length));
    if (best.quality >= TYPO) return;
    const typo = bound >= TYPO ? typoIn(text.text, segment) : -1;
    if (typo >= 0) return consider(f, TYPO, toOriginal(text, typo, typo + segment.phrase.length));
    const window = windowIn(text.text, segment);
    if (window.coverage >= MIN_WINDOW_COVERAGE) consider(f, window.coverage / 2, toOriginal(text, window.start, window.end));
  });
  return best;
}
