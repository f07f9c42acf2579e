/**
 * JSON.parse in slices, for archive bundles of tens of megabytes: one
 * JSON.parse of the 70 MB xwlb bundle blocks for 0.5–0.7 s, which freezes a
 * VS Code extension host or a service worker. Containers larger than
 * SPLIT_CHARS are split into their members or elements by a scanner, each part
 * is parsed on its own (recursively), and the caller's driver yields between
 * steps. Every leaf goes through JSON.parse and the scanner checks the
 * punctuation between them, so what is accepted is exactly valid JSON; on any
 * doubt the scanner gives up and the caller falls back to one JSON.parse,
 * which also produces the error message.
 *
 * Only the top MAX_SPLIT_DEPTH levels are split (the bundle, its sections,
 * their articles or terms): splitting every level rescanned a deeply nested
 * value once per level, O(depth × size) — a 1.25 MB bundle with 2,000 nested
 * arrays in an extra field did not import in 60 s in the extension. Bounded,
 * every character is scanned at most MAX_SPLIT_DEPTH times, and the chain of
 * delegating generators stays that short too.
 */

/** Containers at least this long are split; smaller ones are one JSON.parse (~1 ms per 100k characters). */
const SPLIT_CHARS = 1 << 20;
/** Levels that are split; deeper containers are one JSON.parse whatever their size. */
export const MAX_SPLIT_DEPTH = 3;
/** Characters scanned between yields. */
const SCAN_CHARS = 1 << 21;

/** Thrown inside the steps when the text is not what the splitter understands; the caller re-parses in one piece. */
class GiveUp extends Error {}

/** Work done, for tests that check the scan is linear (characters the scanner stepped over). */
export interface ScanStats {
  scanned: number;
}

/** Parses `text`, yielding between steps; throws GiveUp where it cannot split (then use JSON.parse for the answer). */
export function* parseJsonSteps(text: string, splitChars = SPLIT_CHARS, stats: ScanStats = { scanned: 0 }): Generator<void, unknown> {
  return yield* parseText(new Blocks([text]), splitChars, stats);
}

/**
 * The same for text given in pieces (as a streaming decoder hands them over),
 * never joined into one string: one string of the 50-million-character xwlb
 * bundle froze a VS Code extension host for ~300 ms, nearly all of it page
 * faults on the fresh 100 MB allocation. The pieces are regrouped into blocks
 * of about BLOCK_CHARS that end just after a comma outside strings, so no
 * token spans two blocks; what the scanner and JSON.parse see is the same text.
 */
export function* parseJsonPiecesSteps(
  pieces: readonly string[],
  splitChars = SPLIT_CHARS,
  blockChars = BLOCK_CHARS,
  stats: ScanStats = { scanned: 0 },
): Generator<void, unknown> {
  return yield* parseText(new Blocks(yield* regroup(pieces, blockChars)), splitChars, stats);
}

function* parseText(text: Blocks, splitChars: number, stats: ScanStats): Generator<void, unknown> {
  return yield* parseRange(text, skipSpace(text, 0), trimEnd(text, text.length), splitChars, 0, stats);
}

/** Characters per block when regrouping pieces (about; a block ends at the first cut past this). */
const BLOCK_CHARS = 1 << 20;

/** The text as consecutive blocks, read by position. */
class Blocks {
  readonly blocks: readonly string[];
  readonly starts: number[] = [];
  readonly length: number;

  constructor(blocks: readonly string[]) {
    // Empty blocks would share a start with the next one.
    this.blocks = blocks.filter((b) => b.length > 0);
    if (!this.blocks.length) this.blocks = [''];
    let at = 0;
    for (const b of this.blocks) {
      this.starts.push(at);
      at += b.length;
    }
    this.length = at;
  }

  /** Index of the block holding position `at` (the last block for the end). */
  find(at: number): number {
    let lo = 0;
    let hi = this.blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  charCodeAt(at: number): number {
    const b = this.find(at);
    return this.blocks[b]!.charCodeAt(at - this.starts[b]!);
  }

  slice(from: number, to: number): string {
    const first = this.find(from);
    const base = this.starts[first]!;
    const block = this.blocks[first]!;
    if (to - base <= block.length) return block.slice(from - base, to - base);
    const parts = [block.slice(from - base)];
    for (let b = first + 1; b < this.blocks.length && this.starts[b]! < to; b++) parts.push(this.blocks[b]!.slice(0, to - this.starts[b]!));
    return parts.join('');
  }
}

/**
 * Joins pieces into blocks of at least `blockChars` characters, each cut just
 * after a comma outside strings (found by tracking strings and their escapes
 * across piece boundaries), yielding after each piece. A block is only cut
 * where no token continues past it; the last block holds whatever remains.
 */
function* regroup(pieces: readonly string[], blockChars: number): Generator<void, string[]> {
  const blocks: string[] = [];
  let pending: string[] = [];
  let pendingChars = 0;
  const state: StringState = { inString: false, backslashes: 0 };
  for (const piece of pieces) {
    const cut = lastCommaOutsideStrings(piece, state);
    if (cut >= 0 && pendingChars + cut + 1 >= blockChars) {
      pending.push(piece.slice(0, cut + 1));
      blocks.push(pending.join(''));
      pending = [piece.slice(cut + 1)];
      pendingChars = piece.length - cut - 1;
    } else {
      pending.push(piece);
      pendingChars += piece.length;
    }
    yield;
  }
  blocks.push(pending.join(''));
  return blocks;
}

interface StringState {
  inString: boolean;
  /** Backslashes ending the previous piece inside a string (they may escape a quote that opens this one). */
  backslashes: number;
}

/** Position of the last comma outside strings in `piece` (-1 if none), carrying the string state to the next piece. */
function lastCommaOutsideStrings(piece: string, s: StringState): number {
  let last = -1;
  let i = 0;
  const n = piece.length;
  while (i < n) {
    const q = piece.indexOf('"', i);
    if (s.inString) {
      let close = q;
      while (close >= 0 && quoteEscaped(piece, close, s.backslashes)) close = piece.indexOf('"', close + 1);
      if (close < 0) {
        let k = n;
        while (k > 0 && piece.charCodeAt(k - 1) === 0x5c) k--;
        s.backslashes = k === 0 ? s.backslashes + n : n - k;
        return last;
      }
      s.inString = false;
      s.backslashes = 0;
      i = close + 1;
    } else {
      const end = q < 0 ? n : q;
      const comma = end > i ? piece.lastIndexOf(',', end - 1) : -1;
      if (comma >= i) last = comma;
      if (q < 0) return last;
      s.inString = true;
      s.backslashes = 0;
      i = q + 1;
    }
  }
  return last;
}

/** Is the quote at q escaped: an odd number of backslashes before it, counting those that ended the previous piece when the run reaches the start? */
function quoteEscaped(piece: string, q: number, carried: number): boolean {
  let k = q - 1;
  while (k >= 0 && piece.charCodeAt(k) === 0x5c) k--;
  const run = q - 1 - k + (k < 0 ? carried : 0);
  return run % 2 === 1;
}

export function isGiveUp(error: unknown): boolean {
  return error instanceof GiveUp;
}

function* parseRange(text: Blocks, from: number, to: number, splitChars: number, depth: number, stats: ScanStats): Generator<void, unknown> {
  const open = text.charCodeAt(from);
  if (to - from < splitChars || depth >= MAX_SPLIT_DEPTH || (open !== 0x7b && open !== 0x5b)) {
    const value = JSON.parse(text.slice(from, to)) as unknown;
    yield;
    return value;
  }
  const parts: Part[] = [];
  const scan: ScanState = { at: from + 1, depth: 0, inString: false, partStart: -1, key: null, expect: open === 0x7b ? 'key' : 'value', done: false };
  while (!scan.done) {
    const at = scan.at;
    scanSome(text, to, open === 0x7b, scan, parts);
    stats.scanned += scan.at - at;
    yield;
  }
  if (scan.at !== to) throw new GiveUp();
  if (open === 0x5b) {
    const array: unknown[] = [];
    for (const part of parts) array.push(yield* parseRange(text, part.from, part.to, splitChars, depth + 1, stats));
    return array;
  }
  const object: Record<string, unknown> = {};
  for (const part of parts) {
    const value = yield* parseRange(text, part.from, part.to, splitChars, depth + 1, stats);
    // defineProperty: a "__proto__" key is an own property, as JSON.parse makes it.
    Object.defineProperty(object, part.key!, { value, enumerable: true, writable: true, configurable: true });
  }
  return object;
}

interface Part {
  key: string | null;
  from: number;
  to: number;
}

interface ScanState {
  at: number;
  /** Nesting depth inside the current value (0 between parts). */
  depth: number;
  inString: boolean;
  partStart: number;
  key: string | null;
  /** What the container's own punctuation allows next. */
  expect: 'key' | 'colon' | 'value' | 'comma';
  done: boolean;
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * Scans up to SCAN_CHARS characters of a container's inside, recording each
 * member (object) or element (array) as a text range. A plain function, not
 * part of the generator: V8 optimises long loops only outside generators.
 */
function scanSome(blocks: Blocks, end: number, isObject: boolean, s: ScanState, parts: Part[]): void {
  // One block at a time, in its own positions (base + i is the position in the whole text): no token spans two blocks.
  const b = blocks.find(s.at);
  const text = blocks.blocks[b]!;
  const base = blocks.starts[b]!;
  const to = Math.min(end, base + text.length) - base;
  const stop = Math.min(to, s.at - base + SCAN_CHARS);
  let i = s.at - base;
  // Inside a value (a string or a nested container) the loop runs on locals: it is most of the text.
  let depth = s.depth;
  let inString = s.inString;
  for (; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      // Jump to the closing quote with indexOf (native, and strings are most of a bundle), past escaped ones.
      let q = i;
      while (q >= 0 && text.charCodeAt(q) !== 0x22) {
        q = text.indexOf('"', q);
        if (q > 0 && escaped(text, q)) q++;
      }
      if (q < 0 || q >= to) throw new GiveUp(); // the string never closed
      i = q;
      inString = false;
      if (depth === 0) endPart(s, base, i + 1, isObject, parts, text);
      continue;
    }
    if (depth > 0) {
      if (c === 0x22) inString = true;
      else if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) {
        if (--depth === 0) endPart(s, base, i + 1, isObject, parts, text);
      }
      continue;
    }
    // Between parts: the container's own punctuation.
    if (isSpace(c)) continue;
    if (s.expect === 'comma') {
      if (c === 0x2c) s.expect = isObject ? 'key' : 'value';
      else if ((c === 0x7d && isObject) || (c === 0x5d && !isObject)) {
        s.done = true;
        s.at = base + i + 1;
        s.depth = 0;
        s.inString = false;
        return;
      } else throw new GiveUp();
      continue;
    }
    if (s.expect === 'colon') {
      if (c !== 0x3a) throw new GiveUp();
      s.expect = 'value';
      continue;
    }
    // A key or a value starts here.
    if ((c === 0x7d && isObject && s.expect === 'key' && !parts.length) || (c === 0x5d && !isObject && !parts.length)) {
      s.done = true; // empty container
      s.at = base + i + 1;
      return;
    }
    s.partStart = base + i;
    if (c === 0x22) inString = true;
    else if (s.expect === 'key') throw new GiveUp();
    else if (c === 0x7b || c === 0x5b) depth = 1;
    else {
      // A number, true, false or null: runs to the next punctuation.
      let j = i;
      while (j < to && !isSpace(text.charCodeAt(j)) && text.charCodeAt(j) !== 0x2c && text.charCodeAt(j) !== 0x7d && text.charCodeAt(j) !== 0x5d) j++;
      endPart(s, base, j, isObject, parts, text);
      i = j - 1;
    }
  }
  s.at = base + i;
  s.depth = depth;
  s.inString = inString;
  if (s.at >= end) throw new GiveUp(); // the container never closed
  if (inString && i >= to) throw new GiveUp(); // a string running past its block: never in blocks cut outside strings
}

/** Is the quote at q escaped (an odd number of backslashes before it)? */
function escaped(text: string, q: number): boolean {
  let k = q - 1;
  while (k >= 0 && text.charCodeAt(k) === 0x5c) k--;
  return (q - 1 - k) % 2 === 1;
}

/** The part that started at s.partStart ends at `base + end` (`end` in the block `text`, which holds the whole key). */
function endPart(s: ScanState, base: number, end: number, isObject: boolean, parts: Part[], text: string): void {
  if (isObject && s.expect === 'key') {
    s.key = JSON.parse(text.slice(s.partStart - base, end)) as string;
    s.expect = 'colon';
    return;
  }
  parts.push({ key: s.key, from: s.partStart, to: base + end });
  s.key = null;
  s.expect = 'comma';
}

function skipSpace(text: Blocks, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function trimEnd(text: Blocks, end: number): number {
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}
